// Spreading an annual target over the 12 months of a fiscal year, exactly: each month gets its share
// rounded down to the minor unit, and what rounding leaves over goes to one stated month, so the
// months always add up to the annual amount.

export const EVEN_WEIGHTS_BP: number[] = Array.from({ length: 12 }, () => 1);

/** Percentages with up to two decimals ("8.33") as basis points (833); null when not such a number. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/**
 * Splits `annualMinor` in proportion to `weights` (12 non-negative integers, not all zero), flooring
 * each share and adding the remainder to month `remainderIndex` (0–11).
 */
export function spreadAnnual(annualMinor: bigint, weights: number[], remainderIndex: number): bigint[] {
  if (weights.length !== 12 || weights.some((w) => !Number.isInteger(w) || w < 0))
    throw new RangeError("12 non-negative integer weights");
  if (remainderIndex < 0 || remainderIndex > 11) throw new RangeError("remainder month out of range");
  if (annualMinor < 0n) throw new RangeError("negative annual target");
  const total = BigInt(weights.reduce((a, b) => a + b, 0));
  if (total === 0n) throw new RangeError("weights sum to zero");
  const shares = weights.map((w) => (annualMinor * BigInt(w)) / total);
  const remainder = annualMinor - shares.reduce((a, b) => a + b, 0n);
  shares[remainderIndex] = (shares[remainderIndex] ?? 0n) + remainder;
  return shares;
}
