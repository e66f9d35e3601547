import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TMonthRow } from "@/lib/dashboard-rows";
import { formatRatio } from "@/lib/format";
import { monthLabel } from "@/lib/period";
import { Amount } from "@/components/ui/amount";

/**
 * The chart's numbers as a table: whole currency units, the exact amount on hover and in the CSV;
 * the same projection columns as the chart. The month in progress is marked: its actual is so far.
 */
export function MonthTable({
  rows,
  currency,
  locale,
  caption,
  hasPipeline = false,
  hasProjections = true,
}: {
  rows: TMonthRow[];
  currency: string;
  locale: string;
  caption: string;
  hasPipeline?: boolean;
  hasProjections?: boolean;
}) {
  const money = (v: bigint | null) => <Amount minor={v} currency={currency} locale={locale} />;
  const th = "px-2 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-2 py-1.5 text-right whitespace-nowrap tabular-nums";
  return (
    <ScrollRegion label="Monthly target and actual table" className="relative overflow-x-auto">
      <table className="w-full text-sm" data-testid="month-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-2 py-2 text-left font-medium">
              Month
            </th>
            <th scope="col" className={th}>
              Target
            </th>
            <th scope="col" className={th}>
              Actual
            </th>
            <th scope="col" className={th}>
              Gap
            </th>
            <th scope="col" className={th}>
              Attainment
            </th>
            <th scope="col" className={th}>
              Cum. target
            </th>
            <th scope="col" className={th}>
              Cum. actual
            </th>
            {hasProjections &&
              (hasPipeline ? (
                <>
                  <th scope="col" className={th}>
                    Commit (cum.)
                  </th>
                  <th scope="col" className={th}>
                    Best case (cum.)
                  </th>
                  <th scope="col" className={th}>
                    Weighted (cum.)
                  </th>
                </>
              ) : (
                <th scope="col" className={th}>
                  Forecast (cum.)
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const gap = r.target !== null && r.actual !== null && !r.isInProgress ? r.target - r.actual : null;
            return (
              <tr key={r.month} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                  {monthLabel(r.month)}
                  {r.isFuture && <span className="ml-2 text-xs font-normal text-zinc-500">to come</span>}
                  {r.isInProgress && <span className="ml-2 text-xs font-normal text-zinc-500">in progress</span>}
                </th>
                <td className={td}>{money(r.target)}</td>
                <td className={td}>
                  {r.isFuture ? <span className="text-zinc-400">not yet</span> : money(r.actual)}
                  {r.isInProgress && <span className="ml-1 text-xs text-zinc-500">so far</span>}
                </td>
                <td className={td}>{money(gap)}</td>
                <td className={td}>{r.isInProgress ? "—" : formatRatio(r.actual, r.target, locale)}</td>
                <td className={td}>{money(r.cumulativeTarget)}</td>
                <td className={td}>{money(r.cumulativeActual)}</td>
                {hasProjections &&
                  (hasPipeline ? (
                    <>
                      <td className={td}>{money(r.commitCumulative)}</td>
                      <td className={td}>{money(r.bestCaseCumulative)}</td>
                      <td className={td}>{money(r.weightedCumulative)}</td>
                    </>
                  ) : (
                    <td className={td}>{money(r.forecastCumulative)}</td>
                  ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
