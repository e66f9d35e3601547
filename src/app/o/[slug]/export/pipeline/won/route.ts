import { readParam } from "@/lib/search-params";
import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { wonByMonthCsv } from "@/server/pipeline/won-export";

/** The won-by-month view as CSV, for the same ?period= as the page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  const period = readParam(Object.fromEntries(new URL(request.url).searchParams), "period");
  return wonByMonthCsv(user?.id ?? null, slug, period, await now());
}
