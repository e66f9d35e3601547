import type { TMonthRow } from "@/lib/dashboard-rows";
import { formatRatio } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { monthLabel } from "@/lib/period";

/** The chart's numbers as a table, with exact amounts; the same projection columns as the chart. */
export function MonthTable({ rows, currency, locale, caption, hasPipeline = false }: { rows: TMonthRow[]; currency: string; locale: string; caption: string; hasPipeline?: boolean }) {
  const money = (v: bigint | null) => (v === null ? "—" : formatMoney(v, currency, { locale }));
  const th = "px-3 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 text-right whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Month</th>
            <th scope="col" className={th}>Target</th>
            <th scope="col" className={th}>Actual</th>
            <th scope="col" className={th}>Gap</th>
            <th scope="col" className={th}>Attainment</th>
            <th scope="col" className={th}>Cum. target</th>
            <th scope="col" className={th}>Cum. actual</th>
            {hasPipeline ? (
              <>
                <th scope="col" className={th}>Commit (cum.)</th>
                <th scope="col" className={th}>Best case (cum.)</th>
                <th scope="col" className={th}>Weighted (cum.)</th>
              </>
            ) : (
              <th scope="col" className={th}>Forecast (cum.)</th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const gap = r.target !== null && r.actual !== null ? r.target - r.actual : null;
            return (
              <tr key={r.month} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                  {monthLabel(r.month)}
                  {r.isFuture && <span className="ml-2 text-xs font-normal text-zinc-500">forecast</span>}
                </th>
                <td className={td}>{money(r.target)}</td>
                <td className={td}>{r.isFuture ? <span className="text-zinc-400">not yet</span> : money(r.actual)}</td>
                <td className={td}>{money(gap)}</td>
                <td className={td}>{formatRatio(r.actual, r.target, locale)}</td>
                <td className={td}>{money(r.cumulativeTarget)}</td>
                <td className={td}>{money(r.cumulativeActual)}</td>
                {hasPipeline ? (
                  <>
                    <td className={td}>{money(r.commitCumulative)}</td>
                    <td className={td}>{money(r.bestCaseCumulative)}</td>
                    <td className={td}>{money(r.weightedCumulative)}</td>
                  </>
                ) : (
                  <td className={td}>{money(r.forecastCumulative)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
