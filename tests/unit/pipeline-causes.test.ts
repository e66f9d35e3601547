import { describe, expect, it } from "vitest";
import type { StageOutcome } from "@db/enums";
import { causeNeeded, fiscalQuarterEnd } from "@/server/pipeline/opportunities";

// When a deal change needs a cause (DESIGN.md "The gap bridge"): a lost deal is charged in the
// month it was expected to close when it was lost; a slipped one in the month it slipped out of.
// Every expected value below is worked out by hand.

const deal = (outcome: StageOutcome, expectedCloseDate: string) => ({
  outcome,
  expectedCloseDate: new Date(`${expectedCloseDate}T00:00:00Z`),
});

describe("fiscalQuarterEnd", () => {
  it("ends calendar quarters on their last day", () => {
    expect(fiscalQuarterEnd("2026-01", 1)).toBe("2026-03-31");
    expect(fiscalQuarterEnd("2026-02", 1)).toBe("2026-03-31");
    expect(fiscalQuarterEnd("2026-05", 1)).toBe("2026-06-30");
    expect(fiscalQuarterEnd("2026-09", 1)).toBe("2026-09-30");
    expect(fiscalQuarterEnd("2026-12", 1)).toBe("2026-12-31");
  });

  it("follows a fiscal year starting in April (Q1 Apr–Jun … Q4 Jan–Mar)", () => {
    expect(fiscalQuarterEnd("2026-04", 4)).toBe("2026-06-30");
    expect(fiscalQuarterEnd("2026-06", 4)).toBe("2026-06-30");
    expect(fiscalQuarterEnd("2026-07", 4)).toBe("2026-09-30");
    expect(fiscalQuarterEnd("2026-10", 4)).toBe("2026-12-31");
    expect(fiscalQuarterEnd("2027-01", 4)).toBe("2027-03-31");
    expect(fiscalQuarterEnd("2027-03", 4)).toBe("2027-03-31");
  });

  it("ends a quarter in February on the 28th or, in a leap year, the 29th", () => {
    // A fiscal year starting in December: Q1 is Dec–Feb.
    expect(fiscalQuarterEnd("2027-01", 12)).toBe("2027-02-28");
    expect(fiscalQuarterEnd("2027-12", 12)).toBe("2028-02-29");
    expect(fiscalQuarterEnd("2028-02", 12)).toBe("2028-02-29");
  });
});

describe("causeNeeded", () => {
  const quarterEnd = "2026-06-30";

  it("charges a lost deal to the month it was expected to close", () => {
    expect(
      causeNeeded(deal("OPEN", "2026-05-20"), { outcome: "LOST", expectedCloseDate: "2026-05-20" }, quarterEnd),
    ).toEqual({ kind: "LOST", month: "2026-05" });
    // Losing it while also moving the date: still the month it was expected to close before.
    expect(
      causeNeeded(deal("OPEN", "2026-05-20"), { outcome: "LOST", expectedCloseDate: "2026-09-01" }, quarterEnd),
    ).toEqual({ kind: "LOST", month: "2026-05" });
    // A deal expected next year is lost in that month too, out of the quarter or not.
    expect(
      causeNeeded(deal("OPEN", "2027-01-15"), { outcome: "LOST", expectedCloseDate: "2027-01-15" }, quarterEnd),
    ).toEqual({ kind: "LOST", month: "2027-01" });
    // A won deal reopened as lost.
    expect(
      causeNeeded(deal("WON", "2026-04-02"), { outcome: "LOST", expectedCloseDate: "2026-04-02" }, quarterEnd),
    ).toEqual({ kind: "LOST", month: "2026-04" });
  });

  it("asks nothing of a deal that was already lost", () => {
    expect(
      causeNeeded(deal("LOST", "2026-05-20"), { outcome: "LOST", expectedCloseDate: "2026-08-20" }, quarterEnd),
    ).toBeNull();
  });

  it("charges a deal slipping out of the quarter to the month it slipped out of", () => {
    expect(
      causeNeeded(deal("OPEN", "2026-06-15"), { outcome: "OPEN", expectedCloseDate: "2026-07-10" }, quarterEnd),
    ).toEqual({ kind: "SLIPPED", month: "2026-06" });
    // From the quarter's last day to the next day: out.
    expect(
      causeNeeded(deal("OPEN", "2026-06-30"), { outcome: "OPEN", expectedCloseDate: "2026-07-01" }, quarterEnd),
    ).toEqual({ kind: "SLIPPED", month: "2026-06" });
    // A stale deal (expected in March, still open) pushed past the quarter slips out of March.
    expect(
      causeNeeded(deal("OPEN", "2026-03-10"), { outcome: "OPEN", expectedCloseDate: "2026-11-01" }, quarterEnd),
    ).toEqual({ kind: "SLIPPED", month: "2026-03" });
  });

  it("asks nothing of a date moved within the quarter, moved earlier, or moved while already beyond it", () => {
    expect(
      causeNeeded(deal("OPEN", "2026-04-01"), { outcome: "OPEN", expectedCloseDate: "2026-06-30" }, quarterEnd),
    ).toBeNull();
    expect(
      causeNeeded(deal("OPEN", "2026-08-01"), { outcome: "OPEN", expectedCloseDate: "2026-06-10" }, quarterEnd),
    ).toBeNull();
    expect(
      causeNeeded(deal("OPEN", "2026-06-20"), { outcome: "OPEN", expectedCloseDate: "2026-05-01" }, quarterEnd),
    ).toBeNull();
    expect(
      causeNeeded(deal("OPEN", "2026-08-01"), { outcome: "OPEN", expectedCloseDate: "2026-09-15" }, quarterEnd),
    ).toBeNull();
  });

  it("asks nothing when a deal is won, even with its date beyond the quarter", () => {
    expect(
      causeNeeded(deal("OPEN", "2026-06-15"), { outcome: "WON", expectedCloseDate: "2026-07-10" }, quarterEnd),
    ).toBeNull();
    expect(
      causeNeeded(deal("WON", "2026-06-15"), { outcome: "WON", expectedCloseDate: "2026-07-10" }, quarterEnd),
    ).toBeNull();
  });

  it("uses the quarter of a fiscal year starting in April", () => {
    // Today in May 2026, FY starting April: the quarter ends 2026-06-30; moving 2026-06-28 → 2026-07-02 slips.
    const aprilEnd = fiscalQuarterEnd("2026-05", 4);
    expect(
      causeNeeded(deal("OPEN", "2026-06-28"), { outcome: "OPEN", expectedCloseDate: "2026-07-02" }, aprilEnd),
    ).toEqual({ kind: "SLIPPED", month: "2026-06" });
    // Today in February 2027: the quarter is Jan–Mar, so March → April slips and January → March does not.
    const q4End = fiscalQuarterEnd("2027-02", 4);
    expect(
      causeNeeded(deal("OPEN", "2027-03-31"), { outcome: "OPEN", expectedCloseDate: "2027-04-01" }, q4End),
    ).toEqual({ kind: "SLIPPED", month: "2027-03" });
    expect(
      causeNeeded(deal("OPEN", "2027-01-05"), { outcome: "OPEN", expectedCloseDate: "2027-03-20" }, q4End),
    ).toBeNull();
  });
});
