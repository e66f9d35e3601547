// The pipeline forecast (DESIGN.md "The numbers"), from sums SQL already made over the open deals
// whose expected close date falls after D and within the fiscal year. Closed-won deals are revenue
// entries already, so they are never added here.
import type { HeadlineForecast } from "@db/enums";
import { divRound } from "./money";
import { ratioBp } from "./metrics";
import type { MonthKey } from "./period";

export type TOpenPipeline = {
  /** How many open deals close after D within the year. */
  count: number;
  /** Σ amount of open COMMIT deals. */
  commitMinor: bigint;
  /** Σ amount of open BEST_CASE deals. */
  bestCaseMinor: bigint;
  /** Σ amount × probability (basis points) of all open deals, not yet divided by 10000. */
  weightedBpMinor: bigint;
};

export type TPipelineForecast = { commit: bigint; bestCase: bigint; weighted: bigint };

export const HEADLINE_LABELS: Record<HeadlineForecast, string> = {
  WEIGHTED: "Weighted",
  COMMIT: "Commit",
  BEST_CASE: "Best case",
};

/**
 * commit = actual YTD + Σ open COMMIT; best case = commit + Σ open BEST_CASE;
 * weighted = actual YTD + Σ amount × probability of all open deals (rounded once, half away from zero).
 */
export function pipelineForecast(actualYtdMinor: bigint, open: TOpenPipeline): TPipelineForecast {
  const commit = actualYtdMinor + open.commitMinor;
  return {
    commit,
    bestCase: commit + open.bestCaseMinor,
    weighted: actualYtdMinor + divRound(open.weightedBpMinor, 10_000n),
  };
}

/**
 * The dashboard's headline forecast: the organization's chosen pipeline forecast while it has open
 * deals for the rest of the year; without any, the run rate of completed months (may be null).
 */
export function headlineForecast(
  actualYtdMinor: bigint,
  open: TOpenPipeline,
  choice: HeadlineForecast,
  runRateMinor: bigint | null,
): { value: bigint | null; source: "PIPELINE" | "RUN_RATE" } {
  if (open.count === 0) return { value: runRateMinor, source: "RUN_RATE" };
  const f = pipelineForecast(actualYtdMinor, open);
  return {
    value: choice === "COMMIT" ? f.commit : choice === "BEST_CASE" ? f.bestCase : f.weighted,
    source: "PIPELINE",
  };
}

/**
 * Pipeline coverage of a range: open pipeline expected to close in it after D, over the range's
 * remaining gap. Null when nothing is left to cover (gap ≤ 0) or there is no target.
 */
export function coverageBp(openInRangeMinor: bigint, gapMinor: bigint | null): number | null {
  if (gapMinor === null || gapMinor <= 0n) return null;
  return ratioBp(openInRangeMinor, gapMinor);
}

/** An open deal whose expected close date (YYYY-MM-DD) has passed is stale. */
export const isStale = (outcome: string, expectedCloseDate: string, today: string) =>
  outcome === "OPEN" && expectedCloseDate < today;

/** What the headline forecast is: one of the pipeline forecasts, or the run rate when no deals are open. */
export type TForecastKind = HeadlineForecast | "RUN_RATE";

export const FORECAST_KIND_LABELS: Record<TForecastKind, string> = {
  WEIGHTED: "Weighted pipeline",
  COMMIT: "Commit",
  BEST_CASE: "Best case",
  RUN_RATE: "Run rate of completed months",
};

export type TCoverage = { openMinor: bigint; gapMinor: bigint | null; coverageBp: number | null };

/**
 * Coverage of a range as of D: its open pipeline closing after D, against its remaining gap —
 * target(range) − actual(range) so far (revenue already booked no longer needs covering).
 * A range without a target has no gap (null).
 */
export function coverageOf(openMinor: bigint, targetMinor: bigint | null, actualSoFarMinor: bigint): TCoverage {
  const gapMinor = targetMinor === null ? null : targetMinor - actualSoFarMinor;
  return { openMinor, gapMinor, coverageBp: coverageBp(openMinor, gapMinor) };
}

/** A month of open pipeline as coverage reads it: Σ amount of the deals that have one, and how many have none. */
export type TCoverageMonth = { month: MonthKey; amountMinor: bigint; noAmountCount: number };

export type TRangeCoverage = TCoverage & { noAmountCount: number };

/**
 * Coverage of `months`: the open pipeline of those months (deals imported without an amount are
 * not in it: they are counted apart, so the page can say how many were left out), against the gap.
 */
export function rangeCoverage(
  openByMonth: readonly TCoverageMonth[],
  months: readonly MonthKey[],
  targetMinor: bigint | null,
  actualSoFarMinor: bigint,
): TRangeCoverage {
  const inRange = openByMonth.filter((o) => months.includes(o.month));
  const openMinor = inRange.reduce((sum, o) => sum + o.amountMinor, 0n);
  return {
    ...coverageOf(openMinor, targetMinor, actualSoFarMinor),
    noAmountCount: inRange.reduce((n, o) => n + o.noAmountCount, 0),
  };
}

/** Coverage as a multiple of the gap, one decimal: 24000 bp → "2.4×"; "—" when there is no gap to cover. */
export function formatCoverage(bp: number | null, locale = "en-US"): string {
  if (bp === null) return "—";
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bp / 10_000)}×`;
}
