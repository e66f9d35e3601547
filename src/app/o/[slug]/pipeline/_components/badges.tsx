// Small status marks shared by the table, the board and the deal page.

export function OutcomeBadge({ outcome }: { outcome: "OPEN" | "WON" | "LOST" }) {
  if (outcome === "OPEN") return null;
  const isWon = outcome === "WON";
  return (
    <span
      className={`ml-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${isWon ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
    >
      {isWon ? "Won" : "Lost"}
    </span>
  );
}

export function StaleBadge() {
  return (
    <span
      title="Still open, and its expected close date has passed"
      className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      Stale
    </span>
  );
}

/** An open deal imported without an amount: counted as 0, left out of pipeline coverage until an amount is set. */
export function NoAmountBadge() {
  return (
    <span
      title="Imported without an amount: counted as 0 and left out of pipeline coverage until an amount is set"
      className="ml-1 inline-block rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-sky-800 dark:bg-sky-950 dark:text-sky-200"
    >
      No amount
    </span>
  );
}
