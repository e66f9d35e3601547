// KPI values and targets are integers at the unit's scale, like money: minor units of the
// organization's currency for CURRENCY, hundredths for COUNT, PERCENT and DAYS (12.5 % is 1250).
// RAG is decided by integer cross-multiplication against basis-point bands, so no float and no
// rounding ever moves a KPI across a band edge.
import type { KpiAggregation, KpiDirection, KpiUnit } from "@db/enums";
import {
  amountBoundMessage,
  currencyDigits,
  divRound,
  formatMoney,
  isWithinAmountBound,
  MAX_AMOUNT_MINOR,
  minorToDecimalString,
  parseMoneyInput,
} from "./money";
import { plural } from "./format";
import { monthLabel, type MonthKey } from "./period";

export type TRag = "GREEN" | "AMBER" | "RED";
export type TBands = { greenAtBp: number; amberAtBp: number };
export const DEFAULT_BANDS: TBands = { greenAtBp: 10_000, amberAtBp: 9_000 };
/** One of a count, at the hundredths counts are stored in. */
const ONE_COUNT = 100n;

export const KPI_UNIT_LABELS: Record<KpiUnit, string> = {
  CURRENCY: "Currency",
  COUNT: "Count",
  PERCENT: "Percent",
  DAYS: "Days",
};
export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = {
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
};
export const RAG_LABELS: Record<TRag, string> = { GREEN: "Green", AMBER: "Amber", RED: "Red" };
export const KPI_AGGREGATION_LABELS: Record<KpiAggregation, string> = {
  SUM: "Sum",
  AVERAGE: "Average",
  LAST: "Last month",
};
/** What each aggregation means, in the words the definition form offers it with. */
export const KPI_AGGREGATION_HELP: Record<KpiAggregation, string> = {
  SUM: "a flow adds up (sourced pipeline)",
  AVERAGE: "a rate is averaged (cost per lead)",
  LAST: "a stock takes the last month (open tickets)",
};

/**
 * The aggregation a unit starts with (DESIGN.md "KPI"): counts add up, percentages and days are
 * averaged. Currency has none: a cost per lead is a rate, sourced pipeline a flow, so the owner says.
 */
export function defaultAggregation(unit: KpiUnit): KpiAggregation | null {
  if (unit === "COUNT") return "SUM";
  if (unit === "PERCENT" || unit === "DAYS") return "AVERAGE";
  return null;
}

/** Decimal digits a unit is stored with. */
export function kpiDigits(unit: KpiUnit, currency: string): number {
  return unit === "CURRENCY" ? currencyDigits(currency) : 2;
}

/**
 * Parses a typed KPI value ("1,250", "12.5%", "(300)" for a negative amount) to its scaled integer,
 * or returns the reason it cannot be one. Counts and days cannot be negative.
 */
export function parseKpiValue(
  text: string,
  unit: KpiUnit,
  currency: string,
): { ok: true; value: bigint } | { ok: false; reason: string } {
  const digits = kpiDigits(unit, currency);
  const cleaned = unit === "PERCENT" ? text.trim().replace(/%$/, "") : text.trim();
  if (!cleaned) return { ok: false, reason: "Enter a value." };
  const value = parseMoneyInput(cleaned, digits);
  if (unit === "COUNT" && (value === null || value % ONE_COUNT !== 0n))
    return { ok: false, reason: "A count is a whole number: enter it without decimals." };
  if (value === null) return { ok: false, reason: `Enter a number with at most ${digits} decimals.` };
  // Every unit shares the money bound at its scale (the database checks the same), so sums stay exact.
  if (!isWithinAmountBound(value)) {
    const limit =
      unit === "CURRENCY"
        ? amountBoundMessage(currency)
        : `Values are at most ${formatKpiValue(MAX_AMOUNT_MINOR, unit, currency)} (either sign).`;
    return { ok: false, reason: limit };
  }
  if (value < 0n && (unit === "COUNT" || unit === "DAYS"))
    return { ok: false, reason: `${KPI_UNIT_LABELS[unit]} cannot be negative.` };
  return { ok: true, value };
}

/** The scaled value as the text a form field shows: 1250n PERCENT → "12.50", 1200n COUNT → "12". */
export function kpiValueToInput(value: bigint, unit: KpiUnit, currency: string): string {
  // A count from before counts were whole keeps its decimals, so the field shows what is stored.
  if (unit === "COUNT" && value % ONE_COUNT === 0n) return (value / ONE_COUNT).toString();
  return minorToDecimalString(value, kpiDigits(unit, currency));
}

/** For display: "$12,500", "12.5%", "1,204", "3.5 days". Counts are whole numbers, shown without decimals. */
export function formatKpiValue(value: bigint | null, unit: KpiUnit, currency: string, locale = "en-US"): string {
  if (value === null) return "—";
  if (unit === "CURRENCY") return formatMoney(value, currency, { locale });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === "COUNT" ? 0 : 2 }).format(
    minorToDecimalString(value, 2) as Intl.StringNumericLiteral,
  );
  if (unit === "PERCENT") return `${number}%`;
  if (unit === "DAYS") return `${number} ${value === 100n ? "day" : "days"}`;
  return number;
}

/**
 * RAG of an actual against its target (DESIGN.md "KPI"): the ratio is actual / target, or
 * target / actual when lower is better; green at ≥ greenAtBp, amber at ≥ amberAtBp, else red.
 * No target: no rating. A zero or negative base has no ratio: the KPI is then green when the actual
 * is on the right side of the target (at or above it; at or below it when lower is better), else
 * red — so a net churn of −1 % misses a target of −2 %.
 */
export function ragOf(
  actual: bigint | null,
  target: bigint | null,
  direction: KpiDirection,
  bands: TBands = DEFAULT_BANDS,
): TRag | null {
  if (actual === null || target === null) return null;
  const [numerator, denominator] = direction === "HIGHER_IS_BETTER" ? [actual, target] : [target, actual];
  if (denominator <= 0n) {
    if (direction === "HIGHER_IS_BETTER") return actual >= target ? "GREEN" : "RED";
    return actual <= target ? "GREEN" : "RED";
  }
  const scaled = numerator * 10_000n;
  if (scaled >= denominator * BigInt(bands.greenAtBp)) return "GREEN";
  if (scaled >= denominator * BigInt(bands.amberAtBp)) return "AMBER";
  return "RED";
}

const RAG_RANK: Record<TRag, number> = { GREEN: 0, AMBER: 1, RED: 2 };

/** A department's status: red if any KPI is red, amber if any is amber, green if all rated ones are; null if none is rated. */
export function worstRag(rags: (TRag | null)[]): TRag | null {
  let worst: TRag | null = null;
  for (const rag of rags) if (rag && (worst === null || RAG_RANK[rag] > RAG_RANK[worst])) worst = rag;
  return worst;
}

export type TKpiMonthValue = { month: MonthKey; valueScaled: bigint; targetScaled: bigint | null };
export type TKpiAggregate = {
  actual: bigint | null;
  target: bigint | null;
  ratedActual: bigint | null;
  /** Months with a value. */
  months: number;
  /** The month `actual` is (LAST) or the latest month in it (SUM, AVERAGE); null without values. */
  asOf: MonthKey | null;
};

function combine(xs: bigint[], aggregation: KpiAggregation, unit: KpiUnit): bigint {
  if (aggregation === "LAST") return xs[xs.length - 1] as bigint;
  const total = xs.reduce((a, b) => a + b, 0n);
  if (aggregation === "SUM") return total;
  // A count's mean is a whole number too: round at the unit (100 hundredths), not at the hundredth.
  return unit === "COUNT"
    ? divRound(total, BigInt(xs.length) * ONE_COUNT) * ONE_COUNT
    : divRound(total, BigInt(xs.length));
}

/**
 * A KPI over several months, by its aggregation (DESIGN.md "KPI"): SUM adds the months' values,
 * AVERAGE is the mean of the months that have a value (rounded half away from zero at the unit's
 * scale; a count's mean to a whole number), LAST is the latest month's value. The target combines
 * the same way over the months that have one; null when none has. `ratedActual` combines the values
 * of those same months, and is what the period's RAG compares with the target: a month with a value
 * but no target (closed before the KPI had one) would otherwise add to a summed actual without
 * adding to its target, or be the "last" value rated against an older month's target.
 */
export function aggregateKpi(values: TKpiMonthValue[], unit: KpiUnit, aggregation: KpiAggregation): TKpiAggregate {
  if (!values.length) return { actual: null, target: null, ratedActual: null, months: 0, asOf: null };
  const sorted = [...values].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const rated = sorted.flatMap((v) =>
    v.targetScaled === null ? [] : [{ value: v.valueScaled, target: v.targetScaled }],
  );
  return {
    actual: combine(
      sorted.map((v) => v.valueScaled),
      aggregation,
      unit,
    ),
    target: rated.length
      ? combine(
          rated.map((r) => r.target),
          aggregation,
          unit,
        )
      : null,
    ratedActual: rated.length
      ? combine(
          rated.map((r) => r.value),
          aggregation,
          unit,
        )
      : null,
    months: sorted.length,
    asOf: sorted[sorted.length - 1]?.month ?? null,
  };
}

/**
 * How far an actual is from its target in the RAG's own terms, as a fraction numerator/denominator
 * (actual / target, or target / actual when lower is better); null when the base is zero or negative
 * (ragOf then decides by side alone). Used to rank KPIs of one status: the lower, the worse.
 */
function scoreOf(actual: bigint, target: bigint, direction: KpiDirection): { n: bigint; d: bigint } | null {
  const [n, d] = direction === "HIGHER_IS_BETTER" ? [actual, target] : [target, actual];
  return d > 0n ? { n, d } : null;
}

export type TRatedKpi<T> = {
  item: T;
  rag: TRag | null;
  actual: bigint | null;
  target: bigint | null;
  direction: KpiDirection;
};

/**
 * The KPI that sets a department's status: the worst RAG, and among equals the furthest from its
 * target (a KPI with no ratio, missed on a zero or negative base, counts as furthest); the first
 * listed on a tie. Null when no KPI is rated.
 */
export function worstKpi<T>(rows: TRatedKpi<T>[]): TRatedKpi<T> | null {
  let worst: TRatedKpi<T> | null = null;
  for (const row of rows) {
    if (!row.rag || row.actual === null || row.target === null) continue;
    if (worst === null || worst.actual === null || worst.target === null || !worst.rag) {
      worst = row;
      continue;
    }
    if (RAG_RANK[row.rag] !== RAG_RANK[worst.rag]) {
      if (RAG_RANK[row.rag] > RAG_RANK[worst.rag]) worst = row;
      continue;
    }
    const a = scoreOf(row.actual, row.target, row.direction);
    const b = scoreOf(worst.actual, worst.target, worst.direction);
    if (b === null) continue;
    if (a === null || a.n * b.d < b.n * a.d) worst = row;
  }
  return worst;
}

export type TKpiDefinition = {
  unit: KpiUnit;
  aggregation: KpiAggregation;
  direction: KpiDirection;
  greenAtBp: number;
  amberAtBp: number;
};

/**
 * A KPI over a period: its values in the period's months aggregated as its unit says, and the
 * aggregate rated against the aggregated target. One rule for the scorecard and the departments list.
 */
export function ratePeriodKpi(
  kpi: TKpiDefinition,
  inPeriod: TKpiMonthValue[],
): { period: TKpiAggregate; rag: TRag | null } {
  const period = aggregateKpi(inPeriod, kpi.unit, kpi.aggregation);
  return {
    period,
    rag: ragOf(period.ratedActual, period.target, kpi.direction, {
      greenAtBp: kpi.greenAtBp,
      amberAtBp: kpi.amberAtBp,
    }),
  };
}

/**
 * How a period's KPI figure came from its months, in words ("sum of 3 months", "average of 3
 * months", "last reported, Nov 2026"); null for a single month or a period without values.
 */
export function howCombined(
  aggregation: KpiAggregation,
  period: { months: number; asOf: MonthKey | null },
  isLong: boolean,
): string | null {
  if (!isLong || !period.months || !period.asOf) return null;
  if (aggregation === "SUM") return `sum of ${plural(period.months, "month")}`;
  if (aggregation === "AVERAGE") return `average of ${plural(period.months, "month")}`;
  return `last reported, ${monthLabel(period.asOf)}`;
}
