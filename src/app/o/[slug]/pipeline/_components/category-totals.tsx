import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { FORECAST_CATEGORY_LABELS } from "@/lib/pipeline-filters";
import type { TCategoryTotal, TPipelineTotals } from "@/lib/pipeline-totals";

const STATUS_WORDS = {
  open: "Open deals",
  won: "Won deals",
  lost: "Lost deals",
  all: "Open, won and lost deals",
} as const;
// Tighter on a phone, so the four columns fit 390 px without scrolling.
const num = "px-1.5 py-1.5 text-right whitespace-nowrap tabular-nums sm:px-2";

/**
 * The filtered deals per forecast category (count, Σ amount, Σ weighted) and their total, exact
 * amounts. Each category links to the same filters narrowed to it. Omitted deals are the rep's
 * "leave this out": listed, but the forecast does not count them.
 */
export function CategoryTotals({
  categories,
  total,
  status,
  hrefOf,
  currency,
  locale,
}: {
  categories: TCategoryTotal[];
  total: TPipelineTotals;
  status: keyof typeof STATUS_WORDS;
  hrefOf: (category: string) => string;
  currency: string;
  locale: string;
}) {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  return (
    <div className="mb-4 max-w-full overflow-x-auto rounded-lg border sm:w-fit border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-xs sm:min-w-[32rem] sm:text-sm" data-testid="pipeline-category-totals">
        <caption className="px-2 pt-2 text-left text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {STATUS_WORDS[status]} matching the filters, by forecast category
        </caption>
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              Category
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Deals
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Weighted
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category} className="border-b border-zinc-100 dark:border-zinc-800">
              <th scope="row" className="px-1.5 py-1.5 text-left font-normal whitespace-nowrap sm:px-2">
                <Link href={hrefOf(c.category)} className="text-accent-700 underline dark:text-accent-400">
                  {FORECAST_CATEGORY_LABELS[c.category]}
                </Link>
                {c.category === "OMITTED" && (
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">not in the forecast</span>
                )}
              </th>
              <td className={num}>{c.count.toLocaleString(locale)}</td>
              <td className={num}>{money(c.amountMinor)}</td>
              <td className={num}>{money(c.weightedMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr>
            <th scope="row" className="px-2 py-1.5 text-left">
              Total
            </th>
            <td className={num}>{total.count.toLocaleString(locale)}</td>
            <td className={num}>{money(total.amountMinor)}</td>
            <td className={num}>{money(total.weightedMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
