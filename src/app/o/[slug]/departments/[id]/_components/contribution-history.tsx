export type THistoryEntry = { action: string; actor: string | null; at: string; reason: string | null };

const ACTIONS: Record<string, string> = {
  "contribution.logged": "Logged",
  "contribution.revised": "Revised",
  "contribution.confirmed": "Confirmed",
  "contribution.disputed": "Disputed",
};

/** A contribution's audit trail, oldest first: what was done, by whom, when, and the reason given. */
export function ContributionHistory({ entries }: { entries: THistoryEntry[] }) {
  if (!entries.length) return <p className="text-sm text-zinc-500">No history recorded.</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label="History">
      {entries.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an append-only trail, oldest first: an entry never changes position.
        <li key={i}>
          <span className="font-medium">{ACTIONS[e.action] ?? e.action}</span>{" "}
          <span className="text-zinc-600 dark:text-zinc-400">
            by {e.actor ?? "a former member"}, {e.at}
          </span>
          {e.reason && <span className="text-zinc-700 dark:text-zinc-300"> — “{e.reason}”</span>}
        </li>
      ))}
    </ol>
  );
}
