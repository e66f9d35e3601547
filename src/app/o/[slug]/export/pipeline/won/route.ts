import { readParam } from "@/lib/search-params";
import { now } from "@/server/clock";
import { wonByMonthCsv } from "@/server/pipeline/won-export";
import { tenantRoute } from "@/server/route-context";

/** The won-by-month view as CSV, for the same ?period= as the page. */
export const GET = tenantRoute(async (ctx, request) => {
  const period = readParam(Object.fromEntries(new URL(request.url).searchParams), "period");
  return wonByMonthCsv(ctx, period, await now());
});
