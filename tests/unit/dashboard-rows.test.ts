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
  const rows = buildMonthRows(year, { month: "2026-04", isLastDayOfMonth: false });

  it("keeps cumulative target and actual through D's month", () => {
    expect(rows[2]).toMatchObject({ cumulativeTarget: 300_000n, cumulativeActual: 330_000n, isFuture: false });
    expect(rows[3]).toMatchObject({ actual: 20_000n, cumulativeActual: 350_000n, isFuture: false });
  });

  it("shows months after D as forecast, not as zero actuals", () => {
    expect(rows[4]).toMatchObject({ month: "2026-05", actual: null, cumulativeActual: null, isFuture: true, cumulativeTarget: 500_000n });
  });

  it("projects the run rate of completed months from the last completed month to the year's end", () => {
    // Run rate 330,000 / 3 = 110,000 a month.
    expect(rows[1]?.forecastCumulative).toBeNull();
    expect(rows[2]?.forecastCumulative).toBe(330_000n);
    expect(rows[3]?.forecastCumulative).toBe(440_000n);
    expect(rows[11]?.forecastCumulative).toBe(1_320_000n); // = 330,000 / 3 × 12, the full-year forecast
  });

  it("draws no projection before a month completes", () => {
    const january = buildMonthRows(year, { month: "2026-01", isLastDayOfMonth: false });
    expect(january.every((r) => r.forecastCumulative === null)).toBe(true);
  });

  it("leaves cumulative target empty until a month has a target", () => {
    const partial = buildMonthRows(year.map((m, i) => ({ ...m, targetMinor: i < 2 ? null : 100_000n })), { month: "2026-04", isLastDayOfMonth: false });
    expect(partial[1]?.cumulativeTarget).toBeNull();
    expect(partial[2]?.cumulativeTarget).toBe(100_000n);
  });
});
