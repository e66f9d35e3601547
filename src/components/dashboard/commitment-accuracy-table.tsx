import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { formatBp } from "@/lib/format";
import { Amount } from "@/components/ui/amount";
import type { TCommitmentAccuracy } from "@/lib/commitments";

export type TAccuracyRow = { departmentId: string; name: string; accuracy: TCommitmentAccuracy };

/** Per department: how often it did what it promised, and how much of the promised impact it delivered. */
export function CommitmentAccuracyTable({
  rows,
  currency,
  locale,
  caption,
  departmentHref,
}: {
  rows: TAccuracyRow[];
  currency: string;
  locale: string;
  caption: string;
  departmentHref: (departmentId: string) => string;
}) {
  const money = (v: bigint) => <Amount minor={v} currency={currency} locale={locale} />;
  const th = "px-3 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 text-right whitespace-nowrap tabular-nums";
  return (
    <ScrollRegion label="Commitment accuracy table" className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="commitment-accuracy">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Department
            </th>
            <th scope="col" className={th}>
              Done
            </th>
            <th scope="col" className={th}>
              Missed
            </th>
            <th scope="col" className={th}>
              Hit rate
            </th>
            <th scope="col" className={th}>
              Delivered
            </th>
            <th scope="col" className={th}>
              Promised
            </th>
            <th scope="col" className={th}>
              Delivered / promised
            </th>
            <th scope="col" className={th}>
              Open
            </th>
            <th scope="col" className={th}>
              Overdue
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ departmentId, name, accuracy: a }) => (
            <tr key={departmentId} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                <Link
                  href={departmentHref(departmentId)}
                  className="text-accent-600 hover:underline dark:text-accent-400"
                >
                  {name}
                </Link>
              </th>
              <td className={td}>{a.done}</td>
              <td className={td}>{a.missed}</td>
              <td className={td}>{a.hitRateBp === null ? "—" : formatBp(a.hitRateBp, locale, 0)}</td>
              <td className={td}>{a.done + a.missed === 0 ? "—" : money(a.deliveredMinor)}</td>
              <td className={td}>{a.done + a.missed === 0 ? "—" : money(a.promisedMinor)}</td>
              <td className={td}>{formatBp(a.deliveredBp, locale, 0)}</td>
              <td className={td}>{a.open}</td>
              <td className={a.overdue > 0 ? `${td} font-semibold` : td}>{a.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
