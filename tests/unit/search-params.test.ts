import { describe, expect, it } from "vitest";
import { isSupportedIsoDate } from "@/lib/date-range";
import { parsePeriod } from "@/lib/period-selection";
import { parsePipelineFiltersWithNotices } from "@/lib/pipeline-filters";
import { ignoredNotice, isIgnoredPeriod, parseFiscalYearParam, readParam } from "@/lib/search-params";
import { ZAddRevenueEntryInput, ZMonthInput } from "@/lib/schemas/revenue";
import { ZCreateDepartmentInput } from "@/lib/schemas/departments";
import { ZSaveNarrativeInput } from "@/lib/schemas/accountability";

// Issue 10, finding 7 ("Outages and bad parameters"): every URL parameter is parsed; an invalid
// one is dropped and named in a notice; control characters and dates outside 2000–2100 are refused.

const TODAY = { year: 2026, month: 4, day: 15 };

describe("finding 7: pipeline filters", () => {
  it("drops from=2026-13-45, quarter=9999-Q4 and q=%00 with a notice, keeping the valid filters", () => {
    const { filters, ignored } = parsePipelineFiltersWithNotices(
      new URLSearchParams("from=2026-13-45&quarter=9999-Q4&q=%00&status=open&to=2026-06-30"),
    );
    expect(ignored).toEqual(["from", "quarter", "q"]);
    expect(filters).toEqual({
      stageId: undefined,
      ownerId: undefined,
      category: undefined,
      from: undefined,
      to: "2026-06-30",
      quarter: undefined,
      status: "open",
      stale: false,
      q: undefined,
      sort: "updated",
      page: 1,
    });
    expect(ignoredNotice(ignored)).toBe("Ignored invalid filters: from, quarter, q");
    expect(ignoredNotice(["from"])).toBe("Ignored an invalid filter: from");
    expect(ignoredNotice([])).toBeNull();
  });

  it("refuses impossible days, years outside the range, bad pages and repeated junk", () => {
    const parse = (query: string) => parsePipelineFiltersWithNotices(new URLSearchParams(query));
    expect(parse("from=2026-02-30&to=0000-01-01&page=0&sort=drop&stage=a'b&category=x").ignored).toEqual([
      "stage",
      "category",
      "from",
      "to",
      "sort",
      "page",
    ]);
    expect(parse("quarter=2026-Q3&q=Globex%20renewal&page=2").filters).toMatchObject({
      quarter: "2026-Q3",
      q: "Globex renewal",
      page: 2,
    });
    expect(parse("quarter=2026-Q3&q=Globex%20renewal&page=2").ignored).toEqual([]);
    // A page's searchParams object with an array (a repeated parameter) reads the first value.
    expect(parsePipelineFiltersWithNotices({ from: ["2026-13-45", "2026-01-01"] }).ignored).toEqual(["from"]);
  });
});

describe("finding 7: the other pages' parameters", () => {
  it("reads the dashboard's and scorecard's period; a forged one falls back and is reported", () => {
    for (const given of ["fy-9999", "q-2026-9", "m-0000-01", "ytd-abc", "fy-2026\u0000"]) {
      expect(isIgnoredPeriod(given, parsePeriod(given, TODAY, 1))).toBe(true);
    }
    for (const given of ["fy-2026", "q-2026-3", "m-2026-11", "ytd-2100"]) {
      expect(isIgnoredPeriod(given, parsePeriod(given, TODAY, 1))).toBe(false);
    }
    expect(isIgnoredPeriod(undefined, parsePeriod(undefined, TODAY, 1))).toBe(false);
  });

  it("reads the revenue page's fy only within 2000–2100", () => {
    expect(parseFiscalYearParam("2026")).toBe(2026);
    expect(parseFiscalYearParam("9999")).toBeUndefined();
    expect(parseFiscalYearParam("1e3")).toBeUndefined();
    expect(parseFiscalYearParam(undefined)).toBeUndefined();
    expect(readParam({ fy: ["2027", "2028"] }, "fy")).toBe("2027");
    expect(readParam({ fy: "20\u000026" }, "fy")).toBeUndefined();
  });
});

describe("finding 7: control characters and the supported date range in forms", () => {
  const messageOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((i) => [i.path.join("."), i.message]);

  it("refuses NUL and escape in one-line fields, keeps tabs and line breaks in multi-line ones", () => {
    const control = "Remove the control characters (such as NUL) from this field.";
    expect(messageOf(ZCreateDepartmentInput.safeParse({ name: "Ops\u0000", kind: "OTHER" }))).toEqual([
      ["name", control],
    ]);
    expect(messageOf(ZCreateDepartmentInput.safeParse({ name: "Ops\nTeam", kind: "OTHER" }))).toEqual([
      ["name", control],
    ]);
    const narrative = { departmentId: "d1", month: "2026-03", why: "Because\n\tof churn", whatNext: "Call\u0007" };
    expect(messageOf(ZSaveNarrativeInput.safeParse(narrative))).toEqual([["whatNext", control]]);
    expect(ZSaveNarrativeInput.safeParse({ ...narrative, whatNext: "Call them" }).success).toBe(true);
  });

  it("refuses dates and months outside 2000–2100 and impossible days", () => {
    const range = "Dates are between 2000 and 2100.";
    expect(messageOf(ZMonthInput.safeParse({ month: "0000-01" }))).toEqual([["month", range]]);
    expect(messageOf(ZAddRevenueEntryInput.safeParse({ date: "9999-12-31", amount: "1" }))).toEqual([["date", range]]);
    expect(ZAddRevenueEntryInput.safeParse({ date: "2100-12-31", amount: "1" }).success).toBe(true);
    // An impossible day gets the format message alone.
    expect(messageOf(ZAddRevenueEntryInput.safeParse({ date: "2026-02-30", amount: "1" }))).toEqual([
      ["date", "Enter the date as YYYY-MM-DD."],
    ]);
    expect(isSupportedIsoDate("2026-02-29")).toBe(false);
    expect(isSupportedIsoDate("2028-02-29")).toBe(true);
  });
});
