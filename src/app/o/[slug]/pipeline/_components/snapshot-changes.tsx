import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { DIFF_BUCKETS, type TDiffBucket, type TSnapshotDiffSummary } from "@/server/pipeline/snapshot-diff-query";
import { TakeSnapshotButton } from "./take-snapshot-button";

const LABELS: Record<TDiffBucket, string> = {
  added: "New",
  won: "Won",
  lost: "Lost",
  slipped: "Slipped",
  revalued: "Re-valued",
};

/**
 * "What changed since the last snapshot": a table of buckets, then each bucket's largest deals. The
 * page does not take snapshots; when the latest one is from an earlier week, the card says so.
 */
export function SnapshotChanges({
  slug,
  diff,
  snapshotThisWeek,
  canSnapshot,
  currency,
  locale,
  timeZone,
}: {
  slug: string;
  diff: TSnapshotDiffSummary;
  snapshotThisWeek: boolean;
  canSnapshot: boolean;
  currency: string;
  locale: string;
  timeZone: string;
}) {
  const money = (minor: bigint, signed = false) =>
    formatMoney(minor, currency, { locale, signDisplay: signed ? "exceptZero" : "auto" });
  const snapshot = diff.snapshot;
  const when = snapshot
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(snapshot.takenAt)
    : null;
  const changed = DIFF_BUCKETS.filter((b) => diff.buckets[b].count > 0);
  return (
    <Card
      title="What changed since the last snapshot"
      description={
        snapshot
          ? `Compared with the ${snapshot.kind === "WEEKLY" ? "weekly" : "manual"} snapshot of ${when}${snapshot.takenByName ? ` by ${snapshot.takenByName}` : ""}.${snapshotThisWeek ? "" : " No snapshot has been taken this week yet."}`
          : `No snapshot yet. A pipeline import takes one before it changes any deal${canSnapshot ? "; you can also take one now" : ""}.`
      }
      className="mt-8"
    >
      {canSnapshot && <TakeSnapshotButton slug={slug} />}
      {snapshot && changed.length === 0 && (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          Nothing has changed since then. Deals added, won, lost, slipped or re-valued will show here.
        </p>
      )}
      {changed.length > 0 && (
        <>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full max-w-xl text-sm tabular-nums">
              <caption className="sr-only">Changes since the last snapshot</caption>
              <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Change
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                    Deals
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Amount moved
                  </th>
                </tr>
              </thead>
              <tbody>
                {DIFF_BUCKETS.map((b) => (
                  <tr key={b} className="border-b border-zinc-100 dark:border-zinc-800">
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                      {LABELS[b]}
                    </th>
                    <td className="py-1.5 pr-3 text-right">{diff.buckets[b].count.toLocaleString(locale)}</td>
                    <td className="py-1.5 text-right">{money(diff.buckets[b].movedMinor, b === "revalued")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {changed.map((b) => (
              <section key={b} aria-label={`${LABELS[b]} deals`}>
                <h3 className="text-sm font-semibold">
                  {LABELS[b]}{" "}
                  <span className="font-normal text-zinc-500">
                    (
                    {diff.buckets[b].count > 10
                      ? `largest 10 of ${diff.buckets[b].count.toLocaleString(locale)}`
                      : diff.buckets[b].count}
                    )
                  </span>
                </h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {diff.buckets[b].top.map((d) => (
                    <li key={d.opportunityId} className="flex flex-wrap justify-between gap-x-3">
                      <Link
                        prefetch={false}
                        href={`/o/${slug}/pipeline/${d.opportunityId}`}
                        className="text-accent-700 hover:underline dark:text-accent-400"
                      >
                        {d.name}
                      </Link>
                      <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                        {b === "revalued" && d.previousAmountMinor !== null
                          ? `${money(d.previousAmountMinor)} → ${money(d.amountMinor)}`
                          : b === "slipped"
                            ? `${d.fromDate} → ${d.toDate} · ${money(d.amountMinor)}`
                            : money(d.amountMinor)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </Card>
  );
}
