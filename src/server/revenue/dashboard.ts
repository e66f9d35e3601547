import "server-only";
import type { MonthKey } from "@/lib/period";
import { buildMonthRows } from "@/lib/dashboard-rows";
import { outlookOf, requiredRunRate, runRateForecast, summarizeRange, targetOf } from "@/lib/metrics";
import { parsePeriod, resolvePeriod, todayIn } from "@/lib/period-selection";
import { commitmentAccuracyByDepartment, getBridge, getHeatMap } from "../accountability/dashboard";
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
