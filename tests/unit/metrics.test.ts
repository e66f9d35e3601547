import { describe, expect, it } from "vitest";
import {
  completedMonths,
  monthsRemaining,
  outlookOf,
  ratioBp,
  requiredRunRate,
  runRateForecast,
  stillToBook,
  summarizeRange,
  ytdMonths,
  type TMonthFigures,
} from "@/lib/metrics";
import { fiscalYearMonths } from "@/lib/period";

// FY2027 of an April-start organization: April 2026 – March 2027. Targets $100,000 a month
// (10,000,000 cents); actuals for April – October, then nothing yet.
const ACTUALS = [9_000_000n, 11_000_000n, 9_500_000n, 10_000_000n, 8_000_000n, 12_000_000n, 7_500_000n];
const year: TMonthFigures[] = fiscalYearMonths(2027, 4).map((month, i) => ({
  month,
  targetMinor: 10_000_000n,
  actualMinor: ACTUALS[i] ?? 0n,
}));
// D = 27 November 2026: November is month 8 of the fiscal year and not complete.
const asOf = { month: "2026-11", isMonthComplete: false } as const;

describe("range figures", () => {
  it("sums target and actual, and derives gap and attainment", () => {
    // Q2 (Jul–Sep): target 30,000,000; actual 10,000,000 + 8,000,000 + 12,000,000 = 30,000,000.
    expect(summarizeRange(year.slice(3, 6))).toEqual({
      target: 30_000_000n,
      actual: 30_000_000n,
      gap: 0n,
      gapBp: 0,
      attainmentBp: 10_000,
    });
    // Full year: target 120,000,000; actual 67,000,000; gap 53,000,000 = 44.17 %; attainment 55.83 %.
    expect(summarizeRange(year)).toEqual({
      target: 120_000_000n,
      actual: 67_000_000n,
      gap: 53_000_000n,
      gapBp: 4417,
      attainmentBp: 5583,
    });
  });

  it("has no target, gap or attainment when no month of the range has a target", () => {
    const untargeted = year.map((m) => ({ ...m, targetMinor: null }));
    expect(summarizeRange(untargeted)).toEqual({
      target: null,
      actual: 67_000_000n,
      gap: null,
      gapBp: null,
      attainmentBp: null,
    });
  });

  it("reports a surplus as a negative gap", () => {
    expect(summarizeRange([{ month: "2026-06", targetMinor: 100n, actualMinor: 150n }])).toMatchObject({
      gap: -50n,
      gapBp: -5000,
      attainmentBp: 15_000,
    });
  });

  it("rounds ratios half away from zero in basis points", () => {
    expect(ratioBp(1n, 3n)).toBe(3333);
    expect(ratioBp(2n, 3n)).toBe(6667);
    expect(ratioBp(1n, 0n)).toBeNull();
  });
});

describe("year-to-date, months remaining and completed months", () => {
  it("runs YTD from the fiscal year's first month through D's month", () => {
    expect(ytdMonths(year, asOf).map((m) => m.month)).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
  });

  it("counts D's month among the months remaining", () => {
    expect(monthsRemaining(year, asOf)).toBe(5); // Nov, Dec, Jan, Feb, Mar
    expect(monthsRemaining(year, { month: "2026-03", isMonthComplete: true })).toBe(12); // before the year
    expect(monthsRemaining(year, { month: "2027-04", isMonthComplete: false })).toBe(0); // after it
  });

  it("completes D's month only on its last day", () => {
    expect(completedMonths(year, asOf)).toHaveLength(7);
    expect(completedMonths(year, { month: "2026-11", isMonthComplete: true })).toHaveLength(8);
    expect(completedMonths(year, { month: "2027-03", isMonthComplete: true })).toHaveLength(12);
  });
});

describe("required run rate", () => {
  it("is (annual target − actual YTD) / months remaining", () => {
    // (120,000,000 − 67,000,000) / 5 = 10,600,000
    expect(requiredRunRate(year, asOf)).toBe(10_600_000n);
  });

  it("rounds half away from zero", () => {
    // (120,000,000 − 67,000,000) / 3 = 17,666,666.67 → 17,666,667 (as of January: Jan, Feb, Mar left)
    expect(requiredRunRate(year, { month: "2027-01", isMonthComplete: false })).toBe(17_666_667n);
  });

  it("is null after the year or without targets", () => {
    expect(requiredRunRate(year, { month: "2027-04", isMonthComplete: false })).toBeNull();
    expect(
      requiredRunRate(
        year.map((m) => ({ ...m, targetMinor: null })),
        asOf,
      ),
    ).toBeNull();
  });
});

describe("run-rate forecast", () => {
  it("is actual of completed months / their count × 12", () => {
    // 67,000,000 / 7 × 12 = 114,857,142.86 → 114,857,143
    expect(runRateForecast(year, asOf)).toBe(114_857_143n);
  });

  it("does not count the month in progress", () => {
    const withPartialNovember = year.map((m) => (m.month === "2026-11" ? { ...m, actualMinor: 1_000_000n } : m));
    expect(runRateForecast(withPartialNovember, asOf)).toBe(114_857_143n);
  });

  it("is null before the first month completes", () => {
    expect(runRateForecast(year, { month: "2026-04", isMonthComplete: false })).toBeNull();
  });
});

describe("outlook", () => {
  const thresholds = { onTrackBp: 10_000, atRiskBp: 9_000 };

  it("compares forecast / annual target with the thresholds, boundaries included", () => {
    expect(outlookOf(120_000_000n, 120_000_000n, thresholds)).toBe("ON_TRACK"); // exactly 100 %
    expect(outlookOf(119_999_999n, 120_000_000n, thresholds)).toBe("AT_RISK");
    expect(outlookOf(108_000_000n, 120_000_000n, thresholds)).toBe("AT_RISK"); // exactly 90 %
    expect(outlookOf(107_999_999n, 120_000_000n, thresholds)).toBe("OFF_TRACK");
    // 114,857,143 / 120,000,000 = 95.7 %
    expect(outlookOf(114_857_143n, 120_000_000n, thresholds)).toBe("AT_RISK");
  });

  it("follows the organization's own thresholds", () => {
    expect(outlookOf(114_857_143n, 120_000_000n, { onTrackBp: 9_500, atRiskBp: 8_000 })).toBe("ON_TRACK");
  });

  it("is unknown without a forecast or a target", () => {
    expect(outlookOf(null, 120_000_000n, thresholds)).toBeNull();
    expect(outlookOf(100n, null, thresholds)).toBeNull();
    expect(outlookOf(100n, 0n, thresholds)).toBeNull();
  });
});

describe("still to book", () => {
  it("is the annual target minus actual YTD, the month in progress included", () => {
    // D in November: YTD = Apr–Oct 67,000,000 + November so far 2,500,000 = 69,500,000; 120,000,000 − 69,500,000.
    const withNovember = year.map((m) => (m.month === "2026-11" ? { ...m, actualMinor: 2_500_000n } : m));
    expect(stillToBook(withNovember, asOf)).toBe(50_500_000n);
    // Above target: negative (nothing left to book).
    expect(
      stillToBook(
        year.map((m) => ({ ...m, actualMinor: 20_000_000n })),
        asOf,
      ),
    ).toBe(-40_000_000n);
    expect(
      stillToBook(
        year.map((m) => ({ ...m, targetMinor: null })),
        asOf,
      ),
    ).toBeNull();
  });
});
