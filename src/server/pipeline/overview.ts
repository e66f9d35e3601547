import "server-only";
import { pipelineForecast } from "@/lib/forecast";
import { actualOf, ytdMonths } from "@/lib/metrics";
import { addMonths, fiscalYearLabel, fiscalYearOfMonth, monthKey, monthToDbDate } from "@/lib/period";
import { resolvePeriod, todayIn } from "@/lib/period-selection";
import { getOrganization } from "../organizations/queries";
import { listFiscalYears } from "../periods/fiscal-years";
import { isoDate } from "../revenue/dashboard";
import { getMonthFigures } from "../revenue/queries";
import type { TTenantContext } from "../tenant";
import type { TPipelineCalendar } from "./list";
import { openPipeline, staleCount } from "./queries";
import { now } from "../clock";

/**
 * The pipeline page's header: the current fiscal year's forecast by category (DESIGN.md "The
 * numbers": actual YTD the way the dashboard sums it, plus the open deals closing after today and
 * by year end), and how many open deals are stale.
 */
export async function getPipelineOverview(ctx: TTenantContext, at?: Date) {
  const organization = await getOrganization(ctx);
  const instant = at ?? (await now());
  const today = todayIn(organization.timeZone, instant);
  const todayIso = isoDate(today);
  const fiscalYear = fiscalYearOfMonth(monthKey(today.year, today.month), organization.fiscalYearStartMonth);
  const fy = resolvePeriod({ kind: "ytd", fiscalYear }, today, organization.fiscalYearStartMonth);
  const lastMonth = fy.yearMonths[fy.yearMonths.length - 1]!;
  const yearEnd = new Date(monthToDbDate(addMonths(lastMonth, 1)).getTime() - 86_400_000).toISOString().slice(0, 10);
  const [year, open, stale, fiscalYears] = await Promise.all([
    getMonthFigures(ctx, organization.timeZone, fy.yearMonths),
    openPipeline(ctx.organizationId, todayIso, yearEnd),
    staleCount(ctx.organizationId, todayIso),
    listFiscalYears(ctx, instant, organization),
  ]);
  const actualYtd = actualOf(ytdMonths(year, fy.asOf));
  const calendar: TPipelineCalendar = { today: todayIso, fiscalYearStartMonth: organization.fiscalYearStartMonth };
  return {
    organization,
    calendar,
    fiscalYear: fy.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(fy.fiscalYear),
    /** The years the quarter filter offers: every fiscal year with data, and the next. */
    fiscalYears,
    actualYtd,
    open,
    forecast: pipelineForecast(actualYtd, open),
    staleCount: stale,
  };
}


/** The organization's today and fiscal calendar, for filtering without the forecast's queries. */
export async function getPipelineCalendar(ctx: TTenantContext) {
  const organization = await getOrganization(ctx);
  const calendar: TPipelineCalendar = { today: isoDate(todayIn(organization.timeZone, await now())), fiscalYearStartMonth: organization.fiscalYearStartMonth };
  return { organization, calendar };
}
