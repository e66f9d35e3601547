import { now } from "@/server/clock";
import { getDashboardCsv } from "@/server/dashboard/dashboard-csv";
import { tenantRoute } from "@/server/route-context";

/**
 * A dashboard table as CSV: ?table=months (the default), bridge (with &claimed=1 to count claimed
 * contributions), heatmap or accuracy, for the ?period= the page shows.
 */
export const GET = tenantRoute(async (ctx, request) => {
  const { filename, csv } = await getDashboardCsv(ctx, new URL(request.url).searchParams, await now());
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
