import { describe, expect, it } from "vitest";
import { diffSnapshot, type TDealState } from "@/lib/snapshot-diff";

// "What changed since the last snapshot" (issue 5): each deal lands in one bucket, the first that
// applies of new, won, lost, slipped, re-valued; deals that did not change are in none.

const deal = (
  opportunityId: string,
  amountMinor: bigint,
  expectedCloseDate = "2026-03-15",
  outcome: TDealState["outcome"] = "OPEN",
): TDealState => ({
  opportunityId,
  name: `Deal ${opportunityId}`,
  amountMinor,
  outcome,
  expectedCloseDate,
});

const ids = (changes: { opportunityId: string }[]) => changes.map((c) => c.opportunityId);

describe("diffSnapshot", () => {
  const before = [
    deal("won", 100_00n),
    deal("lost", 200_00n),
    deal("slipped", 300_00n),
    deal("pulled-in", 400_00n),
    deal("unchanged", 500_00n),
    deal("won-and-slipped", 600_00n),
    deal("lost-and-revalued", 700_00n),
    deal("slipped-and-revalued", 800_00n),
    deal("revalued-down", 900_00n),
    deal("deleted", 1_000_00n),
    deal("was-won", 1_100_00n, "2026-03-15", "WON"),
  ];
  const now = [
    deal("won", 100_00n, "2026-03-15", "WON"),
    deal("lost", 200_00n, "2026-03-15", "LOST"),
    deal("slipped", 300_00n, "2026-04-02"),
    // Moved earlier and up in value: re-valued, not slipped.
    deal("pulled-in", 450_00n, "2026-02-20"),
    deal("unchanged", 500_00n),
    deal("won-and-slipped", 600_00n, "2026-05-01", "WON"),
    deal("lost-and-revalued", 650_00n, "2026-03-15", "LOST"),
    deal("slipped-and-revalued", 850_00n, "2026-06-30"),
    deal("revalued-down", 750_00n),
    deal("was-won", 1_100_00n, "2026-03-15", "WON"),
    deal("new-open", 1_200_00n),
    deal("new-won", 1_300_00n, "2026-03-01", "WON"),
    deal("new-lost", 1_400_00n, "2026-03-01", "LOST"),
  ];
  const diff = diffSnapshot(before, now);

  it("puts each deal in the first bucket that applies", () => {
    expect(ids(diff.added)).toEqual(["new-open"]);
    expect(ids(diff.won)).toEqual(["won", "won-and-slipped", "new-won"]);
    expect(ids(diff.lost)).toEqual(["lost", "lost-and-revalued", "new-lost"]);
    expect(ids(diff.slipped)).toEqual(["slipped", "slipped-and-revalued"]);
    expect(ids(diff.revalued)).toEqual(["pulled-in", "revalued-down"]);
  });

  it("leaves out unchanged deals, deals closed before the snapshot and deals no longer in the pipeline", () => {
    const all = [...diff.added, ...diff.won, ...diff.lost, ...diff.slipped, ...diff.revalued].map(
      (c) => c.opportunityId,
    );
    expect(all).not.toContain("unchanged");
    expect(all).not.toContain("was-won");
    expect(all).not.toContain("deleted");
    expect(all).toHaveLength(new Set(all).size);
  });

  it("records the amounts that moved, and the dates of a slip", () => {
    expect(diff.slipped[1]).toEqual({
      opportunityId: "slipped-and-revalued",
      name: "Deal slipped-and-revalued",
      amountMinor: 850_00n,
      previousAmountMinor: 800_00n,
      fromDate: "2026-03-15",
      toDate: "2026-06-30",
    });
    expect(diff.revalued[0]).toEqual({
      opportunityId: "pulled-in",
      name: "Deal pulled-in",
      amountMinor: 450_00n,
      previousAmountMinor: 400_00n,
    });
    expect(diff.added[0]?.previousAmountMinor).toBeNull();
    expect(diff.lost[1]).toMatchObject({ amountMinor: 650_00n, previousAmountMinor: 700_00n });
  });

  it("totals each bucket by the deals' amounts now, and re-valued as the net change", () => {
    expect(diff.totals).toEqual({
      added: 1_200_00n,
      won: 100_00n + 600_00n + 1_300_00n,
      lost: 200_00n + 650_00n + 1_400_00n,
      slipped: 300_00n + 850_00n,
      // +50.00 (pulled-in) − 150.00 (revalued-down)
      revalued: -100_00n,
    });
  });

  it("is empty when nothing changed", () => {
    const same = diffSnapshot(before, before);
    expect(same).toEqual({
      added: [],
      won: [],
      lost: [],
      slipped: [],
      revalued: [],
      totals: { added: 0n, won: 0n, lost: 0n, slipped: 0n, revalued: 0n },
    });
    expect(diffSnapshot([], []).totals.added).toBe(0n);
  });
});
