import { describe, expect, it } from "vitest";
import { fiscalYearMonths } from "@/lib/period";
import { buildWonTable, closeDateRange, closeMonthOf, isWonPeriod, type TWonCell } from "@/lib/won-by-month";

describe("the close month of a won deal", () => {
  it("is the calendar month of the close date as written, first and last day included", () => {
    expect(closeMonthOf("2026-03-01")).toBe("2026-03");
    expect(closeMonthOf("2026-03-31")).toBe("2026-03");
    expect(closeMonthOf("2026-04-01")).toBe("2026-04");
    expect(closeMonthOf("2024-02-29")).toBe("2024-02");
    expect(() => closeMonthOf("2026-13-01")).toThrow(RangeError);
  });

  it("covers a fiscal quarter from its first to its last day, across a year end", () => {
    // FY2027 starting in October: Q1 is October – December 2026.
    expect(closeDateRange(fiscalYearMonths(2027, 10).slice(0, 3))).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    // FY2024 starting in December: Q1 is December 2023 – February 2024, a leap February.
    expect(closeDateRange(fiscalYearMonths(2024, 12).slice(0, 3))).toEqual({ from: "2023-12-01", to: "2024-02-29" });
    expect(closeDateRange(fiscalYearMonths(2026, 4))).toEqual({ from: "2025-04-01", to: "2026-03-31" });
  });

  it("is read for a fiscal year or a quarter only", () => {
    expect(isWonPeriod({ kind: "fy", fiscalYear: 2026 })).toBe(true);
    expect(isWonPeriod({ kind: "quarter", fiscalYear: 2026, quarter: 2 })).toBe(true);
    expect(isWonPeriod({ kind: "ytd", fiscalYear: 2026 })).toBe(false);
    expect(isWonPeriod({ kind: "month", month: "2026-03" })).toBe(false);
  });
});

describe("the won-by-month table", () => {
  const months = fiscalYearMonths(2026, 4).slice(0, 3); // Q1 FY2026: April – June 2025
  const cell = (month: TWonCell["month"], ownerId: string, count: number, amountMinor: bigint): TWonCell => ({
    month,
    ownerId,
    ownerName: ownerId === "u1" ? "Ana" : ownerId === "u2" ? "Bo" : "Cy",
    count,
    amountMinor,
  });

  it("totals each owner, each month and the whole period to the cent", () => {
    const table = buildWonTable(months, [
      cell("2025-04", "u1", 2, 1_000_01n),
      cell("2025-06", "u1", 1, 99n),
      cell("2025-04", "u2", 3, 2_500_00n),
      cell("2025-05", "u2", 1, 0n),
    ]);
    expect(table.owners.map((o) => o.ownerName)).toEqual(["Bo", "Ana"]);
    const [bo, ana] = table.owners;
    expect(bo?.months).toEqual([
      { count: 3, amountMinor: 2_500_00n },
      { count: 1, amountMinor: 0n },
      { count: 0, amountMinor: 0n },
    ]);
    expect(bo?.total).toEqual({ count: 4, amountMinor: 2_500_00n });
    expect(ana?.total).toEqual({ count: 3, amountMinor: 1_001_00n });
    expect(table.monthTotals).toEqual([
      { count: 5, amountMinor: 3_500_01n },
      { count: 1, amountMinor: 0n },
      { count: 1, amountMinor: 99n },
    ]);
    expect(table.total).toEqual({ count: 7, amountMinor: 3_501_00n });
  });

  it("sums amounts beyond a double's exact range without rounding", () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1
    const table = buildWonTable(months, [cell("2025-04", "u1", 1, big), cell("2025-05", "u1", 1, 1n)]);
    expect(table.total.amountMinor).toBe(9_007_199_254_740_994n);
  });

  it("orders owners by amount won, then name; ignores months outside the period; is empty without deals", () => {
    const table = buildWonTable(months, [
      cell("2025-04", "u3", 1, 5n),
      cell("2025-04", "u1", 1, 5n),
      cell("2025-07", "u2", 9, 9_999n),
    ]);
    expect(table.owners.map((o) => o.ownerName)).toEqual(["Ana", "Cy"]);
    expect(table.total).toEqual({ count: 2, amountMinor: 10n });
    expect(buildWonTable(months, [])).toEqual({
      months,
      owners: [],
      monthTotals: [
        { count: 0, amountMinor: 0n },
        { count: 0, amountMinor: 0n },
        { count: 0, amountMinor: 0n },
      ],
      total: { count: 0, amountMinor: 0n },
    });
  });
});
