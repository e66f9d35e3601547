import { divRound, minorToDecimalString } from "./money";

/** A ratio in basis points as a percentage: 9000 → "90%" with digits 0. For thresholds. */
export function formatBp(bp: number | null, locale = "en-US", digits = 1): string {
  if (bp === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(bp / 10_000);
}

/**
 * numerator / denominator as a percentage, rounded once (half away from zero) from the exact
 * integers: 1,377,406 / 120,000,000 → "1.1%" (rounding first to basis points would give 1.2 %).
 */
export function formatRatio(numerator: bigint | null, denominator: bigint | null, locale = "en-US", digits = 1): string {
  if (numerator === null || denominator === null || denominator === 0n) return "—";
  const scale = digits + 2;
  const fraction = minorToDecimalString(divRound(numerator * 10n ** BigInt(scale), denominator), scale);
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction as Intl.StringNumericLiteral);
}
