// One row per month of the fiscal year for the target-versus-actual chart and its table.
import type { TOpenPipeline } from "./forecast";
import { divRound } from "./money";
import { completedMonths, type TAsOf, type TMonthFigures } from "./metrics";
import type { MonthKey } from "./period";

export type TMonthRow = {
  month: MonthKey;
  target: bigint | null;
  /** null for months after D's month: they are forecast, not zero. */
  actual: bigint | null;
  cumulativeTarget: bigint | null;
  cumulativeActual: bigint | null;
  /** The run-rate projection, from the last completed month to the year's end. */
  forecastCumulative: bigint | null;
  /** The pipeline projections (null without open deals): see `buildMonthRows`. */
  commitCumulative: bigint | null;
  bestCaseCumulative: bigint | null;
  weightedCumulative: bigint | null;
  isFuture: boolean;
  /** D's own month: its actual is so far, not the month's. */
  isInProgress: boolean;
};

/** The open pipeline expected to close in one month (after D), as SQL summed it. */
export type TMonthOpen = Pick<TOpenPipeline, "count" | "commitMinor" | "bestCaseMinor" | "weightedBpMinor"> & {
  month: MonthKey;
};

type TProjection = Pick<TMonthRow, "commitCumulative" | "bestCaseCumulative" | "weightedCumulative">;
const NO_PROJECTION: TProjection = { commitCumulative: null, bestCaseCumulative: null, weightedCumulative: null };

/**
 * Cumulative commit, best-case and weighted projections to year end. They start from the last
 * completed month's cumulative actual; each later month adds the open deals expected to close in it
 * (and D's own month adds its actual so far), so the last month equals the forecast tile exactly:
 * actual YTD + Σ open deals. Weighted is rounded once per point from the running Σ amount × bp,
 * never month by month, so rounding never accumulates.
 */
function pipelineProjections(year: TMonthFigures[], asOf: TAsOf, open: TMonthOpen[]): TProjection[] {
  if (!open.some((o) => o.count > 0)) return year.map(() => NO_PROJECTION);
  const byMonth = new Map(open.map((o) => [o.month, o]));
  const anchor = completedMonths(year, asOf).length - 1; // −1: no month completed yet
  let actual = 0n;
  let commit = 0n;
  let bestCase = 0n;
  let weightedBp = 0n;
  return year.map((m, i) => {
    const isCompleted = i <= anchor;
    if (isCompleted || m.month === asOf.month) actual += m.actualMinor;
    const o = isCompleted ? undefined : byMonth.get(m.month);
    commit += o?.commitMinor ?? 0n;
    bestCase += o?.bestCaseMinor ?? 0n;
    weightedBp += o?.weightedBpMinor ?? 0n;
    if (i < anchor) return NO_PROJECTION;
    const commitCumulative = actual + commit;
    return {
      commitCumulative,
      bestCaseCumulative: commitCumulative + bestCase,
      weightedCumulative: actual + divRound(weightedBp, 10_000n),
    };
  });
}

/**
 * One row per month. With `projections` (the full fiscal year), the run-rate and pipeline projections
 * to year end; without, cumulative lines only, starting at the first month given.
 */
export function buildMonthRows(
  year: TMonthFigures[],
  asOf: TAsOf,
  open: TMonthOpen[] = [],
  options: { projections?: boolean } = {},
): TMonthRow[] {
  const withProjections = options.projections ?? true;
  const done = withProjections ? completedMonths(year, asOf) : [];
  const n = BigInt(done.length);
  const actualDone = done.reduce((a, m) => a + m.actualMinor, 0n);
  const projections = withProjections ? pipelineProjections(year, asOf, open) : year.map(() => NO_PROJECTION);
  let cumTarget: bigint | null = null;
  let cumActual = 0n;
  return year.map((m, i) => {
    const isFuture = m.month > asOf.month;
    const isInProgress = m.month === asOf.month && !asOf.isMonthComplete;
    if (m.targetMinor !== null) cumTarget = (cumTarget ?? 0n) + m.targetMinor;
    if (!isFuture) cumActual += m.actualMinor;
    // Cumulative run rate: actual(completed) × (months so far) / completed count; it meets the
    // last completed month's cumulative actual and ends at the full-year forecast.
    const forecastCumulative = n > 0n && i >= done.length - 1 ? divRound(actualDone * BigInt(i + 1), n) : null;
    return {
      month: m.month,
      target: m.targetMinor,
      actual: isFuture ? null : m.actualMinor,
      cumulativeTarget: cumTarget,
      cumulativeActual: isFuture ? null : cumActual,
      forecastCumulative,
      ...(projections[i] ?? NO_PROJECTION),
      isFuture,
      isInProgress,
    };
  });
}
