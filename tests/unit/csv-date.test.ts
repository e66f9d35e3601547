import { describe, expect, it } from "vitest";
import { detectDateFormat, parseDate, type TDateFormat } from "@/lib/csv/date";

const NY = "America/New_York";

function read(text: string, format: TDateFormat = "ISO", timeZone = NY) {
  const result = parseDate(text, format, timeZone);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.reason}`);
  return { instant: result.instant.toISOString(), month: result.month };
}

describe("parseDate", () => {
  it("reads a bare date as local midnight in the organization's zone", () => {
    // 4 March 2026 is before New York's daylight-saving start (8 March): UTC-5.
    expect(read("2026-03-04")).toEqual({ instant: "2026-03-04T05:00:00.000Z", month: "2026-03" });
    expect(read("2026/3/4")).toEqual({ instant: "2026-03-04T05:00:00.000Z", month: "2026-03" });
    expect(read("2026-11-01", "ISO", "Europe/Berlin")).toEqual({
      instant: "2026-10-31T23:00:00.000Z",
      month: "2026-11",
    });
  });

  it("reads day-first and month-first dates in the chosen order", () => {
    expect(read("04/03/2026", "DAY_FIRST")).toEqual({ instant: "2026-03-04T05:00:00.000Z", month: "2026-03" });
    expect(read("4.3.2026", "DAY_FIRST")).toEqual({ instant: "2026-03-04T05:00:00.000Z", month: "2026-03" });
    expect(read("03/04/2026", "MONTH_FIRST")).toEqual({ instant: "2026-03-04T05:00:00.000Z", month: "2026-03" });
    expect(read("3/4/26", "MONTH_FIRST").month).toBe("2026-03");
    // Year-first dates are unambiguous whatever order was chosen for the others.
    expect(read("2026-03-04", "DAY_FIRST").month).toBe("2026-03");
  });

  it("keeps 23:30 local on the last day of a month in that month", () => {
    // 31 March 2026 in New York is daylight time (UTC-4): 23:30 local is 03:30 UTC on 1 April.
    expect(read("2026-03-31 23:30")).toEqual({ instant: "2026-04-01T03:30:00.000Z", month: "2026-03" });
    expect(read("31/03/2026 23:30", "DAY_FIRST")).toEqual({ instant: "2026-04-01T03:30:00.000Z", month: "2026-03" });
    expect(read("2026-01-31T23:30:59")).toEqual({ instant: "2026-02-01T04:30:59.000Z", month: "2026-01" });
  });

  it("reads 12-hour clock times", () => {
    expect(read("3/4/2026 2:15 PM", "MONTH_FIRST").instant).toBe("2026-03-04T19:15:00.000Z");
    expect(read("3/4/2026 12:05 am", "MONTH_FIRST").instant).toBe("2026-03-04T05:05:00.000Z");
    expect(read("3/4/2026 12:05 p.m.", "MONTH_FIRST").instant).toBe("2026-03-04T17:05:00.000Z");
  });

  it("honours an explicit offset, then buckets the instant in the organization's zone", () => {
    expect(read("2026-03-31T23:30:00Z")).toEqual({ instant: "2026-03-31T23:30:00.000Z", month: "2026-03" });
    // 02:00 UTC on 1 April is still 22:00 on 31 March in New York.
    expect(read("2026-04-01T02:00:00Z")).toEqual({ instant: "2026-04-01T02:00:00.000Z", month: "2026-03" });
    expect(read("2026-04-01T02:00:00.250+02:00")).toEqual({ instant: "2026-04-01T00:00:00.250Z", month: "2026-03" });
    expect(read("2026-04-01T09:00:00-0400")).toEqual({ instant: "2026-04-01T13:00:00.000Z", month: "2026-04" });
  });

  it("names a date it cannot read", () => {
    const reason = (text: string, format: TDateFormat = "ISO") => {
      const result = parseDate(text, format, NY);
      return result.ok ? null : result.reason;
    };
    expect(reason("")).toBe("empty date");
    expect(reason("n/a")).toBe('unparseable date "n/a"');
    expect(reason("31/02/2026", "DAY_FIRST")).toBe('unparseable date "31/02/2026"');
    expect(reason("13/01/2026", "MONTH_FIRST")).toBe('unparseable date "13/01/2026"');
    expect(reason("04/03/2026", "ISO")).toBe('unparseable date "04/03/2026"');
    expect(reason("2026-13-01")).toBe('unparseable date "2026-13-01"');
    expect(reason("2026-02-29")).toBe('unparseable date "2026-02-29"');
    expect(reason("2028-02-29")).toBeNull();
    expect(reason("2026-03-04 24:00")).toBe('unparseable date "2026-03-04 24:00"');
    expect(reason("2026-03-04T10:00:00+15:00")).toBe('unparseable date "2026-03-04T10:00:00+15:00"');
    expect(reason("3/4/2026 13:00 PM", "MONTH_FIRST")).toBe('unparseable date "3/4/2026 13:00 PM"');
  });
});

describe("detectDateFormat", () => {
  it("needs no choice for year-first dates", () => {
    expect(detectDateFormat(["2026-01-05", "2026-02-10T10:00:00Z", ""])).toEqual({
      format: "ISO",
      ambiguousExample: null,
    });
  });

  it("is day-first when a first part is above 12 somewhere", () => {
    expect(detectDateFormat(["04/03/2026", "25/03/2026"])).toEqual({
      format: "DAY_FIRST",
      ambiguousExample: "04/03/2026",
    });
  });

  it("is month-first when a second part is above 12 somewhere", () => {
    expect(detectDateFormat(["03/04/2026", "03/25/2026"]).format).toBe("MONTH_FIRST");
  });

  it("asks when every date could be read either way, or the column contradicts itself", () => {
    expect(detectDateFormat(["03/04/2026", "05/06/2026"])).toEqual({ format: null, ambiguousExample: "03/04/2026" });
    expect(detectDateFormat(["13/01/2026", "01/13/2026"]).format).toBeNull();
    expect(detectDateFormat(["2026-01-05", "03/04/2026"]).format).toBeNull();
  });

  it("ignores cells that are not dates at all (they become bad rows)", () => {
    expect(detectDateFormat(["garbage", "25/03/2026"]).format).toBe("DAY_FIRST");
    expect(detectDateFormat(["garbage"]).format).toBe("ISO");
  });
});
