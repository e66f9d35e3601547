import { divRound } from "./money";
import type { FORECAST_CATEGORIES } from "./schemas/pipeline";

// The pipeline table's totals per forecast category: SQL sums each category once (count, Σ amount,
// and Σ amount × probability in basis points, exact); this turns those sums into what the page shows.

export type TForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** One category as SQL sums it: the weighted part is Σ amount × probability (bp), not yet divided. */
export type TCategorySum = { category: TForecastCategory; count: number; amountMinor: bigint; weightedBpMinor: bigint };

export type TCategoryTotal = { category: TForecastCategory; count: number; amountMinor: bigint; weightedMinor: bigint };
export type TPipelineTotals = { count: number; amountMinor: bigint; weightedMinor: bigint };

/** How a forecast reads: the surest first; closed (won) and omitted (left out of the forecast) last. */
export const CATEGORY_ORDER: readonly TForecastCategory[] = ["COMMIT", "BEST_CASE", "PIPELINE", "CLOSED", "OMITTED"];

/**
 * The categories that have deals, in CATEGORY_ORDER, and the total of all of them. Each weighted
 * figure is rounded once, half away from zero, from its exact sum (the total from the exact sum of
 * all categories, so it may differ by a cent from the sum of the rounded rows, as the dashboard's does).
 */
export function categoryTotals(sums: readonly TCategorySum[]): {
  categories: TCategoryTotal[];
  total: TPipelineTotals;
} {
  const byCategory = new Map<TForecastCategory, TCategorySum>();
  for (const s of sums) {
    const seen = byCategory.get(s.category);
    byCategory.set(
      s.category,
      seen
        ? {
            ...s,
            count: seen.count + s.count,
            amountMinor: seen.amountMinor + s.amountMinor,
            weightedBpMinor: seen.weightedBpMinor + s.weightedBpMinor,
          }
        : s,
    );
  }
  const present = CATEGORY_ORDER.flatMap((c) => {
    const s = byCategory.get(c);
    return s && s.count > 0 ? [s] : [];
  });
  const weightedBp = present.reduce((sum, s) => sum + s.weightedBpMinor, 0n);
  return {
    categories: present.map((s) => ({
      category: s.category,
      count: s.count,
      amountMinor: s.amountMinor,
      weightedMinor: divRound(s.weightedBpMinor, 10_000n),
    })),
    total: {
      count: present.reduce((n, s) => n + s.count, 0),
      amountMinor: present.reduce((sum, s) => sum + s.amountMinor, 0n),
      weightedMinor: divRound(weightedBp, 10_000n),
    },
  };
}
