// KPI values and targets are integers at the unit's scale, like money: minor units of the
// organization's currency for CURRENCY, hundredths for COUNT, PERCENT and DAYS (12.5 % is 1250).
// RAG is decided by integer cross-multiplication against basis-point bands, so no float and no
// rounding ever moves a KPI across a band edge.
import type { KpiDirection, KpiUnit } from "@db/enums";
import { amountBoundMessage, currencyDigits, divRound, formatMoney, isWithinAmountBound, MAX_AMOUNT_MINOR, minorToDecimalString, parseMoneyInput } from "./money";

export type TRag = "GREEN" | "AMBER" | "RED";
export type TBands = { greenAtBp: number; amberAtBp: number };
export const DEFAULT_BANDS: TBands = { greenAtBp: 10_000, amberAtBp: 9_000 };

export const KPI_UNIT_LABELS: Record<KpiUnit, string> = { CURRENCY: "Currency", COUNT: "Count", PERCENT: "Percent", DAYS: "Days" };
export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = { HIGHER_IS_BETTER: "Higher is better", LOWER_IS_BETTER: "Lower is better" };
export const RAG_LABELS: Record<TRag, string> = { GREEN: "Green", AMBER: "Amber", RED: "Red" };

/** Decimal digits a unit is stored with. */
export function kpiDigits(unit: KpiUnit, currency: string): number {
  return unit === "CURRENCY" ? currencyDigits(currency) : 2;
}

/**
 * Parses a typed KPI value ("1,250", "12.5%", "(300)" for a negative amount) to its scaled integer,
 * or returns the reason it cannot be one. Counts and days cannot be negative.
 */
export function parseKpiValue(text: string, unit: KpiUnit, currency: string): { ok: true; value: bigint } | { ok: false; reason: string } {
  const digits = kpiDigits(unit, currency);
  const cleaned = unit === "PERCENT" ? text.trim().replace(/%$/, "") : text.trim();
  if (!cleaned) return { ok: false, reason: "Enter a value." };
  const value = parseMoneyInput(cleaned, digits);
  if (value === null) return { ok: false, reason: `Enter a number with at most ${digits} decimals.` };
  // Every unit shares the money bound at its scale (the database checks the same), so sums stay exact.
  if (!isWithinAmountBound(value)) {
    const limit = unit === "CURRENCY" ? amountBoundMessage(currency) : `Values are at most ${formatKpiValue(MAX_AMOUNT_MINOR, unit, currency)} (either sign).`;
    return { ok: false, reason: limit };
  }
  if (value < 0n && (unit === "COUNT" || unit === "DAYS")) return { ok: false, reason: `${KPI_UNIT_LABELS[unit]} cannot be negative.` };
  return { ok: true, value };
}

/** The scaled value as the text a form field shows: 1250n PERCENT → "12.50". */
export function kpiValueToInput(value: bigint, unit: KpiUnit, currency: string): string {
  return minorToDecimalString(value, kpiDigits(unit, currency));
}

/** For display: "$12,500", "12.5%", "1,204", "3.5 days". */
export function formatKpiValue(value: bigint | null, unit: KpiUnit, currency: string, locale = "en-US"): string {
  if (value === null) return "—";
  if (unit === "CURRENCY") return formatMoney(value, currency, { locale });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minorToDecimalString(value, 2) as Intl.StringNumericLiteral);
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
export function ragOf(actual: bigint | null, target: bigint | null, direction: KpiDirection, bands: TBands = DEFAULT_BANDS): TRag | null {
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

export type TKpiMonthValue = { valueScaled: bigint; targetScaled: bigint | null };

/**
 * A KPI over several months: amounts and counts add up (CURRENCY, COUNT), rates and durations are
 * averaged (PERCENT, DAYS), each over the months that have a value. The target is aggregated the
 * same way over those months' targets; null when none of them has one. `ratedActual` is the actual
 * over the same months as the target, and is what the period's RAG compares with it: a month with a
 * value but no target (a closed month from before the KPI had one) would otherwise add to the actual
 * of a count without adding to its target, and rate a period green that no month earned.
 */
export function aggregateKpi(values: TKpiMonthValue[], unit: KpiUnit): { actual: bigint | null; target: bigint | null; ratedActual: bigint | null; months: number } {
  if (!values.length) return { actual: null, target: null, ratedActual: null, months: 0 };
  const isAdditive = unit === "CURRENCY" || unit === "COUNT";
  const combine = (xs: bigint[]) => {
    const total = xs.reduce((a, b) => a + b, 0n);
    return isAdditive ? total : divRound(total, BigInt(xs.length));
  };
  const rated = values.flatMap((v) => (v.targetScaled === null ? [] : [{ value: v.valueScaled, target: v.targetScaled }]));
  return {
    actual: combine(values.map((v) => v.valueScaled)),
    target: rated.length ? combine(rated.map((r) => r.target)) : null,
    ratedActual: rated.length ? combine(rated.map((r) => r.value)) : null,
    months: values.length,
  };
}
