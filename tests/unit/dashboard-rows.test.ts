import { describe, expect, it } from "vitest";
import { buildMonthRows } from "@/lib/dashboard-rows";
import type { TMonthFigures } from "@/lib/metrics";
import { fiscalYearMonths } from "@/lib/period";

// Calendar FY2026, $1,000 a month of target; actuals Jan–Mar 900, 1,100, 1,300 (in cents ×100).
const year: TMonthFigures[] = fiscalYearMonths(2026, 1).map((month, i) => ({
  month,
  targetMinor: 100_000n,
  actualMinor: [90_000n, 110_000n, 130_000n, 20_000n][i] ?? 0n,
}));

describe("buildMonthRows", () => {
  // D = 10 April: Jan–Mar complete, April in progress.
  const rows = buildMonthRows(year, { month: "2026-04", isMonthComplete: false });

  it("keeps cumulative target and actual through D's month", () => {
    expect(rows[2]).toMatchObject({ cumulativeTarget: 300_000n, cumulativeActual: 330_000n, isFuture: false });
    expect(rows[3]).toMatchObject({ actual: 20_000n, cumulativeActual: 350_000n, isFuture: false });
  });

  it("shows months after D as forecast, not as zero actuals", () => {
    expect(rows[4]).toMatchObject({
      month: "2026-05",
      actual: null,
      cumulativeActual: null,
      isFuture: true,
      cumulativeTarget: 500_000n,
    });
  });

  it("projects the run rate of completed months from the last completed month to the year's end", () => {
    // Run rate 330,000 / 3 = 110,000 a month.
    expect(rows[1]?.forecastCumulative).toBeNull();
    expect(rows[2]?.forecastCumulative).toBe(330_000n);
    expect(rows[3]?.forecastCumulative).toBe(440_000n);
    expect(rows[11]?.forecastCumulative).toBe(1_320_000n); // = 330,000 / 3 × 12, the full-year forecast
  });

  it("draws no projection before a month completes", () => {
    const january = buildMonthRows(year, { month: "2026-01", isMonthComplete: false });
    expect(january.every((r) => r.forecastCumulative === null)).toBe(true);
  });

  it("leaves cumulative target empty until a month has a target", () => {
    const partial = buildMonthRows(
      year.map((m, i) => ({ ...m, targetMinor: i < 2 ? null : 100_000n })),
      { month: "2026-04", isMonthComplete: false },
    );
    expect(partial[1]?.cumulativeTarget).toBeNull();
    expect(partial[2]?.cumulativeTarget).toBe(100_000n);
  });
});

describe("buildMonthRows pipeline projections", () => {
  // D = 10 April (Jan–Mar complete: cumulative 330,000; April so far 20,000). Open deals:
  //   May: COMMIT 50,000 at 90 %; BEST_CASE 10,000 at 50 %     → weighted bp 450,000,000 + 50,000,000
  //   Jul: PIPELINE 33,333 at 25 %                             → weighted bp 83,332,500 (8,333.25)
  //   Dec: COMMIT 1 at 50 %  (half a cent weighted)            → weighted bp 5,000
  const open = [
    {
      month: "2026-05" as const,
      count: 2,
      commitMinor: 50_000n,
      bestCaseMinor: 10_000n,
      weightedBpMinor: 450_000_000n + 50_000_000n,
    },
    { month: "2026-07" as const, count: 1, commitMinor: 0n, bestCaseMinor: 0n, weightedBpMinor: 83_332_500n },
    { month: "2026-12" as const, count: 1, commitMinor: 1n, bestCaseMinor: 0n, weightedBpMinor: 5_000n },
  ];
  const rows = buildMonthRows(year, { month: "2026-04", isMonthComplete: false }, open);

  it("starts at the last completed month's cumulative actual", () => {
    expect(rows[1]).toMatchObject({ commitCumulative: null, bestCaseCumulative: null, weightedCumulative: null });
    expect(rows[2]).toMatchObject({
      commitCumulative: 330_000n,
      bestCaseCumulative: 330_000n,
      weightedCumulative: 330_000n,
    });
  });

  it("adds D's month's actual so far, then each month's open deals in the month they close", () => {
    expect(rows[3]).toMatchObject({
      commitCumulative: 350_000n,
      bestCaseCumulative: 350_000n,
      weightedCumulative: 350_000n,
    });
    // May: commit + 50,000; best case + 50,000 + 10,000; weighted + 45,000 + 5,000.
    expect(rows[4]).toMatchObject({
      commitCumulative: 400_000n,
      bestCaseCumulative: 410_000n,
      weightedCumulative: 400_000n,
    });
    expect(rows[5]).toMatchObject({
      commitCumulative: 400_000n,
      bestCaseCumulative: 410_000n,
      weightedCumulative: 400_000n,
    });
    // July: weighted + 8,333.25 → 408,333.25 → 408,333.
    expect(rows[6]).toMatchObject({
      commitCumulative: 400_000n,
      bestCaseCumulative: 410_000n,
      weightedCumulative: 408_333n,
    });
  });

  it("ends at the full-year forecasts: actual YTD + Σ open, weighted rounded once", () => {
    // commit 350,000 + 50,001; best case + 10,000; weighted 350,000 + (50,000 + 8,333.25 + 0.5 = 58,333.75 → 58,334).
    expect(rows[11]).toMatchObject({
      commitCumulative: 400_001n,
      bestCaseCumulative: 410_001n,
      weightedCumulative: 408_334n,
    });
  });

  it("keeps the run-rate projection alongside", () => {
    expect(rows[11]?.forecastCumulative).toBe(1_320_000n);
  });

  it("draws no pipeline projection without open deals", () => {
    const none = buildMonthRows(year, { month: "2026-04", isMonthComplete: false }, []);
    expect(
      none.every((r) => r.commitCumulative === null && r.bestCaseCumulative === null && r.weightedCumulative === null),
    ).toBe(true);
  });

  it("projects from the first month when no month has completed yet", () => {
    const january = buildMonthRows(year, { month: "2026-01", isMonthComplete: false }, [open[0]!]);
    // January's actual so far (90,000), then May's deals.
    expect(january[0]).toMatchObject({ commitCumulative: 90_000n, weightedCumulative: 90_000n });
    expect(january[4]).toMatchObject({
      commitCumulative: 140_000n,
      bestCaseCumulative: 150_000n,
      weightedCumulative: 140_000n,
    });
  });
});
