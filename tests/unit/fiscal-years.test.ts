import { describe, expect, it } from "vitest";
import { fiscalYearsWithData, withYear } from "@/lib/fiscal-years";

describe("the fiscal years a picker offers", () => {
  const today = { year: 2026, month: 12 };

  it("without any data: the current fiscal year and the next", () => {
    expect(fiscalYearsWithData(null, 1, today)).toEqual([2026, 2027]);
  });

  it("every calendar fiscal year from the first month with data to the last, plus the next", () => {
    // Deals closing from March 2022; targets set through June 2026.
    expect(fiscalYearsWithData({ first: "2022-03", last: "2026-06" }, 1, today)).toEqual([
      2022, 2023, 2024, 2025, 2026, 2027,
    ]);
  });

  it("with an April start, a month is in the fiscal year it ends in", () => {
    // March 2022 ends FY2022 (Apr 2021 – Mar 2022); April 2022 starts FY2023. Today, December 2026, is FY2027.
    expect(fiscalYearsWithData({ first: "2022-03", last: "2022-04" }, 4, today)).toEqual([
      2022, 2023, 2024, 2025, 2026, 2027, 2028,
    ]);
    expect(fiscalYearsWithData({ first: "2022-04", last: "2026-03" }, 4, { year: 2026, month: 3 })).toEqual([
      2023, 2024, 2025, 2026, 2027,
    ]);
  });

  it("with an October start, data beyond the next year reaches as far as it goes", () => {
    // October 2029 starts FY2030; today, May 2026, is in FY2026 (Oct 2025 – Sep 2026).
    expect(fiscalYearsWithData({ first: "2025-09", last: "2029-10" }, 10, { year: 2026, month: 5 })).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    // The last day of September and the first of October are in different fiscal years.
    expect(fiscalYearsWithData({ first: "2025-10", last: "2025-10" }, 10, { year: 2025, month: 9 })).toEqual([
      2025, 2026,
    ]);
  });

  it("keeps a year a link asks for even without data, in order", () => {
    expect(withYear([2025, 2026, 2027], 2019)).toEqual([2019, 2025, 2026, 2027]);
    expect(withYear([2025, 2026], 2026)).toEqual([2025, 2026]);
    expect(withYear([2025, 2026], undefined)).toEqual([2025, 2026]);
  });
});
