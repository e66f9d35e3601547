import { describe, expect, it } from "vitest";
import {
  addMonths,
  fiscalQuarterOfMonth,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearOfMonth,
  monthLabel,
  monthOf,
  monthRange,
  startOfLocalDate,
} from "@/lib/period";

describe("fiscal years", () => {
  it("names a calendar fiscal year by its own year", () => {
    expect(fiscalYearOf(new Date("2026-11-27T12:00:00Z"), 1, "UTC")).toBe(2026);
    expect(fiscalYearMonths(2026, 1)).toEqual([
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
      "2026-11",
      "2026-12",
    ]);
  });

  it("names an April-start fiscal year by the year it ends in", () => {
    expect(fiscalYearOfMonth("2026-03", 4)).toBe(2026);
    expect(fiscalYearOfMonth("2026-04", 4)).toBe(2027);
    const fy2027 = fiscalYearMonths(2027, 4);
    expect([fy2027[0], fy2027[8], fy2027[11]]).toEqual(["2026-04", "2026-12", "2027-03"]);
  });

  it("numbers fiscal quarters from the fiscal year's start", () => {
    expect(fiscalQuarterOfMonth("2026-04", 4)).toBe(1);
    expect(fiscalQuarterOfMonth("2026-12", 4)).toBe(3);
    expect(fiscalQuarterOfMonth("2027-03", 4)).toBe(4);
    expect(fiscalQuarterOfMonth("2026-12", 1)).toBe(4);
  });

  it("reads the date in the organization's time zone", () => {
    // 04:30 UTC on 1 January is still 31 December in New York (UTC-5).
    const instant = new Date("2027-01-01T04:30:00Z");
    expect(fiscalYearOf(instant, 1, "America/New_York")).toBe(2026);
    expect(fiscalYearOf(instant, 1, "Europe/Berlin")).toBe(2027);
  });
});

describe("months", () => {
  it("adds months across year ends", () => {
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-01", -13)).toBe("2024-12");
  });

  it("is a half-open range whose length follows daylight saving (New York, March 2026)", () => {
    // DST starts 8 March 2026: March begins at UTC-5 and ends at UTC-4.
    const { start, end } = monthRange("2026-03", "America/New_York");
    expect(start.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(end.toISOString()).toBe("2026-04-01T04:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(31 * 24 - 1);
  });

  it("buckets instants at the boundary into the right month", () => {
    expect(monthOf(new Date("2026-04-01T03:59:59.999Z"), "America/New_York")).toBe("2026-03");
    expect(monthOf(new Date("2026-04-01T04:00:00.000Z"), "America/New_York")).toBe("2026-04");
    expect(monthOf(new Date("2026-10-31T23:30:00Z"), "Europe/Berlin")).toBe("2026-11");
  });

  it("starts a local calendar date at local midnight", () => {
    expect(startOfLocalDate(2026, 11, 1, "Europe/Berlin").toISOString()).toBe("2026-10-31T23:00:00.000Z");
  });

  it("labels months", () => {
    expect(monthLabel("2026-03")).toBe("Mar 2026");
    expect(monthLabel("2026-03", { withYear: false })).toBe("Mar");
  });
});
