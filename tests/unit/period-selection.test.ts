import { describe, expect, it } from "vitest";
import { parsePeriod, periodParam, resolvePeriod, todayIn } from "@/lib/period-selection";

const today = { year: 2026, month: 11, day: 27 };

describe("parsePeriod", () => {
  it("defaults to the current fiscal year", () => {
    expect(parsePeriod(undefined, today, 1)).toEqual({ kind: "fy", fiscalYear: 2026 });
    expect(parsePeriod("nonsense", today, 4)).toEqual({ kind: "fy", fiscalYear: 2027 });
    expect(parsePeriod("q-2026-5", today, 1)).toEqual({ kind: "fy", fiscalYear: 2026 });
  });

  it("round-trips every kind through the URL parameter", () => {
    for (const param of ["fy-2025", "ytd-2026", "q-2026-3", "m-2026-02", "r-2025-11-2026-02"])
      expect(periodParam(parsePeriod(param, today, 1))).toBe(param);
  });

  it("takes a custom run of 1 to 36 months, first month first", () => {
    expect(parsePeriod("r-2026-03-2026-03", today, 1)).toEqual({ kind: "range", from: "2026-03", to: "2026-03" });
    expect(parsePeriod("r-2024-01-2026-12", today, 1)).toEqual({ kind: "range", from: "2024-01", to: "2026-12" });
    // Reversed, 37 months long, or a 13th month: the current fiscal year instead.
    for (const bad of ["r-2026-08-2026-03", "r-2023-12-2026-12", "r-2026-01-2026-13", "r-2026-01"])
      expect(parsePeriod(bad, today, 1)).toEqual({ kind: "fy", fiscalYear: 2026 });
  });
});

describe("resolvePeriod", () => {
  it("takes D = today for the current year, and the last day for a range that has ended", () => {
    const fy = resolvePeriod({ kind: "fy", fiscalYear: 2026 }, today, 1);
    expect(fy.months).toHaveLength(12);
    expect(fy.asOf).toEqual({ month: "2026-11", isMonthComplete: false });
    const q1 = resolvePeriod({ kind: "quarter", fiscalYear: 2026, quarter: 1 }, today, 1);
    expect(q1.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(q1.asOf).toEqual({ month: "2026-03", isMonthComplete: true });
    expect(q1.label).toBe("Q1 FY2026");
  });

  it("runs year-to-date through today's month in an April-start year", () => {
    const ytd = resolvePeriod({ kind: "ytd", fiscalYear: 2027 }, today, 4);
    expect(ytd.months).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    expect(ytd.label).toBe("FY2027 year to date");
  });

  it("places a month in its fiscal year", () => {
    const march = resolvePeriod({ kind: "month", month: "2027-03" }, today, 4);
    expect(march.fiscalYear).toBe(2027);
    expect(march.yearMonths[0]).toBe("2026-04");
    expect(march.asOf).toEqual({ month: "2026-11", isMonthComplete: false }); // a future month: D is today
  });

  it("keeps today's month in progress on its last day: it is complete only once D has passed it", () => {
    const lastDay = resolvePeriod({ kind: "fy", fiscalYear: 2026 }, { year: 2026, month: 11, day: 30 }, 1);
    expect(lastDay.asOf.isMonthComplete).toBe(false);
    expect(lastDay.inProgress).toEqual({ month: "2026-11", day: 30, daysInMonth: 30 });
    // To date runs January – October: November is not counted until 1 December.
    expect(lastDay.toDateMonths).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    const nextDay = resolvePeriod({ kind: "fy", fiscalYear: 2026 }, { year: 2026, month: 12, day: 1 }, 1);
    expect(nextDay.toDateMonths.at(-1)).toBe("2026-11");
    expect(nextDay.inProgress).toEqual({ month: "2026-12", day: 1, daysInMonth: 31 });
  });

  it("on the 3rd of a month, to date is the year's completed months and the month is day 3 of n", () => {
    const q = resolvePeriod({ kind: "quarter", fiscalYear: 2026, quarter: 4 }, { year: 2026, month: 12, day: 3 }, 1);
    expect(q.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(q.toDateMonths).toEqual(["2026-10", "2026-11"]);
    expect(q.inProgress).toEqual({ month: "2026-12", day: 3, daysInMonth: 31 });
    // February of a leap year has 29 days.
    expect(resolvePeriod({ kind: "month", month: "2028-02" }, { year: 2028, month: 2, day: 3 }, 1).inProgress).toEqual({
      month: "2028-02",
      day: 3,
      daysInMonth: 29,
    });
  });

  it("reads a range that has ended whole, and one that has not started as future with nothing to date", () => {
    const past = resolvePeriod({ kind: "quarter", fiscalYear: 2026, quarter: 2 }, today, 1);
    expect(past).toMatchObject({ toDateMonths: ["2026-04", "2026-05", "2026-06"], inProgress: null, isFuture: false });
    const future = resolvePeriod({ kind: "fy", fiscalYear: 2027 }, today, 1);
    expect(future).toMatchObject({ toDateMonths: [], inProgress: null, isFuture: true });
  });
});

describe("todayIn", () => {
  it("reads today in the organization's zone", () => {
    expect(todayIn("America/Los_Angeles", new Date("2026-12-01T03:00:00Z"))).toEqual({
      year: 2026,
      month: 11,
      day: 30,
    });
    expect(todayIn("Asia/Tokyo", new Date("2026-12-01T03:00:00Z"))).toEqual({ year: 2026, month: 12, day: 1 });
  });
});

describe("a custom range", () => {
  it("spans fiscal years, is labelled by its months, and is read against the fiscal year of D", () => {
    // April-start year; today 27 Nov 2026 is in FY2027 (Apr 2026 – Mar 2027).
    const r = resolvePeriod({ kind: "range", from: "2026-02", to: "2026-12" }, today, 4);
    expect(r.months).toHaveLength(11);
    expect(r.months[0]).toBe("2026-02");
    expect(r.fiscalYear).toBe(2027);
    expect(r.label).toBe("Feb 2026 – Dec 2026");
    expect(r.toDateMonths.at(-1)).toBe("2026-10");
    expect(r.inProgress?.month).toBe("2026-11");
    // A range that has ended belongs to the fiscal year of its last month.
    expect(resolvePeriod({ kind: "range", from: "2025-01", to: "2025-06" }, today, 4).fiscalYear).toBe(2026);
  });
});
