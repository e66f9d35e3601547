import { getSessionUser } from "@/server/auth";
import { getDashboardCsv } from "@/server/dashboard/dashboard-csv";
import { resolveTenant } from "@/server/tenant";
import { now } from "@/server/clock";

/**
 * A dashboard table as CSV: ?table=months (the default), bridge (with &claimed=1 to count claimed
 * contributions), heatmap or accuracy, for the ?period= the page shows.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  const ctx = user && (await resolveTenant(user.id, slug));
  if (!ctx) return new Response("Not found", { status: 404 });
  const { filename, csv } = await getDashboardCsv(ctx, new URL(request.url).searchParams, await now());
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
