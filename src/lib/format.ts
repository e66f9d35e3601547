import { divRound, minorToDecimalString } from "./money";

/** A ratio in basis points as a percentage: 9000 → "90%" with digits 0. For thresholds. */
export function formatBp(bp: number | null, locale = "en-US", digits = 1): string {
  if (bp === null) return "—";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(bp / 10_000);
}

/**
 * numerator / denominator as a percentage, rounded once (half away from zero) from the exact
 * integers: 1,377,406 / 120,000,000 → "1.1%" (rounding first to basis points would give 1.2 %).
 */
export function formatRatio(
  numerator: bigint | null,
  denominator: bigint | null,
  locale = "en-US",
  digits = 1,
): string {
  if (numerator === null || denominator === null || denominator === 0n) return "—";
  const scale = digits + 2;
  const fraction = minorToDecimalString(divRound(numerator * 10n ** BigInt(scale), denominator), scale);
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction as Intl.StringNumericLiteral);
}

/**
 * A calendar date (YYYY-MM-DD) in the locale's medium style ("Dec 3, 2026", "3 déc. 2026"): the one
 * date style of the app's pages. The date is a day, not an instant, so it is read in UTC.
 */
export function formatDay(isoDay: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

/** "1 claim", "3 claims", "1,200 deals": a count with its noun (regular plurals only). */
export const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
