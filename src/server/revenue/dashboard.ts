import "server-only";
import { buildMonthRows } from "@/lib/dashboard-rows";
import { outlookOf, requiredRunRate, runRateForecast, summarizeRange, targetOf } from "@/lib/metrics";
import { parsePeriod, resolvePeriod, todayIn } from "@/lib/period-selection";
import { getOrganization } from "../organizations/queries";
import type { TTenantContext } from "../tenant";
import { getMonthFigures } from "./queries";

/** Everything the CEO dashboard shows for a period: two aggregate queries, then arithmetic. */
export async function getDashboard(ctx: TTenantContext, periodParam: string | undefined, now: Date = new Date()) {
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, now);
  const resolved = resolvePeriod(parsePeriod(periodParam, today, organization.fiscalYearStartMonth), today, organization.fiscalYearStartMonth);
  const year = await getMonthFigures(ctx, organization.timeZone, resolved.yearMonths);
  const range = summarizeRange(year.filter((m) => resolved.months.includes(m.month)));
  const annualTarget = targetOf(year);
  const forecast = runRateForecast(year, resolved.asOf);
  return {
    organization,
    today,
    resolved,
    range,
    annualTarget,
    forecast,
    requiredRunRate: requiredRunRate(year, resolved.asOf),
    outlook: outlookOf(forecast, annualTarget, { onTrackBp: organization.onTrackThresholdBp, atRiskBp: organization.atRiskThresholdBp }),
    rows: buildMonthRows(year, resolved.asOf),
  };
}

export type TDashboard = Awaited<ReturnType<typeof getDashboard>>;
