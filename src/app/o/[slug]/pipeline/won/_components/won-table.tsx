import { ScrollRegion } from "@/components/ui/scroll-region";
import { Amount } from "@/components/ui/amount";
import { monthLabel } from "@/lib/period";
import type { TWonFigure, TWonTable } from "@/lib/won-by-month";

/** Amount won (whole units, exact on hover) over its deal count; an empty cell is a dash. */
function Figure({ figure, currency, locale }: { figure: TWonFigure | undefined; currency: string; locale: string }) {
  if (!figure || figure.count === 0) return <span className="text-zinc-400">—</span>;
  return (
    <>
      <Amount minor={figure.amountMinor} currency={currency} locale={locale} />
      <span className="block text-xs text-zinc-500">
        {figure.count.toLocaleString(locale)} deal{figure.count === 1 ? "" : "s"}
      </span>
    </>
  );
}

/**
 * Owners down, close months across, totals in the last row and column. The table scrolls inside
 * its own box (the owner column stays in view), so a phone never scrolls the page sideways.
 */
export function WonTable({
  table,
  currency,
  locale,
  caption,
}: {
  table: TWonTable;
  currency: string;
  locale: string;
  caption: string;
}) {
  const th = "px-1.5 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-1.5 py-1.5 text-right whitespace-nowrap tabular-nums align-top";
  const first = "sticky left-0 z-10 bg-white px-2 py-1.5 text-left font-medium whitespace-nowrap dark:bg-zinc-900";
  return (
    <ScrollRegion label="Won by month table" className="relative overflow-x-auto">
      <table className="w-full text-sm" data-testid="won-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className={`${first} py-2`}>
              Owner
            </th>
            {table.months.map((m) => (
              <th key={m} scope="col" className={th}>
                {monthLabel(m)}
              </th>
            ))}
            <th scope="col" className={th}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {table.owners.map((o) => (
            <tr key={o.ownerId} className="border-b border-zinc-100 dark:border-zinc-800">
              <th scope="row" className={first}>
                {o.ownerName}
              </th>
              {o.months.map((f, i) => (
                <td key={table.months[i]} className={td}>
                  <Figure figure={f} currency={currency} locale={locale} />
                </td>
              ))}
              <td className={`${td} font-medium`}>
                <Figure figure={o.total} currency={currency} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-zinc-200 font-semibold dark:border-zinc-700">
          <tr>
            <th scope="row" className={first}>
              All owners
            </th>
            {table.monthTotals.map((f, i) => (
              <td key={table.months[i]} className={td}>
                <Figure figure={f} currency={currency} locale={locale} />
              </td>
            ))}
            <td className={td} data-testid="won-grand-total">
              <Figure figure={table.total} currency={currency} locale={locale} />
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
