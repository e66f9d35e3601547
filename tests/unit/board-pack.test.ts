import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  axisTicks,
  boardPackFilename,
  bridgeAxisFloor,
  headlineTiles,
  pdfText,
  type TTilesInput,
  unclosedMonths,
} from "@/lib/board-pack";
import { summarizeRange, type TMonthFigures } from "@/lib/metrics";
import { parsePeriod, resolvePeriod, type TLocalDate } from "@/lib/period-selection";
import type { TDashboard } from "@/server/dashboard/dashboard";
import { HeadlineTiles } from "@/app/o/[slug]/_components/headline-tiles";

// The board pack prints the dashboard's tiles through the same mapping the dashboard renders
// (headlineTiles), so for one range both show the same figures. Calendar FY2026 in USD, D = 3 May 2026.
const TODAY: TLocalDate = { year: 2026, month: 5, day: 3 };
const fig = (month: string, target: bigint, actual: bigint): TMonthFigures => ({
  month: month as TMonthFigures["month"],
  targetMinor: target,
  actualMinor: actual,
});
// $100,000 of target a month; actuals Jan $90,000, Feb $95,000, Mar $86,500, Apr $88,500, May so far $25,000.
const FIGURES = [
  fig("2026-01", 10_000_000n, 9_000_000n),
  fig("2026-02", 10_000_000n, 9_500_000n),
  fig("2026-03", 10_000_000n, 8_650_000n),
  fig("2026-04", 10_000_000n, 8_850_000n),
  fig("2026-05", 10_000_000n, 2_500_000n),
];

function dashboardOf(param: string): TTilesInput {
  const resolved = resolvePeriod(parsePeriod(param, TODAY, 1), TODAY, 1);
  const inRange = (months: string[]) => FIGURES.filter((f) => months.includes(f.month));
  const current = FIGURES.find((f) => f.month === resolved.inProgress?.month);
  return {
    organization: { currency: "USD" },
    resolved,
    today: TODAY,
    range: summarizeRange(inRange(resolved.months)),
    toDate: summarizeRange(inRange(resolved.toDateMonths)),
    monthInProgress:
      resolved.inProgress && current
        ? { ...resolved.inProgress, targetMinor: current.targetMinor, actualMinor: current.actualMinor }
        : null,
    annualTarget: 120_000_000n,
    // Actual Jan–Apr 36,000,00 + May so far 2,500,000 = 38,500,000; 120,000,000 − that.
    stillToBook: 81_500_000n,
    forecast: 108_000_000n,
    forecastKind: "RUN_RATE",
    requiredRunRate: 10_187_500n,
    outlook: "AT_RISK",
  };
}

describe("headlineTiles", () => {
  it("reads a quarter that has ended whole: target, actual, gap and attainment, then the year", () => {
    // Q1: target 30,000,000; actual 9,000,000 + 9,500,000 + 8,650,000 = 27,150,000; gap 2,850,000 (9.5 %).
    const tiles = headlineTiles(dashboardOf("q-2026-1"), "en-US");
    expect(tiles.map((t) => [t.label, t.value, t.exact, t.detail])).toEqual([
      ["Target · Q1 FY2026", "$300K", "$300,000.00", undefined],
      ["Actual · Q1 FY2026", "$271.5K", "$271,500.00", undefined],
      ["Gap", "$28.5K", "$28,500.00", "9.5% of target"],
      ["Attainment", "90.5%", undefined, undefined],
      ["Forecast FY2026", "$1.1M", "$1,080,000.00", "Run rate of completed months, as of Mar 2026"],
      ["Required per month", "$101.9K", "$101,875.00", "For the rest of FY2026, as of Mar 2026"],
      ["Outlook FY2026", "At risk", undefined, undefined],
    ]);
  });

  it("reads a year in progress to date, with the month in progress on its own", () => {
    // To date (Jan–Apr): target 40,000,000, actual 36,000,000: 4,000,000 behind, 90.0 % of plan.
    const tiles = headlineTiles(dashboardOf("fy-2026"), "en-US");
    expect(tiles.slice(0, 4).map((t) => [t.label, t.value, t.exact, t.detail])).toEqual([
      ["Behind plan to date", "$40K", "$40,000.00", "through April · 90.0% of plan"],
      ["Actual to date", "$360K", "$360,000.00", "against $400K plan through April"],
      ["May so far", "$25K", "$25,000.00", "of $100K target · day 3 of 31"],
      ["Still to book FY2026", "$815K", "$815,000.00", "of $1.2M annual target"],
    ]);
    expect(tiles.at(-1)).toMatchObject({ testId: "tile-outlook", value: "At risk", outlook: "AT_RISK" });
  });

  it("formats in the reader's locale", () => {
    const [target] = headlineTiles(dashboardOf("q-2026-1"), "de-DE");
    expect(target?.exact).toBe("300.000,00\u00A0$");
  });

  it("is what the dashboard's tiles render, value for value", () => {
    const data = dashboardOf("fy-2026");
    const html = renderToStaticMarkup(
      createElement(HeadlineTiles, { data: data as unknown as TDashboard, locale: "en-US" }),
    );
    for (const tile of headlineTiles(data, "en-US")) {
      expect(html).toContain(`data-testid="${tile.testId}"`);
      expect(html).toContain(tile.label);
      expect(html).toContain(tile.value);
      if (tile.detail) expect(html).toContain(tile.detail.replace(/&/g, "&amp;"));
    }
  });
});

describe("pdfText", () => {
  it("keeps signs and spaces Helvetica cannot draw", () => {
    expect(pdfText("\u2212$1,234.56")).toBe("-$1,234.56");
    // French groups thousands with a narrow no-break space.
    expect(pdfText("1\u202F234,56\u00A0€")).toBe("1\u00A0234,56\u00A0€");
    expect(pdfText("On track at \u2265 95 %")).toBe("On track at >= 95 %");
    expect(pdfText("“Why” – what next — • done")).toBe("“Why” – what next — • done");
  });

  it("writes the currency code for a sign the font lacks, and keeps the ones it has", () => {
    expect(pdfText("₹1,234.00")).toBe("INR\u00A01,234.00");
    expect(pdfText("1.234,00\u00A0₺")).toBe("1.234,00\u00A0TRY");
    expect(pdfText("-$5.00 · €3 · £2 · ¥7")).toBe("-$5.00 · €3 · £2 · ¥7");
    expect(pdfText("￥1,000")).toBe("¥1,000");
    expect(pdfText("₠5")).toBe("¤\u00A05");
  });
});

describe("the pack's small rules", () => {
  it("names the file after the organization and the period", () => {
    const resolved = resolvePeriod(parsePeriod("q-2026-2", TODAY, 1), TODAY, 1);
    expect(boardPackFilename("acme", resolved)).toBe("acme-board-pack-q-2026-2.pdf");
  });

  it("lists the range's months that are not closed", () => {
    expect(unclosedMonths(["2026-04", "2026-05", "2026-06"], new Set(["2026-04"]))).toEqual(["2026-05", "2026-06"]);
    expect(unclosedMonths(["2026-01"], new Set(["2026-01"]))).toEqual([]);
  });

  it("puts round ticks from zero past the largest value", () => {
    expect(axisTicks(0, 9_000_000, 4)).toEqual([0, 2_500_000, 5_000_000, 7_500_000, 10_000_000]);
    expect(axisTicks(-1_000, 3_000, 4)).toEqual([-1_000, 0, 1_000, 2_000, 3_000]);
    expect(axisTicks(0, 0)).toEqual([0]);
  });

  it("starts the bridge axis above zero only when the steps would be slivers", () => {
    // Totals 1,000,000 and 950,000: 950,000 − max(half the span 25,000, a twentieth 47,500) = 902,500, down to 50,000s.
    expect(bridgeAxisFloor([1_000_000, 950_000], [1_000_000, 970_000, 950_000])).toBe(900_000);
    // Steps as large as the totals: from zero.
    expect(bridgeAxisFloor([100, 40], [100, 40])).toBe(0);
  });
});
