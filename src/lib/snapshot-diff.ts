// "What changed since the last snapshot" (issue 5): compares the deals of a snapshot with the
// pipeline now. Each deal lands in at most one bucket, the first that applies: new, won, lost,
// slipped (its expected close date moved later), re-valued (its amount changed).

export type TDealState = {
  opportunityId: string;
  name: string;
  amountMinor: bigint;
  outcome: "OPEN" | "WON" | "LOST";
  expectedCloseDate: string;
};

export type TDealChange = {
  opportunityId: string;
  name: string;
  amountMinor: bigint;
  previousAmountMinor: bigint | null;
  fromDate?: string;
  toDate?: string;
};

export type TSnapshotDiff = {
  added: TDealChange[];
  won: TDealChange[];
  lost: TDealChange[];
  slipped: TDealChange[];
  revalued: TDealChange[];
  /** Σ amount per bucket; re-valued is the net change (new − old). */
  totals: { added: bigint; won: bigint; lost: bigint; slipped: bigint; revalued: bigint };
};

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

export function diffSnapshot(before: TDealState[], now: TDealState[]): TSnapshotDiff {
  const previous = new Map(before.map((d) => [d.opportunityId, d]));
  const diff: TSnapshotDiff = {
    added: [],
    won: [],
    lost: [],
    slipped: [],
    revalued: [],
    totals: { added: 0n, won: 0n, lost: 0n, slipped: 0n, revalued: 0n },
  };
  for (const deal of now) {
    const was = previous.get(deal.opportunityId);
    const change: TDealChange = {
      opportunityId: deal.opportunityId,
      name: deal.name,
      amountMinor: deal.amountMinor,
      previousAmountMinor: was?.amountMinor ?? null,
    };
    if (!was) {
      if (deal.outcome === "OPEN") diff.added.push(change);
      else if (deal.outcome === "WON") diff.won.push(change);
      else diff.lost.push(change);
    } else if (was.outcome === "OPEN" && deal.outcome === "WON") diff.won.push(change);
    else if (was.outcome === "OPEN" && deal.outcome === "LOST") diff.lost.push(change);
    else if (deal.outcome === "OPEN" && deal.expectedCloseDate > was.expectedCloseDate)
      diff.slipped.push({ ...change, fromDate: was.expectedCloseDate, toDate: deal.expectedCloseDate });
    else if (deal.amountMinor !== was.amountMinor) diff.revalued.push(change);
  }
  diff.totals = {
    added: sum(diff.added.map((c) => c.amountMinor)),
    won: sum(diff.won.map((c) => c.amountMinor)),
    lost: sum(diff.lost.map((c) => c.amountMinor)),
    slipped: sum(diff.slipped.map((c) => c.amountMinor)),
    revalued: sum(diff.revalued.map((c) => c.amountMinor - (c.previousAmountMinor ?? 0n))),
  };
  return diff;
}
