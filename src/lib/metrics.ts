// The numbers of DESIGN.md ("The numbers"), one definition each, over a fiscal year's monthly
// figures. Inputs are per-month sums that SQL already aggregated; nothing here sees a transaction.
import { divRound } from "./money";
import type { MonthKey } from "./period";

export type TMonthFigures = { month: MonthKey; targetMinor: bigint | null; actualMinor: bigint };
export type TOutlook = "ON_TRACK" | "AT_RISK" | "OFF_TRACK";
export type TThresholds = { onTrackBp: number; atRiskBp: number };

/**
 * D, the as-of date, as its month and whether that month is complete. A month is completed when its
 * last day is before D, so D's own month is in progress (even on its last day); for a past range D is
 * read at the end of its last day, which completes every month of it.
 */
export type TAsOf = { month: MonthKey; isMonthComplete: boolean };

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** target(R), or null when no month of R has a target (nothing to compare against). */
export function targetOf(months: TMonthFigures[]): bigint | null {
  const set = months.filter((m) => m.targetMinor !== null);
  return set.length ? sum(set.map((m) => m.targetMinor ?? 0n)) : null;
}

export const actualOf = (months: TMonthFigures[]) => sum(months.map((m) => m.actualMinor));

/** Basis points of a ratio, rounded half away from zero (10000 = 100 %); null when the base is 0. */
export function ratioBp(numerator: bigint, denominator: bigint): number | null {
  return denominator === 0n ? null : Number(divRound(numerator * 10_000n, denominator));
}

/** Months of the fiscal year through D's month (inclusive): year-to-date. */
export function ytdMonths(year: TMonthFigures[], asOf: TAsOf): TMonthFigures[] {
  return year.filter((m) => m.month <= asOf.month);
}

/** Months of the fiscal year from D's month (inclusive) to its last. */
export function monthsRemaining(year: TMonthFigures[], asOf: TAsOf): number {
  return year.filter((m) => m.month >= asOf.month).length;
}

/** Months of the fiscal year that are completed as of D (the months "to date" covers). */
export function completedMonths(year: TMonthFigures[], asOf: TAsOf): TMonthFigures[] {
  return year.filter((m) => m.month < asOf.month || (m.month === asOf.month && asOf.isMonthComplete));
}

/** Still to book: annual target − actual YTD (the month in progress included); null without a target. */
export function stillToBook(year: TMonthFigures[], asOf: TAsOf): bigint | null {
  const annual = targetOf(year);
  return annual === null ? null : annual - actualOf(ytdMonths(year, asOf));
}

/** (annual target − actual YTD) / months remaining; null with no target or no month left. */
export function requiredRunRate(year: TMonthFigures[], asOf: TAsOf): bigint | null {
  const annual = targetOf(year);
  const left = monthsRemaining(year, asOf);
  if (annual === null || left === 0) return null;
  return divRound(annual - actualOf(ytdMonths(year, asOf)), BigInt(left));
}

/**
 * The forecast without open deals: the run rate of completed months, actual(completed) / their
 * count × 12; null before the first month completes.
 */
export function runRateForecast(year: TMonthFigures[], asOf: TAsOf): bigint | null {
  const done = completedMonths(year, asOf);
  if (!done.length) return null;
  return divRound(actualOf(done) * BigInt(year.length), BigInt(done.length));
}

/** forecast / annual target against the organization's thresholds. */
export function outlookOf(
  forecastMinor: bigint | null,
  annualTargetMinor: bigint | null,
  thresholds: TThresholds,
): TOutlook | null {
  if (forecastMinor === null || annualTargetMinor === null || annualTargetMinor <= 0n) return null;
  // Compare forecast × 10000 with target × threshold in integers: no rounding at the boundary.
  const scaled = forecastMinor * 10_000n;
  if (scaled >= annualTargetMinor * BigInt(thresholds.onTrackBp)) return "ON_TRACK";
  if (scaled >= annualTargetMinor * BigInt(thresholds.atRiskBp)) return "AT_RISK";
  return "OFF_TRACK";
}

export type TRangeSummary = {
  target: bigint | null;
  actual: bigint;
  gap: bigint | null;
  gapBp: number | null;
  attainmentBp: number | null;
};

/** target, actual, gap (positive = shortfall) and attainment of a range of months. */
export function summarizeRange(months: TMonthFigures[]): TRangeSummary {
  const target = targetOf(months);
  const actual = actualOf(months);
  const gap = target === null ? null : target - actual;
  return {
    target,
    actual,
    gap,
    gapBp: gap === null || target === null ? null : ratioBp(gap, target),
    attainmentBp: target === null ? null : ratioBp(actual, target),
  };
}
