import { describe, expect, it } from "vitest";
import { fiscalYearOf } from "@/lib/period";

describe("fiscalYearOf", () => {
  it("names a calendar fiscal year by its own year", () => {
    expect(fiscalYearOf(new Date("2026-11-27T12:00:00Z"), 1, "UTC")).toBe(2026);
  });

  it("names an April-start fiscal year by the year it ends in", () => {
    expect(fiscalYearOf(new Date("2026-03-31T12:00:00Z"), 4, "UTC")).toBe(2026);
    expect(fiscalYearOf(new Date("2026-04-01T12:00:00Z"), 4, "UTC")).toBe(2027);
  });

  it("reads the date in the organization's time zone", () => {
    // 04:30 UTC on 1 January is still 31 December in New York (UTC-5).
    const instant = new Date("2027-01-01T04:30:00Z");
    expect(fiscalYearOf(instant, 1, "America/New_York")).toBe(2026);
    expect(fiscalYearOf(instant, 1, "Europe/Berlin")).toBe(2027);
  });
});
