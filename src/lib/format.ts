/** A ratio in basis points as a percentage: 5583 → "55.8%". Ratios, not money, may be floats. */
export function formatBp(bp: number | null, locale = "en-US", digits = 1): string {
  if (bp === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(bp / 10_000);
}
