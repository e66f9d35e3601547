import { describe, expect, it } from "vitest";
import {
  coverageBp,
  coverageOf,
  rangeCoverage,
  formatCoverage,
  headlineForecast,
  isStale,
  pipelineForecast,
  type TOpenPipeline,
} from "@/lib/forecast";

// Actual YTD $400,000.00 (40,000,000 cents). Open deals closing after D within the year:
//   A  COMMIT     $100,000.00 at 90 %   → weighted 9,000,000 cents
//   B  BEST_CASE  $ 50,000.00 at 50 %   → 2,500,000
//   C  PIPELINE   $ 33,333.33 at 25 %   → 833,333.25
//   D  PIPELINE   $ 10,000.01 at 10 %   → 100,000.10
// (closed-won deals are revenue entries, already in actual YTD: SQL never passes them here.)
const ACTUAL_YTD = 40_000_000n;
const open: TOpenPipeline = {
  count: 4,
  commitMinor: 10_000_000n,
  bestCaseMinor: 5_000_000n,
  weightedBpMinor: 10_000_000n * 9_000n + 5_000_000n * 5_000n + 3_333_333n * 2_500n + 1_000_001n * 1_000n,
};
const NONE: TOpenPipeline = { count: 0, commitMinor: 0n, bestCaseMinor: 0n, weightedBpMinor: 0n };

describe("pipelineForecast", () => {
  it("rolls the categories up cumulatively from actual YTD", () => {
    const f = pipelineForecast(ACTUAL_YTD, open);
    // commit = 400,000.00 + 100,000.00; best case = commit + 50,000.00.
    expect(f.commit).toBe(50_000_000n);
    expect(f.bestCase).toBe(55_000_000n);
  });

  it("weights every open deal by its probability and rounds the sum once", () => {
    // 9,000,000 + 2,500,000 + 833,333.25 + 100,000.10 = 12,433,333.35 → 12,433,333 cents.
    expect(pipelineForecast(ACTUAL_YTD, open).weighted).toBe(52_433_333n);
    // Rounded per deal it would be 9,000,000 + 2,500,000 + 833,333 + 100,000 = 12,433,333 too;
    // here half-cents show the single rounding: 0.5 + 0.5 per deal = 1 cent, not 2.
    const halves: TOpenPipeline = { count: 2, commitMinor: 0n, bestCaseMinor: 0n, weightedBpMinor: 5_000n + 5_000n };
    expect(pipelineForecast(0n, halves).weighted).toBe(1n);
    // Half a cent rounds away from zero.
    expect(pipelineForecast(0n, { ...halves, weightedBpMinor: 5_000n }).weighted).toBe(1n);
    expect(pipelineForecast(0n, { ...halves, weightedBpMinor: 4_999n }).weighted).toBe(0n);
  });

  it("adds nothing for a year with no open deals (closed-won revenue is already in actual YTD)", () => {
    expect(pipelineForecast(ACTUAL_YTD, NONE)).toEqual({
      commit: ACTUAL_YTD,
      bestCase: ACTUAL_YTD,
      weighted: ACTUAL_YTD,
    });
  });
});

describe("headlineForecast", () => {
  const runRate = 48_000_000n;
  it("is the organization's choice while deals are open", () => {
    expect(headlineForecast(ACTUAL_YTD, open, "WEIGHTED", runRate)).toEqual({ value: 52_433_333n, source: "PIPELINE" });
    expect(headlineForecast(ACTUAL_YTD, open, "COMMIT", runRate)).toEqual({ value: 50_000_000n, source: "PIPELINE" });
    expect(headlineForecast(ACTUAL_YTD, open, "BEST_CASE", runRate)).toEqual({
      value: 55_000_000n,
      source: "PIPELINE",
    });
  });

  it("falls back to the run rate of completed months without open deals, whatever the choice", () => {
    for (const choice of ["WEIGHTED", "COMMIT", "BEST_CASE"] as const) {
      expect(headlineForecast(ACTUAL_YTD, NONE, choice, runRate)).toEqual({ value: runRate, source: "RUN_RATE" });
    }
    // Before a month completes there is no run rate either.
    expect(headlineForecast(ACTUAL_YTD, NONE, "WEIGHTED", null)).toEqual({ value: null, source: "RUN_RATE" });
  });
});

describe("coverage", () => {
  it("is open pipeline over the remaining gap", () => {
    // $150,000 open against a $60,000 gap: 2.5×.
    expect(coverageBp(15_000_000n, 6_000_000n)).toBe(25_000);
    // Target $1,000,000, actual so far $400,000 → gap $600,000; $150,000 open → 0.25×.
    expect(coverageOf(15_000_000n, 100_000_000n, 40_000_000n)).toEqual({
      openMinor: 15_000_000n,
      gapMinor: 60_000_000n,
      coverageBp: 2_500,
    });
    // 1 / 3 = 0.33333 → 3,333 bp.
    expect(coverageBp(1n, 3n)).toBe(3_333);
  });

  it("has nothing to cover when the gap is zero or negative, or there is no target", () => {
    expect(coverageOf(15_000_000n, 100_000_000n, 100_000_000n)).toEqual({
      openMinor: 15_000_000n,
      gapMinor: 0n,
      coverageBp: null,
    });
    expect(coverageOf(15_000_000n, 100_000_000n, 120_000_000n)).toEqual({
      openMinor: 15_000_000n,
      gapMinor: -20_000_000n,
      coverageBp: null,
    });
    expect(coverageOf(15_000_000n, null, 40_000_000n)).toEqual({
      openMinor: 15_000_000n,
      gapMinor: null,
      coverageBp: null,
    });
  });

  it("is zero with a gap and no open deals", () => {
    expect(coverageOf(0n, 100_000_000n, 40_000_000n).coverageBp).toBe(0);
  });

  it("reads as a multiple with one decimal", () => {
    expect(formatCoverage(25_000)).toBe("2.5×");
    expect(formatCoverage(2_500)).toBe("0.3×");
    expect(formatCoverage(null)).toBe("—");
  });
});

describe("isStale", () => {
  it("flags open deals whose close date has passed, and only those", () => {
    expect(isStale("OPEN", "2026-11-26", "2026-11-27")).toBe(true);
    expect(isStale("OPEN", "2026-11-27", "2026-11-27")).toBe(false);
    expect(isStale("WON", "2026-01-01", "2026-11-27")).toBe(false);
    expect(isStale("LOST", "2026-01-01", "2026-11-27")).toBe(false);
  });
});

describe("coverage of a range with deals imported without an amount", () => {
  it("sums the range's months with an amount, leaves the others out and counts them", () => {
    const months = [
      { month: "2026-10" as const, amountMinor: 300_00n, noAmountCount: 2 },
      { month: "2026-11" as const, amountMinor: 100_00n, noAmountCount: 0 },
      { month: "2027-01" as const, amountMinor: 900_00n, noAmountCount: 5 },
    ];
    // Q4 (Oct–Dec): open 300 + 100 = 400 against a gap of 1,000 − 200 = 800 → 0.5× (5,000 bp); 2 deals left out.
    expect(rangeCoverage(months, ["2026-10", "2026-11", "2026-12"], 1_000_00n, 200_00n)).toEqual({
      openMinor: 400_00n,
      gapMinor: 800_00n,
      coverageBp: 5_000,
      noAmountCount: 2,
    });
    expect(rangeCoverage(months, ["2026-12"], 1_000_00n, 0n)).toEqual({
      openMinor: 0n,
      gapMinor: 1_000_00n,
      coverageBp: 0,
      noAmountCount: 0,
    });
    expect(rangeCoverage(months, ["2027-01"], null, 0n)).toEqual({
      openMinor: 900_00n,
      gapMinor: null,
      coverageBp: null,
      noAmountCount: 5,
    });
  });
});
