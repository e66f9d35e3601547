import "server-only";
import { pipelineForecast, rangeCoverage } from "@/lib/forecast";
import { actualOf, targetOf, ytdMonths } from "@/lib/metrics";
import { fiscalQuarterOfMonth, fiscalYearLabel, fiscalYearOfMonth, monthKey } from "@/lib/period";
import { resolvePeriod, todayIn } from "@/lib/period-selection";
import { getOrganization } from "../organizations/queries";
import { listFiscalYears } from "../periods/fiscal-years";
import { isoDate, lastDayOfMonth } from "@/lib/dates";
import { getMonthFigures } from "../revenue/queries";
import type { TTenantContext } from "../tenant";
import type { TPipelineCalendar } from "./list";
import { openPipelineByMonth } from "./monthly";
import { openPipeline, staleCount } from "./queries";
import { now } from "../clock";

/**
 * The pipeline page's header: the current fiscal year's forecast by category (DESIGN.md "The
 * numbers": actual YTD the way the dashboard sums it, plus the open deals closing after today and
 * by year end), this fiscal quarter's coverage as the dashboard computes it (open deals closing
 * after today in the quarter over the quarter's target minus its actual so far), and how many open
 * deals are stale.
 */
export async function getPipelineOverview(ctx: TTenantContext, at?: Date) {
  const organization = await getOrganization(ctx);
  const instant = at ?? (await now());
  const today = todayIn(organization.timeZone, instant);
  const todayIso = isoDate(today);
  const month = monthKey(today.year, today.month);
  const fiscalYear = fiscalYearOfMonth(month, organization.fiscalYearStartMonth);
  const quarter = fiscalQuarterOfMonth(month, organization.fiscalYearStartMonth);
  const fy = resolvePeriod({ kind: "ytd", fiscalYear }, today, organization.fiscalYearStartMonth);
  const lastMonth = fy.yearMonths[fy.yearMonths.length - 1]!;
  const yearEnd = lastDayOfMonth(lastMonth);
  const [year, open, openByMonth, stale, fiscalYears] = await Promise.all([
    getMonthFigures(ctx, organization.timeZone, fy.yearMonths),
    openPipeline(ctx, todayIso, yearEnd),
    openPipelineByMonth(ctx, todayIso, yearEnd),
    staleCount(ctx, todayIso),
    listFiscalYears(ctx, instant, organization),
  ]);
  const actualYtd = actualOf(ytdMonths(year, fy.asOf));
  const quarterMonths = year.filter(
    (m) => fiscalQuarterOfMonth(m.month, organization.fiscalYearStartMonth) === quarter,
  );
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
    /** This fiscal quarter ("2026-Q3", the quarter filter's value) and its pipeline coverage. */
    quarter: {
      key: `${fy.fiscalYear}-Q${quarter}`,
      label: `Q${quarter} ${fiscalYearLabel(fy.fiscalYear)}`,
      coverage: rangeCoverage(
        openByMonth,
        quarterMonths.map((m) => m.month),
        targetOf(quarterMonths),
        actualOf(quarterMonths.filter((m) => m.month <= fy.asOf.month)),
      ),
    },
  };
}

/** The organization's today and fiscal calendar, for filtering without the forecast's queries. */
export async function getPipelineCalendar(ctx: TTenantContext) {
  const organization = await getOrganization(ctx);
  const calendar: TPipelineCalendar = {
    today: isoDate(todayIn(organization.timeZone, await now())),
    fiscalYearStartMonth: organization.fiscalYearStartMonth,
  };
  return { organization, calendar };
}
