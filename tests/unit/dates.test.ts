import { describe, expect, it } from "vitest";
import { isoDate, lastDayOfMonth } from "@/lib/dates";

describe("isoDate", () => {
  it("reads a database date as the day it names", () => {
    expect(isoDate(new Date("2026-03-09T00:00:00Z"))).toBe("2026-03-09");
  });

  it("writes a local date with two-digit month and day", () => {
    expect(isoDate({ year: 2026, month: 3, day: 9 })).toBe("2026-03-09");
    expect(isoDate({ year: 2026, month: 12, day: 31 })).toBe("2026-12-31");
  });
});

describe("lastDayOfMonth", () => {
  it("knows month lengths and leap years", () => {
    expect(lastDayOfMonth("2026-01")).toBe("2026-01-31");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });
});
