import "server-only";
import { buildMonthRows } from "@/lib/dashboard-rows";
import { coverageOf, headlineForecast, pipelineForecast } from "@/lib/forecast";
import { actualOf, outlookOf, requiredRunRate, runRateForecast, summarizeRange, targetOf, ytdMonths, type TAsOf, type TMonthFigures } from "@/lib/metrics";
import { addMonths, fiscalQuarterOfMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import { parsePeriod, resolvePeriod, todayIn, type TLocalDate, type TResolvedPeriod } from "@/lib/period-selection";
import { commitmentAccuracyByDepartment, getBridge, getHeatMap } from "../accountability/dashboard";
import { getOrganization } from "../organizations/queries";
import { getHeadlineChoice, openPipelineByMonth } from "../pipeline/monthly";
import { openPipeline, staleCount } from "../pipeline/queries";
import type { TTenantContext } from "../tenant";
import { getMonthFigures } from "./queries";

/** The last day (YYYY-MM-DD) of a month. */
const lastDayOf = (month: MonthKey) => new Date(monthToDbDate(addMonths(month, 1)).getTime() - 86_400_000).toISOString().slice(0, 10);

/**
 * D as a date: today for a range still running, else the last day of the range's as-of month.
 * For a past range the pipeline is read as it is now (deals closing after that D): a deal since won,
 * lost or moved is not seen as it stood then. Pipeline snapshots could answer that better.
 */
const asOfDate = (resolved: TResolvedPeriod, today: TLocalDate): string =>
  resolved.asOf.isLastDayOfMonth ? lastDayOf(resolved.asOf.month) : isoDate(today);

/** Everything the CEO dashboard shows for a period: a handful of aggregate queries, then arithmetic. */
export async function getDashboard(ctx: TTenantContext, periodParam: string | undefined, now: Date = new Date()) {
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, now);
  const resolved = resolvePeriod(parsePeriod(periodParam, today, organization.fiscalYearStartMonth), today, organization.fiscalYearStartMonth);
  const d = asOfDate(resolved, today);
  const yearEnd = lastDayOf(resolved.yearMonths.at(-1) ?? resolved.asOf.month);
  const [year, open, openByMonth, choice, stale] = await Promise.all([
    getMonthFigures(ctx, organization.timeZone, resolved.yearMonths),
    openPipeline(ctx.organizationId, d, yearEnd),
    openPipelineByMonth(ctx.organizationId, d, yearEnd),
    getHeadlineChoice(ctx.organizationId),
    staleCount(ctx.organizationId, isoDate(today)),
  ]);
  const range = summarizeRange(year.filter((m) => resolved.months.includes(m.month)));
  const annualTarget = targetOf(year);
  const actualYtd = actualOf(ytdMonths(year, resolved.asOf));
  const runRate = runRateForecast(year, resolved.asOf);
  const headline = headlineForecast(actualYtd, open, choice, runRate);
  const forecast = headline.value;
  return {
    organization,
    today,
    /** D (YYYY-MM-DD): the pipeline counts deals expected to close after it. */
    asOfDate: d,
    resolved,
    range,
    annualTarget,
    /** The headline forecast (what the tile and the outlook use), and what it is. */
    forecast,
    forecastKind: headline.source === "PIPELINE" ? choice : ("RUN_RATE" as const),
    /** All three pipeline forecasts, null without open deals closing after D within the year. */
    pipeline: open.count > 0 ? { ...pipelineForecast(actualYtd, open), openDeals: open.count } : null,
    runRate,
    coverage: coverage(year, resolved.asOf, organization.fiscalYearStartMonth, openByMonth),
    staleDeals: stale,
    requiredRunRate: requiredRunRate(year, resolved.asOf),
    outlook: outlookOf(forecast, annualTarget, { onTrackBp: organization.onTrackThresholdBp, atRiskBp: organization.atRiskThresholdBp }),
    rows: buildMonthRows(year, resolved.asOf, openByMonth),
  };
}

/**
 * Pipeline coverage of D's fiscal quarter and of the fiscal year: open pipeline closing after D in
 * the range, over the range's remaining gap (its target − its actual so far). No quarter when D
 * falls outside the year (a future year is read from before it starts).
 */
function coverage(year: TMonthFigures[], asOf: TAsOf, fiscalYearStartMonth: number, openByMonth: { month: MonthKey; amountMinor: bigint }[]) {
  const rangeCoverage = (months: TMonthFigures[]) => {
    const keys = new Set(months.map((m) => m.month));
    const open = openByMonth.filter((o) => keys.has(o.month)).reduce((s, o) => s + o.amountMinor, 0n);
    return coverageOf(open, targetOf(months), actualOf(months.filter((m) => m.month <= asOf.month)));
  };
  const inYear = year.some((m) => m.month === asOf.month);
  const quarterNumber = inYear ? fiscalQuarterOfMonth(asOf.month, fiscalYearStartMonth) : null;
  const quarter = quarterNumber === null ? null : year.slice((quarterNumber - 1) * 3, quarterNumber * 3);
  return {
    quarter: quarter === null ? null : { quarter: quarterNumber as number, ...rangeCoverage(quarter) },
    year: rangeCoverage(year),
  };
}

export type TDashboard = Awaited<ReturnType<typeof getDashboard>>;

/** YYYY-MM-DD of a local date (the organization's today). */
export const isoDate = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/**
 * The gap bridge of the dashboard's period, from the figures getDashboard already summed (no second
 * revenue query). `claimedMinor` is Σ CLAIMED impacts, shown beside the bridge when they are not counted.
 */
export async function getDashboardBridge(ctx: TTenantContext, dashboard: TDashboard, includeClaimed: boolean) {
  const { resolved, range } = dashboard;
  const { bridge, impacts } = await getBridge(ctx.organizationId, resolved.months, { targetMinor: range.target, actualMinor: range.actual }, includeClaimed);
  return {
    bridge,
    includeClaimed,
    hasConfirmed: impacts.some((d) => d.confirmedMinor !== 0n),
    claimedMinor: impacts.reduce((s, d) => s + d.claimedMinor, 0n),
    claimedDepartments: impacts.filter((d) => d.claimedMinor !== 0n).length,
    ...unfinishedTarget(dashboard),
  };
}

/**
 * Target of the period's months that have not ended by D: their revenue is still to come, so it sits
 * in "unattributed" until then. The card says how much, so a mid-year bridge is not read as a
 * shortfall nobody owns.
 */
function unfinishedTarget(dashboard: TDashboard): { unfinishedTargetMinor: bigint; unfinishedMonths: MonthKey[] } {
  const { resolved } = dashboard;
  const isUnfinished = (m: MonthKey) => m > resolved.asOf.month || (m === resolved.asOf.month && !resolved.asOf.isLastDayOfMonth);
  const rows = dashboard.rows.filter((r) => resolved.months.includes(r.month) && isUnfinished(r.month));
  return { unfinishedTargetMinor: rows.reduce((s, r) => s + (r.target ?? 0n), 0n), unfinishedMonths: rows.map((r) => r.month) };
}

/** The heat map over the fiscal year; months after the as-of month are marked, to be shown blank. */
export async function getDashboardHeatMap(ctx: TTenantContext, dashboard: TDashboard) {
  const { resolved } = dashboard;
  const rows = await getHeatMap(ctx.organizationId, resolved.yearMonths);
  return rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, isFuture: c.month > resolved.asOf.month })) }));
}

/** The accountability half of the CEO dashboard: bridge, heat map and commitment accuracy, side by side. */
export async function getDashboardAccountability(ctx: TTenantContext, dashboard: TDashboard, options: { includeClaimed: boolean }) {
  const [bridge, heatMap, accuracy] = await Promise.all([
    getDashboardBridge(ctx, dashboard, options.includeClaimed),
    getDashboardHeatMap(ctx, dashboard),
    commitmentAccuracyByDepartment(ctx.organizationId, isoDate(dashboard.today)),
  ]);
  return { bridge, heatMap, accuracy };
}

export type TDashboardBridge = Awaited<ReturnType<typeof getDashboardBridge>>;
