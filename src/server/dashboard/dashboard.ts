import "server-only";
import { buildMonthRows } from "@/lib/dashboard-rows";
import { fiscalYearsWithData } from "@/lib/fiscal-years";
import { headlineForecast, pipelineForecast, rangeCoverage, type TCoverageMonth } from "@/lib/forecast";
import {
  actualOf,
  outlookOf,
  requiredRunRate,
  runRateForecast,
  stillToBook,
  summarizeRange,
  targetOf,
  ytdMonths,
  type TAsOf,
  type TMonthFigures,
} from "@/lib/metrics";
import { fiscalQuarterOfMonth, type MonthKey } from "@/lib/period";
import { parsePeriod, resolvePeriod, todayIn, type TLocalDate, type TResolvedPeriod } from "@/lib/period-selection";
import { tracedShare } from "@/lib/bridge";
import { commitmentAccuracyByDepartment, getBridge, getHeatMap } from "../accountability/dashboard";
import { impactsByDepartmentMonth, unexplainedRedMonths } from "../accountability/month-impacts";
import { statusKey } from "../accountability/status";
import { getOrganization } from "../organizations/queries";
import { getHeadlineChoice, openPipelineByMonth } from "../pipeline/monthly";
import { openPipeline, staleCount } from "../pipeline/queries";
import type { TTenantContext } from "../tenant";
import { dataSpan } from "../periods/fiscal-years";
import { getMonthFigures } from "../revenue/queries";
import { isoDate, lastDayOfMonth } from "@/lib/dates";

/**
 * D as a date: today for a range still running, else the last day of the range's as-of month.
 * For a past range the pipeline is read as it is now (deals closing after that D): a deal since won,
 * lost or moved is not seen as it stood then. Pipeline snapshots could answer that better.
 */
const asOfDate = (resolved: TResolvedPeriod, today: TLocalDate): string =>
  resolved.asOf.isMonthComplete ? lastDayOfMonth(resolved.asOf.month) : isoDate(today);

/**
 * The CEO's headline for a range (DESIGN.md "The numbers"). A range that reaches D compares target
 * to date with actual to date (its completed months only) and shows D's month on its own, so a few
 * days of revenue never stand against a whole month of target. A range that has ended is read whole.
 */
function headlineOf(resolved: TResolvedPeriod, figures: TMonthFigures[]) {
  const inRange = (months: MonthKey[]) => figures.filter((m) => months.includes(m.month));
  const current = resolved.inProgress ? figures.find((m) => m.month === resolved.inProgress?.month) : undefined;
  return {
    /** The range whole (a past range's headline; the chart and table of any). */
    range: summarizeRange(inRange(resolved.months)),
    /** The range's completed months ("to date"); the same as `range` once the range has ended. */
    toDate: summarizeRange(inRange(resolved.toDateMonths)),
    /** D's month when the range includes it: actual so far against its target, day d of n. */
    monthInProgress:
      resolved.inProgress && current
        ? { ...resolved.inProgress, targetMinor: current.targetMinor, actualMinor: current.actualMinor }
        : null,
  };
}

/** Everything the CEO dashboard shows for a period: a handful of aggregate queries, then arithmetic. */
export async function getDashboard(ctx: TTenantContext, periodParam: string | undefined, now: Date = new Date()) {
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, now);
  const resolved = resolvePeriod(
    parsePeriod(periodParam, today, organization.fiscalYearStartMonth),
    today,
    organization.fiscalYearStartMonth,
  );
  const d = asOfDate(resolved, today);
  const yearEnd = lastDayOfMonth(resolved.yearMonths.at(-1) ?? resolved.asOf.month);
  // A custom range may reach beyond its fiscal year: fetch both, once.
  const allMonths = [...new Set([...resolved.yearMonths, ...resolved.months])].sort() as MonthKey[];
  const [figures, open, openByMonth, choice, stale, span] = await Promise.all([
    getMonthFigures(ctx, organization.timeZone, allMonths),
    openPipeline(ctx, d, yearEnd),
    openPipelineByMonth(ctx, d, yearEnd),
    getHeadlineChoice(ctx),
    staleCount(ctx, isoDate(today)),
    dataSpan(ctx, organization.timeZone),
  ]);
  const year = figures.filter((m) => resolved.yearMonths.includes(m.month));
  const annualTarget = targetOf(year);
  const actualYtd = actualOf(ytdMonths(year, resolved.asOf));
  const runRate = runRateForecast(year, resolved.asOf);
  const headline = headlineForecast(actualYtd, open, choice, runRate);
  const forecast = headline.value;
  const isFullYear = resolved.period.kind === "fy";
  return {
    organization,
    today,
    /** D (YYYY-MM-DD): the pipeline counts deals expected to close after it. */
    asOfDate: d,
    resolved,
    ...headlineOf(resolved, figures),
    annualTarget,
    actualYtd,
    stillToBook: stillToBook(year, resolved.asOf),
    /** The headline forecast (what the tile and the outlook use), and what it is. */
    forecast,
    forecastKind: headline.source === "PIPELINE" ? choice : ("RUN_RATE" as const),
    /** All three pipeline forecasts, null without open deals closing after D within the year. */
    pipeline: open.count > 0 ? { ...pipelineForecast(actualYtd, open), openDeals: open.count } : null,
    runRate,
    coverage: coverage(year, resolved.asOf, organization.fiscalYearStartMonth, openByMonth),
    staleDeals: stale,
    requiredRunRate: requiredRunRate(year, resolved.asOf),
    outlook: outlookOf(forecast, annualTarget, {
      onTrackBp: organization.onTrackThresholdBp,
      atRiskBp: organization.atRiskThresholdBp,
    }),
    /**
     * The chart's and table's months: the period's own. The projections to year end belong to the
     * full-year view only; any other range's cumulative lines start at its first month.
     */
    rows: isFullYear
      ? buildMonthRows(year, resolved.asOf, openByMonth)
      : buildMonthRows(
          figures.filter((m) => resolved.months.includes(m.month)),
          resolved.asOf,
          [],
          { projections: false },
        ),
    hasProjections: isFullYear,
    /** Fiscal years with targets, actuals or deals (for the period picker), oldest first. */
    fiscalYears: fiscalYearsWithData(span, organization.fiscalYearStartMonth, today),
  };
}

/**
 * Pipeline coverage of D's fiscal quarter and of the fiscal year: open pipeline closing after D in
 * the range, over the range's remaining gap (its target − its actual so far). No quarter when D
 * falls outside the year (a future year is read from before it starts).
 */
function coverage(year: TMonthFigures[], asOf: TAsOf, fiscalYearStartMonth: number, openByMonth: TCoverageMonth[]) {
  const ofRange = (months: TMonthFigures[]) =>
    rangeCoverage(
      openByMonth,
      months.map((m) => m.month),
      targetOf(months),
      actualOf(months.filter((m) => m.month <= asOf.month)),
    );
  const inYear = year.some((m) => m.month === asOf.month);
  const quarterNumber = inYear ? fiscalQuarterOfMonth(asOf.month, fiscalYearStartMonth) : null;
  const quarter = quarterNumber === null ? null : year.slice((quarterNumber - 1) * 3, quarterNumber * 3);
  return {
    quarter: quarter === null ? null : { quarter: quarterNumber as number, ...ofRange(quarter) },
    year: ofRange(year),
  };
}

export type TDashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * The gap bridge of the dashboard's period to date: its completed months only (the whole period once
 * it has ended), so no target of an unfinished month sits in "unattributed". With `includeUnfinished`
 * (asked for explicitly) it covers every month of the period, and says how much target of months
 * still under way or to come that puts in "unattributed". Built from the figures getDashboard already
 * summed (no second revenue query). Claims awaiting finance ride along per department; the traced
 * share says how much of the gap the departments explain.
 */
export async function getDashboardBridge(
  ctx: TTenantContext,
  dashboard: TDashboard,
  includeClaimed: boolean,
  options: { includeUnfinished?: boolean } = {},
) {
  const { resolved } = dashboard;
  const includeUnfinished = Boolean(options.includeUnfinished) && resolved.toDateMonths.length < resolved.months.length;
  const months = includeUnfinished ? resolved.months : resolved.toDateMonths;
  const figures = includeUnfinished ? dashboard.range : dashboard.toDate;
  const [{ bridge, impacts }, unexplainedRed] = await Promise.all([
    getBridge(ctx, months, { targetMinor: figures.target, actualMinor: figures.actual }, includeClaimed),
    unexplainedRedMonths(ctx, months),
  ]);
  const unfinished = resolved.months.filter((m) => !resolved.toDateMonths.includes(m));
  return {
    bridge,
    months,
    includeClaimed,
    includeUnfinished,
    /** Target of the months under way or to come that the bridge includes (0 to date). */
    unfinishedTargetMinor: includeUnfinished
      ? dashboard.rows.filter((r) => unfinished.includes(r.month)).reduce((sum, r) => sum + (r.target ?? 0n), 0n)
      : 0n,
    hasConfirmed: impacts.some((d) => d.confirmedMinor !== 0n),
    claimedMinor: impacts.reduce((s, d) => s + d.claimedMinor, 0n),
    claimedDepartments: impacts.filter((d) => d.claimedMinor !== 0n).length,
    traced: figures.target === null ? null : tracedShare(impacts, figures.target, figures.actual),
    unexplainedRed,
  };
}

/** The heat map over the fiscal year with each cell's revenue impact; months after the as-of month are marked, to be shown blank. */
export async function getDashboardHeatMap(ctx: TTenantContext, dashboard: TDashboard) {
  const { resolved } = dashboard;
  const [rows, impacts] = await Promise.all([
    getHeatMap(ctx, resolved.yearMonths),
    impactsByDepartmentMonth(ctx, resolved.yearMonths),
  ]);
  return rows.map((r) => ({
    ...r,
    cells: r.cells.map((c) => {
      const impact = impacts.get(statusKey(r.departmentId, c.month));
      return {
        ...c,
        isFuture: c.month > resolved.asOf.month,
        /** Counted impact (confirmed contributions + charged deals), null when there is none. */
        impactMinor:
          impact && impact.confirmedMinor + impact.pipelineMinor !== 0n
            ? impact.confirmedMinor + impact.pipelineMinor
            : null,
        claimedMinor: impact && impact.claimedMinor !== 0n ? impact.claimedMinor : null,
      };
    }),
  }));
}

/** The accountability half of the CEO dashboard: bridge, heat map and commitment accuracy, side by side. */
export async function getDashboardAccountability(
  ctx: TTenantContext,
  dashboard: TDashboard,
  options: { includeClaimed: boolean; includeUnfinished?: boolean },
) {
  const [bridge, heatMap, accuracy] = await Promise.all([
    getDashboardBridge(ctx, dashboard, options.includeClaimed, { includeUnfinished: options.includeUnfinished }),
    getDashboardHeatMap(ctx, dashboard),
    commitmentAccuracyByDepartment(ctx, isoDate(dashboard.today)),
  ]);
  return { bridge, heatMap, accuracy };
}

export type TDashboardBridge = Awaited<ReturnType<typeof getDashboardBridge>>;
