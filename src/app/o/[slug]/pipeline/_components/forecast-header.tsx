import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { TPipelineForecast } from "@/lib/forecast";

type TProps = {
  slug: string;
  currency: string;
  locale: string;
  fiscalYearLabel: string;
  actualYtd: bigint;
  forecast: TPipelineForecast;
  openCount: number;
  staleCount: number;
};

/**
 * The year's forecast by category, cumulative as DESIGN.md defines it: commit and weighted start
 * from the actual YTD, best case from commit. A definition list, so it reads as label and figure.
 */
export function ForecastHeader({ slug, currency, locale, fiscalYearLabel, actualYtd, forecast, openCount, staleCount }: TProps) {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  const items = [
    { label: "Actual YTD", value: money(actualYtd), hint: "Revenue booked this fiscal year" },
    { label: "Commit", value: money(forecast.commit), hint: "Actual YTD + open commit deals" },
    { label: "Best case", value: money(forecast.bestCase), hint: "Commit + open best-case deals" },
    { label: "Weighted", value: money(forecast.weighted), hint: "Actual YTD + amount × probability of open deals" },
  ];
  return (
    <section aria-label={`${fiscalYearLabel} forecast`} className="mb-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {items.map((item) => (
          <div key={item.label} className="min-w-0 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <dt className="text-xs font-medium text-zinc-500">
              {item.label} <span className="sr-only">{fiscalYearLabel}</span>
            </dt>
            <dd className="mt-1 text-sm font-semibold break-words tabular-nums sm:text-lg">{item.value}</dd>
            <dd className="mt-0.5 text-xs text-zinc-500">{item.hint}</dd>
          </div>
        ))}
        <div className="col-span-2 rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-1 dark:border-zinc-800 dark:bg-zinc-900">
          <dt className="text-xs font-medium text-zinc-500">Stale deals</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">
            {staleCount > 0 ? (
              <Link href={`/o/${slug}/pipeline?stale=1&sort=close`} className="text-amber-700 hover:underline dark:text-amber-400">
                {staleCount.toLocaleString(locale)} stale
              </Link>
            ) : (
              "None"
            )}
          </dd>
          <dd className="mt-0.5 text-xs text-zinc-500">
            Open, with a close date already passed · {openCount.toLocaleString(locale)} open deal{openCount === 1 ? "" : "s"} close by year end
          </dd>
        </div>
      </dl>
    </section>
  );
}
