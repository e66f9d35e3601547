import { describe, expect, it } from "vitest";
import { commitmentAccuracy, isOverdue, type TCommitmentTally } from "@/lib/commitments";

const tally = (
  status: TCommitmentTally["status"],
  count: number,
  expectedMinor: bigint,
  deliveredMinor = 0n,
): TCommitmentTally => ({ status, count, expectedMinor, deliveredMinor });

describe("commitmentAccuracy", () => {
  it("divides done by done + missed, and delivered by what the resolved ones promised", () => {
    const accuracy = commitmentAccuracy(
      [tally("DONE", 3, 300_000n, 250_000n), tally("MISSED", 1, 100_000n), tally("OPEN", 2, 50_000n)],
      1,
    );
    // 3 / 4 = 75 %; 250,000 / (300,000 + 100,000) = 62.5 %. Open ones promise nothing yet.
    expect(accuracy).toEqual({
      open: 2,
      overdue: 1,
      done: 3,
      missed: 1,
      hitRateBp: 7_500,
      promisedMinor: 400_000n,
      deliveredMinor: 250_000n,
      deliveredBp: 6_250,
    });
  });

  it("rounds to the basis point and allows delivering more than promised", () => {
    const accuracy = commitmentAccuracy([tally("DONE", 2, 100n, 150n), tally("MISSED", 1, 200n, 10n)]);
    // 2 / 3 = 66.67 %; 160 / 300 = 53.33 %.
    expect(accuracy).toMatchObject({ hitRateBp: 6_667, promisedMinor: 300n, deliveredMinor: 160n, deliveredBp: 5_333 });
    expect(commitmentAccuracy([tally("DONE", 1, 100n, 150n)]).deliveredBp).toBe(15_000);
  });

  it("adds up several tallies of one status", () => {
    const accuracy = commitmentAccuracy([
      tally("DONE", 1, 100n, 100n),
      tally("DONE", 2, 200n, 100n),
      tally("MISSED", 1, 100n),
    ]);
    expect(accuracy).toMatchObject({
      done: 3,
      missed: 1,
      hitRateBp: 7_500,
      promisedMinor: 400n,
      deliveredMinor: 200n,
      deliveredBp: 5_000,
    });
  });

  it("has no rates before anything is resolved, and zero rates when everything was missed", () => {
    expect(commitmentAccuracy([tally("OPEN", 2, 50_000n)], 2)).toEqual({
      open: 2,
      overdue: 2,
      done: 0,
      missed: 0,
      hitRateBp: null,
      promisedMinor: 0n,
      deliveredMinor: 0n,
      deliveredBp: null,
    });
    expect(commitmentAccuracy([])).toEqual({
      open: 0,
      overdue: 0,
      done: 0,
      missed: 0,
      hitRateBp: null,
      promisedMinor: 0n,
      deliveredMinor: 0n,
      deliveredBp: null,
    });
    expect(commitmentAccuracy([tally("MISSED", 2, 70_000n)])).toMatchObject({
      hitRateBp: 0,
      promisedMinor: 70_000n,
      deliveredBp: 0,
    });
  });
});

describe("isOverdue", () => {
  const today = "2026-11-27";

  it("is overdue from the day after the due date, while open", () => {
    expect(isOverdue("OPEN", "2026-11-26", today)).toBe(true);
    expect(isOverdue("OPEN", "2026-11-27", today)).toBe(false);
    expect(isOverdue("OPEN", "2026-11-28", today)).toBe(false);
    expect(isOverdue("OPEN", "2025-12-31", "2026-01-01")).toBe(true);
  });

  it("is never overdue once done or missed", () => {
    expect(isOverdue("DONE", "2026-11-26", today)).toBe(false);
    expect(isOverdue("MISSED", "2020-01-01", today)).toBe(false);
  });
});
