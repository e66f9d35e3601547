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
    for (const param of ["fy-2025", "ytd-2026", "q-2026-3", "m-2026-02"]) expect(periodParam(parsePeriod(param, today, 1))).toBe(param);
  });
});

describe("resolvePeriod", () => {
  it("takes D = today for the current year, and the last day for a range that has ended", () => {
    const fy = resolvePeriod({ kind: "fy", fiscalYear: 2026 }, today, 1);
    expect(fy.months).toHaveLength(12);
    expect(fy.asOf).toEqual({ month: "2026-11", isLastDayOfMonth: false });
    const q1 = resolvePeriod({ kind: "quarter", fiscalYear: 2026, quarter: 1 }, today, 1);
    expect(q1.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(q1.asOf).toEqual({ month: "2026-03", isLastDayOfMonth: true });
    expect(q1.label).toBe("Q1 FY2026");
  });

  it("runs year-to-date through today's month in an April-start year", () => {
    const ytd = resolvePeriod({ kind: "ytd", fiscalYear: 2027 }, today, 4);
    expect(ytd.months).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(ytd.label).toBe("FY2027 year to date");
  });

  it("places a month in its fiscal year", () => {
    const march = resolvePeriod({ kind: "month", month: "2027-03" }, today, 4);
    expect(march.fiscalYear).toBe(2027);
    expect(march.yearMonths[0]).toBe("2026-04");
    expect(march.asOf).toEqual({ month: "2026-11", isLastDayOfMonth: false }); // a future month: D is today
  });

  it("knows when today is the last day of its month", () => {
    expect(resolvePeriod({ kind: "fy", fiscalYear: 2026 }, { year: 2026, month: 11, day: 30 }, 1).asOf.isLastDayOfMonth).toBe(true);
  });
});

describe("todayIn", () => {
  it("reads today in the organization's zone", () => {
    expect(todayIn("America/Los_Angeles", new Date("2026-12-01T03:00:00Z"))).toEqual({ year: 2026, month: 11, day: 30 });
    expect(todayIn("Asia/Tokyo", new Date("2026-12-01T03:00:00Z"))).toEqual({ year: 2026, month: 12, day: 1 });
  });
});
