import { describe, expect, it } from "vitest";
import {
  aggregateKpi,
  defaultAggregation,
  formatKpiValue,
  kpiDigits,
  kpiValueToInput,
  parseKpiValue,
  ragOf,
  worstKpi,
  worstRag,
} from "@/lib/kpi";

// Values are scaled: hundredths for COUNT, PERCENT and DAYS, minor units for CURRENCY.
const HIGHER = "HIGHER_IS_BETTER" as const;
const LOWER = "LOWER_IS_BETTER" as const;

describe("ragOf, higher is better (actual / target)", () => {
  it("is green from 100 %, amber from 90 %, red below, exactly at the edges", () => {
    expect(ragOf(10_000n, 10_000n, HIGHER)).toBe("GREEN"); // 100
    expect(ragOf(10_001n, 10_000n, HIGHER)).toBe("GREEN");
    expect(ragOf(9_999n, 10_000n, HIGHER)).toBe("AMBER"); // 99.99
    expect(ragOf(9_000n, 10_000n, HIGHER)).toBe("AMBER"); // 90
    expect(ragOf(8_999n, 10_000n, HIGHER)).toBe("RED"); // 89.99
    expect(ragOf(-5n, 10_000n, HIGHER)).toBe("RED");
  });

  it("decides edges that no float could: 2/3 against a 66.67 % band", () => {
    // 2 / 3 = 66.666…% is below 66.67 % (6,667 bp): amber, not green.
    expect(ragOf(200n, 300n, HIGHER, { greenAtBp: 6_667, amberAtBp: 5_000 })).toBe("AMBER");
    expect(ragOf(200n, 300n, HIGHER, { greenAtBp: 6_666, amberAtBp: 5_000 })).toBe("GREEN");
  });
});

describe("ragOf, lower is better (target / actual)", () => {
  it("rates target 10 and actual 11 (90.9 %) amber, 12 (83.3 %) red, at or below target green", () => {
    expect(ragOf(1_100n, 1_000n, LOWER)).toBe("AMBER");
    expect(ragOf(1_200n, 1_000n, LOWER)).toBe("RED");
    expect(ragOf(1_000n, 1_000n, LOWER)).toBe("GREEN");
    expect(ragOf(500n, 1_000n, LOWER)).toBe("GREEN");
  });

  it("is amber exactly at 90 % and red one hundredth beyond", () => {
    // 9 / 10 = 90 % exactly; 9 / 10.01 = 89.91 %.
    expect(ragOf(1_000n, 900n, LOWER)).toBe("AMBER");
    expect(ragOf(1_001n, 900n, LOWER)).toBe("RED");
  });
});

describe("ragOf, custom bands", () => {
  it("uses the KPI's own bands", () => {
    const bands = { greenAtBp: 9_500, amberAtBp: 8_000 };
    expect(ragOf(9_500n, 10_000n, HIGHER, bands)).toBe("GREEN");
    expect(ragOf(9_499n, 10_000n, HIGHER, bands)).toBe("AMBER");
    expect(ragOf(8_000n, 10_000n, HIGHER, bands)).toBe("AMBER");
    expect(ragOf(7_999n, 10_000n, HIGHER, bands)).toBe("RED");
    // Lower is better with a 95 % green band: 10 / 10.5 = 95.2 % green, 10 / 10.6 = 94.3 % amber.
    expect(ragOf(1_050n, 1_000n, LOWER, bands)).toBe("GREEN");
    expect(ragOf(1_060n, 1_000n, LOWER, bands)).toBe("AMBER");
  });

  it("supports a stretch target (green only above 100 %) and a single band (amber = green)", () => {
    expect(ragOf(10_500n, 10_000n, HIGHER, { greenAtBp: 11_000, amberAtBp: 10_000 })).toBe("AMBER");
    expect(ragOf(11_000n, 10_000n, HIGHER, { greenAtBp: 11_000, amberAtBp: 10_000 })).toBe("GREEN");
    expect(ragOf(9_999n, 10_000n, HIGHER, { greenAtBp: 10_000, amberAtBp: 10_000 })).toBe("RED");
  });
});

describe("ragOf, zero and negative bases", () => {
  it("higher is better with a zero or negative target: green when the actual reaches it", () => {
    expect(ragOf(0n, 0n, HIGHER)).toBe("GREEN");
    expect(ragOf(5n, 0n, HIGHER)).toBe("GREEN");
    expect(ragOf(-1n, 0n, HIGHER)).toBe("RED");
    // A net-loss target of −100: −50 beats it, −150 misses it.
    expect(ragOf(-5_000n, -10_000n, HIGHER)).toBe("GREEN");
    expect(ragOf(-10_000n, -10_000n, HIGHER)).toBe("GREEN");
    expect(ragOf(-15_000n, -10_000n, HIGHER)).toBe("RED");
  });

  it("lower is better with a zero or negative actual: green when the actual stays at or under the target", () => {
    expect(ragOf(0n, 500n, LOWER)).toBe("GREEN");
    expect(ragOf(0n, 0n, LOWER)).toBe("GREEN");
    expect(ragOf(-100n, 0n, LOWER)).toBe("GREEN");
    // Zero defects allowed, three found: 0 / 3 = 0 %.
    expect(ragOf(300n, 0n, LOWER)).toBe("RED");
    // Net churn target −2 %: −2.5 % is better, −1 % is worse, +1 % is worse still.
    expect(ragOf(-250n, -200n, LOWER)).toBe("GREEN");
    expect(ragOf(-200n, -200n, LOWER)).toBe("GREEN");
    expect(ragOf(-100n, -200n, LOWER)).toBe("RED");
    expect(ragOf(100n, -200n, LOWER)).toBe("RED");
  });

  it("rates nothing without an actual or a target", () => {
    expect(ragOf(null, 10_000n, HIGHER)).toBeNull();
    expect(ragOf(10_000n, null, HIGHER)).toBeNull();
    expect(ragOf(0n, null, LOWER)).toBeNull();
  });
});

describe("worstRag (a department's status)", () => {
  it("is red if any is red, amber if any is amber, green if all rated ones are, null if none is rated", () => {
    expect(worstRag(["GREEN", "AMBER", "RED", "GREEN"])).toBe("RED");
    expect(worstRag(["RED", "AMBER"])).toBe("RED");
    expect(worstRag(["GREEN", "AMBER", null])).toBe("AMBER");
    expect(worstRag([null, "GREEN", "GREEN"])).toBe("GREEN");
    expect(worstRag([null, null])).toBeNull();
    expect(worstRag([])).toBeNull();
  });
});

describe("aggregateKpi, the existing rules with an explicit aggregation", () => {
  it("adds up a SUM KPI (currency, counts), each target over the months that have one", () => {
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: 12_345n, targetScaled: 10_000n },
          { month: "2026-02", valueScaled: -50n, targetScaled: 10_000n },
        ],
        "CURRENCY",
        "SUM",
      ),
    ).toEqual({
      actual: 12_295n,
      target: 20_000n,
      ratedActual: 12_295n,
      months: 2,
      asOf: "2026-02",
    });
    // The third month has a value but no target: its value counts in the actual, no target is
    // invented for it, and the rating compares the two targeted months only (20 against 20).
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: 1_200n, targetScaled: 1_000n },
          { month: "2026-02", valueScaled: 800n, targetScaled: 1_000n },
          { month: "2026-03", valueScaled: 1_500n, targetScaled: null },
        ],
        "COUNT",
        "SUM",
      ),
    ).toEqual({ actual: 3_500n, target: 2_000n, ratedActual: 2_000n, months: 3, asOf: "2026-03" });
  });

  it("averages an AVERAGE KPI (percentages, days), rounding half away from zero at the hundredth", () => {
    // (12.50 + 13.00 + 13.01) / 3 = 12.8366… → 12.84; targets (12 + 12) / 2 against (12.50 + 13.00) / 2 = 12.75.
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: 1_250n, targetScaled: 1_200n },
          { month: "2026-02", valueScaled: 1_300n, targetScaled: 1_200n },
          { month: "2026-03", valueScaled: 1_301n, targetScaled: null },
        ],
        "PERCENT",
        "AVERAGE",
      ),
    ).toEqual({ actual: 1_284n, target: 1_200n, ratedActual: 1_275n, months: 3, asOf: "2026-03" });
    // (3.50 + 3.51) / 2 = 3.505 → 3.51; targets (3.00 + 3.01) / 2 = 3.005 → 3.01.
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: 350n, targetScaled: 300n },
          { month: "2026-02", valueScaled: 351n, targetScaled: 301n },
        ],
        "DAYS",
        "AVERAGE",
      ),
    ).toMatchObject({ actual: 351n, target: 301n, ratedActual: 351n });
    // (−1.25 − 1.26) / 2 = −1.255 → −1.26.
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: -125n, targetScaled: null },
          { month: "2026-02", valueScaled: -126n, targetScaled: null },
        ],
        "PERCENT",
        "AVERAGE",
      ),
    ).toEqual({
      actual: -126n,
      target: null,
      ratedActual: null,
      months: 2,
      asOf: "2026-02",
    });
  });

  it("does not rate a period green on months that had no target", () => {
    // Q1 of a count: Jan and Feb (closed before the KPI had a target) 10 each, Mar 8 against 10.
    const q1 = aggregateKpi(
      [
        { month: "2026-01", valueScaled: 1_000n, targetScaled: null },
        { month: "2026-02", valueScaled: 1_000n, targetScaled: null },
        { month: "2026-03", valueScaled: 800n, targetScaled: 1_000n },
      ],
      "COUNT",
      "SUM",
    );
    expect(q1).toEqual({ actual: 2_800n, target: 1_000n, ratedActual: 800n, months: 3, asOf: "2026-03" });
    expect(ragOf(q1.ratedActual, q1.target, HIGHER)).toBe("RED");
  });

  it("has no actual and no target without values, and no target when no month has one", () => {
    for (const aggregation of ["SUM", "AVERAGE", "LAST"] as const) {
      expect(aggregateKpi([], "COUNT", aggregation)).toEqual({
        actual: null,
        target: null,
        ratedActual: null,
        months: 0,
        asOf: null,
      });
      expect(aggregateKpi([{ month: "2026-05", valueScaled: 700n, targetScaled: null }], "COUNT", aggregation)).toEqual(
        { actual: 700n, target: null, ratedActual: null, months: 1, asOf: "2026-05" },
      );
    }
  });
});

/** A fiscal year of one KPI: month i (1-based) of 2026 with its value and target. */
const year = (values: bigint[], target: bigint | null) =>
  values.map((valueScaled, i) => ({
    month: `2026-${String(i + 1).padStart(2, "0")}` as const,
    valueScaled,
    targetScaled: target,
  }));

describe("aggregateKpi by aggregation, and the period's RAG from the aggregated figures", () => {
  it("SUM, higher is better: eight green months and four amber ones sum below green, so the year is amber", () => {
    // Contracts signed, target 100 a month: 8 × 100 (green) and 4 × 95 (95 %, amber) = 1,180 against 1,200: 98.3 %.
    const months = year(
      [10_000n, 9_500n, 10_000n, 10_000n, 9_500n, 10_000n, 10_000n, 9_500n, 10_000n, 10_000n, 9_500n, 10_000n],
      10_000n,
    );
    expect(months.map((m) => ragOf(m.valueScaled, m.targetScaled, HIGHER))).toEqual([
      "GREEN",
      "AMBER",
      "GREEN",
      "GREEN",
      "AMBER",
      "GREEN",
      "GREEN",
      "AMBER",
      "GREEN",
      "GREEN",
      "AMBER",
      "GREEN",
    ]);
    const fy = aggregateKpi(months, "COUNT", "SUM");
    expect(fy).toMatchObject({ actual: 118_000n, target: 120_000n, ratedActual: 118_000n, months: 12 });
    expect(ragOf(fy.ratedActual, fy.target, HIGHER)).toBe("AMBER");
    // Two red months (80) among green ones of 110 sum to 1,240 against 1,200: green for the year.
    const recovered = aggregateKpi(year([8_000n, 8_000n, ...Array<bigint>(10).fill(11_000n)], 10_000n), "COUNT", "SUM");
    expect(recovered).toMatchObject({ actual: 126_000n, target: 120_000n });
    expect(ragOf(recovered.ratedActual, recovered.target, HIGHER)).toBe("GREEN");
  });

  it("SUM, lower is better: credit notes over a quarter against the quarter's summed allowance", () => {
    // Target 10 a month; 10, 11, 12: 33 against 30 → 30 / 33 = 90.9 %, amber (Mar alone, 10 / 12 = 83 %, is red).
    const q = aggregateKpi(year([1_000n, 1_100n, 1_200n], 1_000n), "COUNT", "SUM");
    expect(q).toMatchObject({ actual: 3_300n, target: 3_000n });
    expect(ragOf(q.ratedActual, q.target, LOWER)).toBe("AMBER");
    expect(ragOf(1_200n, 1_000n, LOWER)).toBe("RED");
    // 10, 12, 13: 35 against 30 → 85.7 %, red.
    expect(ragOf(aggregateKpi(year([1_000n, 1_200n, 1_300n], 1_000n), "COUNT", "SUM").ratedActual, 3_000n, LOWER)).toBe(
      "RED",
    );
  });

  it("AVERAGE, lower is better: cost per lead is the mean of the months, never their sum", () => {
    // Target $150.00 a month; $140.00, $160.00, $205.00 → $505.00 / 3 = $168.333… → $168.33.
    const q = aggregateKpi(year([14_000n, 16_000n, 20_500n], 15_000n), "CURRENCY", "AVERAGE");
    expect(q).toEqual({ actual: 16_833n, target: 15_000n, ratedActual: 16_833n, months: 3, asOf: "2026-03" });
    // 150 / 168.33 = 89.1 %: red; its months were green, amber (93.75 %), red (73.2 %).
    expect(ragOf(q.ratedActual, q.target, LOWER)).toBe("RED");
    expect(year([14_000n, 16_000n, 20_500n], 15_000n).map((m) => ragOf(m.valueScaled, m.targetScaled, LOWER))).toEqual([
      "GREEN",
      "AMBER",
      "RED",
    ]);
  });

  it("AVERAGE, higher is better: a win rate over a quarter", () => {
    // Target 25 %; 24 %, 26 %, 22.5 % → 72.5 / 3 = 24.1666… → 24.17 %: 96.7 % of target, amber.
    const q = aggregateKpi(year([2_400n, 2_600n, 2_250n], 2_500n), "PERCENT", "AVERAGE");
    expect(q).toMatchObject({ actual: 2_417n, target: 2_500n });
    expect(ragOf(q.ratedActual, q.target, HIGHER)).toBe("AMBER");
  });

  it("AVERAGE rounds half away from zero at the unit's scale: cents, and whole counts", () => {
    // $1.00 and $1.01 → $1.005 → $1.01; −$1.00 and −$1.01 → −$1.01.
    expect(aggregateKpi(year([100n, 101n], null), "CURRENCY", "AVERAGE").actual).toBe(101n);
    expect(aggregateKpi(year([-100n, -101n], null), "CURRENCY", "AVERAGE").actual).toBe(-101n);
    // JPY has no minor unit: ¥5 and ¥6 → ¥5.5 → ¥6.
    expect(aggregateKpi(year([5n, 6n], null), "CURRENCY", "AVERAGE").actual).toBe(6n);
    // Counts: 10 and 11 → 10.5 → 11; 10, 10, 11 → 10.33 → 10; targets too: 10 and 11 → 11.
    expect(aggregateKpi(year([1_000n, 1_100n], null), "COUNT", "AVERAGE").actual).toBe(1_100n);
    expect(aggregateKpi(year([1_000n, 1_000n, 1_100n], null), "COUNT", "AVERAGE").actual).toBe(1_000n);
    expect(
      aggregateKpi(
        [
          { month: "2026-01", valueScaled: 1_000n, targetScaled: 1_000n },
          { month: "2026-02", valueScaled: 1_000n, targetScaled: 1_100n },
        ],
        "COUNT",
        "AVERAGE",
      ),
    ).toMatchObject({ actual: 1_000n, target: 1_100n });
  });

  it("LAST takes the latest month with a value, across gaps and whatever the order given", () => {
    // Open tickets, target 120 (lower is better): Jan 100, Feb 130, Mar not reported → Feb's 130.
    const q = aggregateKpi(
      [
        { month: "2026-02", valueScaled: 13_000n, targetScaled: 12_000n },
        { month: "2026-01", valueScaled: 10_000n, targetScaled: 12_000n },
      ],
      "COUNT",
      "LAST",
    );
    expect(q).toEqual({ actual: 13_000n, target: 12_000n, ratedActual: 13_000n, months: 2, asOf: "2026-02" });
    // 120 / 130 = 92.3 %: amber, though January was green.
    expect(ragOf(q.ratedActual, q.target, LOWER)).toBe("AMBER");
    // Headcount, target 50 (higher is better): 45, 48, 51 → 51, green, though January was red.
    const headcount = aggregateKpi(year([4_500n, 4_800n, 5_100n], 5_000n), "COUNT", "LAST");
    expect(headcount).toMatchObject({ actual: 5_100n, target: 5_000n });
    expect(ragOf(headcount.ratedActual, headcount.target, HIGHER)).toBe("GREEN");
  });

  it("LAST rates the latest month that has a target, and shows the latest value", () => {
    // Mar has a value but no target: shown as the period's figure, rated on Feb (130 against 120).
    const q = aggregateKpi(
      [
        { month: "2026-01", valueScaled: 10_000n, targetScaled: 12_000n },
        { month: "2026-02", valueScaled: 13_000n, targetScaled: 12_000n },
        { month: "2026-03", valueScaled: 9_000n, targetScaled: null },
      ],
      "COUNT",
      "LAST",
    );
    expect(q).toEqual({ actual: 9_000n, target: 12_000n, ratedActual: 13_000n, months: 3, asOf: "2026-03" });
  });

  it("the same months give three different figures by aggregation", () => {
    const months = year([1_000n, 4_000n, 2_000n], 2_000n);
    expect(
      [
        aggregateKpi(months, "COUNT", "SUM"),
        aggregateKpi(months, "COUNT", "AVERAGE"),
        aggregateKpi(months, "COUNT", "LAST"),
      ].map((a) => [a.actual, a.target]),
    ).toEqual([
      [7_000n, 6_000n],
      // (10 + 40 + 20) / 3 = 23.33 → 23, a whole count.
      [2_300n, 2_000n],
      [2_000n, 2_000n],
    ]);
  });
});

describe("worstKpi (the KPI the status tile names)", () => {
  const row = (
    name: string,
    actual: bigint | null,
    target: bigint | null,
    direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER",
  ) => ({ item: name, rag: ragOf(actual, target, direction), actual, target, direction });

  it("is the worst status, and among equals the furthest from its target in either direction", () => {
    const leads = row("Qualified leads", 8_500n, 10_000n, HIGHER); // 85 %: red
    const costPerLead = row("Cost per lead", 16_833n, 15_000n, LOWER); // 150 / 168.33 = 89.1 %: red
    const winRate = row("Win rate", 2_417n, 2_500n, HIGHER); // 96.7 %: amber
    const pipeline = row("Sourced pipeline", 12_000n, 10_000n, HIGHER); // green
    expect(worstKpi([pipeline, winRate, costPerLead])?.item).toBe("Cost per lead");
    expect(worstKpi([pipeline, costPerLead, leads, winRate])?.item).toBe("Qualified leads");
    expect(worstKpi([pipeline, winRate])?.item).toBe("Win rate");
    // Lower is better: 150 / 200 = 75 % is further than higher is better at 80 %.
    expect(worstKpi([row("Deals", 8_000n, 10_000n, HIGHER), row("Days to pay", 20_000n, 15_000n, LOWER)])?.item).toBe(
      "Days to pay",
    );
  });

  it("counts a miss on a zero or negative base as furthest, keeps the first on a tie, and is null when nothing is rated", () => {
    const defects = row("Defects", 300n, 0n, LOWER); // 0 allowed, 3 found: red, ratio 0
    const net = row("Net adds", -100n, 0n, HIGHER); // no ratio: red
    expect(worstKpi([row("Leads", 5_000n, 10_000n, HIGHER), net])?.item).toBe("Net adds");
    expect(worstKpi([row("Leads", 5_000n, 10_000n, HIGHER), defects])?.item).toBe("Defects");
    expect(worstKpi([row("A", 9_500n, 10_000n, HIGHER), row("B", 9_500n, 10_000n, HIGHER)])?.item).toBe("A");
    expect(worstKpi([row("Unrated", 9_500n, null, HIGHER), row("No values", null, 10_000n, HIGHER)])).toBeNull();
    expect(worstKpi([])).toBeNull();
  });
});

describe("defaultAggregation", () => {
  it("adds counts up, averages percentages and days, and leaves currency to the owner", () => {
    expect(defaultAggregation("COUNT")).toBe("SUM");
    expect(defaultAggregation("PERCENT")).toBe("AVERAGE");
    expect(defaultAggregation("DAYS")).toBe("AVERAGE");
    expect(defaultAggregation("CURRENCY")).toBeNull();
  });
});

describe("parseKpiValue", () => {
  it("parses currency in the organization's minor units, with refunds in parentheses", () => {
    expect(parseKpiValue("1,250", "CURRENCY", "USD")).toEqual({ ok: true, value: 125_000n });
    expect(parseKpiValue("(300)", "CURRENCY", "USD")).toEqual({ ok: true, value: -30_000n });
    expect(parseKpiValue("1,250", "CURRENCY", "JPY")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue("12.345", "CURRENCY", "USD")).toEqual({
      ok: false,
      reason: "Enter a number with at most 2 decimals.",
    });
    expect(parseKpiValue("12.5", "CURRENCY", "JPY")).toEqual({
      ok: false,
      reason: "Enter a number with at most 0 decimals.",
    });
    expect(parseKpiValue("1.005", "CURRENCY", "BHD")).toEqual({ ok: true, value: 1_005n });
  });

  it("parses percentages with or without the sign, negatives allowed", () => {
    expect(parseKpiValue("12.5%", "PERCENT", "USD")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue(" 12.5 ", "PERCENT", "USD")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue("-2.5%", "PERCENT", "USD")).toEqual({ ok: true, value: -250n });
    expect(parseKpiValue("12.505%", "PERCENT", "USD")).toEqual({
      ok: false,
      reason: "Enter a number with at most 2 decimals.",
    });
  });

  it("refuses negative counts and days, empty text and words", () => {
    expect(parseKpiValue("1,204", "COUNT", "USD")).toEqual({ ok: true, value: 120_400n });
    expect(parseKpiValue("3.5", "DAYS", "USD")).toEqual({ ok: true, value: 350n });
    expect(parseKpiValue("-1", "COUNT", "USD")).toEqual({ ok: false, reason: "Count cannot be negative." });
    expect(parseKpiValue("-0.5", "DAYS", "USD")).toEqual({ ok: false, reason: "Days cannot be negative." });
    expect(parseKpiValue("   ", "COUNT", "USD")).toEqual({ ok: false, reason: "Enter a value." });
    expect(parseKpiValue("%", "PERCENT", "USD")).toEqual({ ok: false, reason: "Enter a value." });
    expect(parseKpiValue("twelve", "DAYS", "USD")).toEqual({
      ok: false,
      reason: "Enter a number with at most 2 decimals.",
    });
  });

  it("takes counts as whole numbers only", () => {
    expect(parseKpiValue("12", "COUNT", "USD")).toEqual({ ok: true, value: 1_200n });
    expect(parseKpiValue("12.00", "COUNT", "USD")).toEqual({ ok: true, value: 1_200n });
    expect(parseKpiValue("12.5", "COUNT", "USD")).toEqual({
      ok: false,
      reason: "A count is a whole number: enter it without decimals.",
    });
    expect(parseKpiValue("0.01", "COUNT", "USD")).toEqual({
      ok: false,
      reason: "A count is a whole number: enter it without decimals.",
    });
    expect(parseKpiValue("twelve", "COUNT", "USD")).toEqual({
      ok: false,
      reason: "A count is a whole number: enter it without decimals.",
    });
  });
});

describe("formatKpiValue and kpiValueToInput", () => {
  it("formats each unit for display", () => {
    expect(formatKpiValue(null, "COUNT", "USD")).toBe("—");
    expect(formatKpiValue(1_250_000n, "CURRENCY", "USD")).toBe("$12,500.00");
    expect(formatKpiValue(1_250n, "CURRENCY", "JPY")).toBe("¥1,250");
    expect(formatKpiValue(1_250n, "PERCENT", "USD")).toBe("12.5%");
    expect(formatKpiValue(-250n, "PERCENT", "USD")).toBe("-2.5%");
    expect(formatKpiValue(120_400n, "COUNT", "USD")).toBe("1,204");
    // A count stored with decimals before counts were whole is shown whole.
    expect(formatKpiValue(3_616n, "COUNT", "USD")).toBe("36");
    expect(formatKpiValue(455_016n, "COUNT", "USD")).toBe("4,550");
    expect(formatKpiValue(350n, "DAYS", "USD")).toBe("3.5 days");
    expect(formatKpiValue(100n, "DAYS", "USD")).toBe("1 day");
    expect(formatKpiValue(0n, "DAYS", "USD")).toBe("0 days");
  });

  it("formats numbers in the reader's locale", () => {
    expect(formatKpiValue(1_250n, "PERCENT", "EUR", "de-DE")).toBe("12,5%");
    expect(formatKpiValue(120_400n, "COUNT", "EUR", "de-DE")).toBe("1.204");
  });

  it("gives a form field the exact value at the unit's scale, which parses back to itself", () => {
    expect(kpiValueToInput(1_250n, "PERCENT", "USD")).toBe("12.50");
    expect(kpiValueToInput(125_000n, "CURRENCY", "USD")).toBe("1250.00");
    expect(kpiValueToInput(1_250n, "CURRENCY", "JPY")).toBe("1250");
    expect(kpiValueToInput(-5n, "PERCENT", "USD")).toBe("-0.05");
    expect(kpiValueToInput(1_200n, "COUNT", "USD")).toBe("12");
    expect(kpiValueToInput(1_250n, "COUNT", "USD")).toBe("12.50");
    expect(kpiDigits("CURRENCY", "BHD")).toBe(3);
    expect(kpiDigits("DAYS", "JPY")).toBe(2);
    for (const [value, unit, currency] of [
      [-30_000n, "CURRENCY", "USD"],
      [1_005n, "CURRENCY", "BHD"],
      [350n, "DAYS", "USD"],
      [-250n, "PERCENT", "USD"],
      [120_400n, "COUNT", "USD"],
    ] as const) {
      expect(parseKpiValue(kpiValueToInput(value, unit, currency), unit, currency)).toEqual({ ok: true, value });
    }
  });
});
