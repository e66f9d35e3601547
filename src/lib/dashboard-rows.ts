// One row per month of the fiscal year for the target-versus-actual chart and its table.
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
  isFuture: boolean;
};

export function buildMonthRows(year: TMonthFigures[], asOf: TAsOf): TMonthRow[] {
  const done = completedMonths(year, asOf);
  const n = BigInt(done.length);
  const actualDone = done.reduce((a, m) => a + m.actualMinor, 0n);
  let cumTarget: bigint | null = null;
  let cumActual = 0n;
  return year.map((m, i) => {
    const isFuture = m.month > asOf.month;
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
      isFuture,
    };
  });
}
