import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { TBoardColumn } from "@/server/pipeline/list";
import { NoAmountBadge, StaleBadge } from "./badges";

/**
 * The board: a column per open stage with its filtered count and Σ amount, and its largest 20
 * deals. Columns sit side by side on a wide screen and stack on a phone.
 */
export function PipelineBoard({
  slug,
  columns,
  currency,
  locale,
}: {
  slug: string;
  columns: TBoardColumn[];
  currency: string;
  locale: string;
}) {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  return (
    <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fit,minmax(12rem,1fr))]">
      {columns.map((column) => (
        <section
          key={column.stageId}
          aria-label={`${column.stageName} stage`}
          className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950"
        >
          <h2 className="text-sm font-semibold">{column.stageName}</h2>
          <p className="mt-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {column.count.toLocaleString(locale)} deal{column.count === 1 ? "" : "s"} · {money(column.amountMinor)}
          </p>
          {column.deals.length === 0 ? (
            <p className="mt-3 text-xs text-zinc-500">No open deals in this stage match the filters.</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {column.deals.map((deal) => (
                <li
                  key={deal.id}
                  className="rounded-md border border-zinc-200 bg-white p-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <Link
                    prefetch={false}
                    href={`/o/${slug}/pipeline/${deal.id}`}
                    className="font-medium text-accent-700 hover:underline dark:text-accent-400"
                  >
                    {deal.name}
                  </Link>
                  <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{deal.account}</p>
                  <p className="mt-1 flex flex-wrap items-center justify-between gap-1 text-xs tabular-nums">
                    {deal.amountMissing ? (
                      <NoAmountBadge />
                    ) : (
                      <span className="font-semibold">{money(deal.amountMinor)}</span>
                    )}
                    <span>
                      {deal.expectedCloseDate}
                      {deal.isStale && <StaleBadge />}
                    </span>
                  </p>
                </li>
              ))}
              {column.count > column.deals.length && (
                <li className="text-xs text-zinc-500">
                  The {column.deals.length} largest of {column.count.toLocaleString(locale)}; filter the table to see
                  the rest.
                </li>
              )}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
