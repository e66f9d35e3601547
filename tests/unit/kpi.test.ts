import { describe, expect, it } from "vitest";
import { aggregateKpi, formatKpiValue, kpiDigits, kpiValueToInput, parseKpiValue, ragOf, worstRag } from "@/lib/kpi";

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

describe("aggregateKpi", () => {
  it("adds up currency and counts, each target over the months that have one", () => {
    expect(aggregateKpi([{ valueScaled: 12_345n, targetScaled: 10_000n }, { valueScaled: -50n, targetScaled: 10_000n }], "CURRENCY")).toEqual({ actual: 12_295n, target: 20_000n, ratedActual: 12_295n, months: 2 });
    // The third month has a value but no target: its value counts in the actual, no target is
    // invented for it, and the rating compares the two targeted months only (2,000 against 2,000).
    expect(
      aggregateKpi(
        [
          { valueScaled: 1_200n, targetScaled: 1_000n },
          { valueScaled: 800n, targetScaled: 1_000n },
          { valueScaled: 1_500n, targetScaled: null },
        ],
        "COUNT",
      ),
    ).toEqual({ actual: 3_500n, target: 2_000n, ratedActual: 2_000n, months: 3 });
  });

  it("averages percentages and days, rounding half away from zero", () => {
    // (12.50 + 13.00 + 13.01) / 3 = 12.8366… → 12.84; targets (12 + 12) / 2 against (12.50 + 13.00) / 2 = 12.75.
    expect(aggregateKpi([{ valueScaled: 1_250n, targetScaled: 1_200n }, { valueScaled: 1_300n, targetScaled: 1_200n }, { valueScaled: 1_301n, targetScaled: null }], "PERCENT")).toEqual({
      actual: 1_284n,
      target: 1_200n,
      ratedActual: 1_275n,
      months: 3,
    });
    // (3.50 + 3.51) / 2 = 3.505 → 3.51; targets (3.00 + 3.01) / 2 = 3.005 → 3.01.
    expect(aggregateKpi([{ valueScaled: 350n, targetScaled: 300n }, { valueScaled: 351n, targetScaled: 301n }], "DAYS")).toEqual({ actual: 351n, target: 301n, ratedActual: 351n, months: 2 });
    // (−1.25 − 1.26) / 2 = −1.255 → −1.26.
    expect(aggregateKpi([{ valueScaled: -125n, targetScaled: null }, { valueScaled: -126n, targetScaled: null }], "PERCENT")).toEqual({ actual: -126n, target: null, ratedActual: null, months: 2 });
  });

  it("does not rate a period green on months that had no target", () => {
    // Q1 of a count: Jan and Feb (closed before the KPI had a target) 10 each, Mar 8 against 10.
    const q1 = aggregateKpi(
      [
        { valueScaled: 1_000n, targetScaled: null },
        { valueScaled: 1_000n, targetScaled: null },
        { valueScaled: 800n, targetScaled: 1_000n },
      ],
      "COUNT",
    );
    expect(q1).toEqual({ actual: 2_800n, target: 1_000n, ratedActual: 800n, months: 3 });
    expect(ragOf(q1.ratedActual, q1.target, HIGHER)).toBe("RED");
  });

  it("has no actual and no target without values, and no target when no month has one", () => {
    expect(aggregateKpi([], "COUNT")).toEqual({ actual: null, target: null, ratedActual: null, months: 0 });
    expect(aggregateKpi([{ valueScaled: 700n, targetScaled: null }], "COUNT")).toEqual({ actual: 700n, target: null, ratedActual: null, months: 1 });
  });
});

describe("parseKpiValue", () => {
  it("parses currency in the organization's minor units, with refunds in parentheses", () => {
    expect(parseKpiValue("1,250", "CURRENCY", "USD")).toEqual({ ok: true, value: 125_000n });
    expect(parseKpiValue("(300)", "CURRENCY", "USD")).toEqual({ ok: true, value: -30_000n });
    expect(parseKpiValue("1,250", "CURRENCY", "JPY")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue("12.345", "CURRENCY", "USD")).toEqual({ ok: false, reason: "Enter a number with at most 2 decimals." });
    expect(parseKpiValue("12.5", "CURRENCY", "JPY")).toEqual({ ok: false, reason: "Enter a number with at most 0 decimals." });
    expect(parseKpiValue("1.005", "CURRENCY", "BHD")).toEqual({ ok: true, value: 1_005n });
  });

  it("parses percentages with or without the sign, negatives allowed", () => {
    expect(parseKpiValue("12.5%", "PERCENT", "USD")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue(" 12.5 ", "PERCENT", "USD")).toEqual({ ok: true, value: 1_250n });
    expect(parseKpiValue("-2.5%", "PERCENT", "USD")).toEqual({ ok: true, value: -250n });
    expect(parseKpiValue("12.505%", "PERCENT", "USD")).toEqual({ ok: false, reason: "Enter a number with at most 2 decimals." });
  });

  it("refuses negative counts and days, empty text and words", () => {
    expect(parseKpiValue("1,204", "COUNT", "USD")).toEqual({ ok: true, value: 120_400n });
    expect(parseKpiValue("3.5", "DAYS", "USD")).toEqual({ ok: true, value: 350n });
    expect(parseKpiValue("-1", "COUNT", "USD")).toEqual({ ok: false, reason: "Count cannot be negative." });
    expect(parseKpiValue("-0.5", "DAYS", "USD")).toEqual({ ok: false, reason: "Days cannot be negative." });
    expect(parseKpiValue("   ", "COUNT", "USD")).toEqual({ ok: false, reason: "Enter a value." });
    expect(parseKpiValue("%", "PERCENT", "USD")).toEqual({ ok: false, reason: "Enter a value." });
    expect(parseKpiValue("twelve", "COUNT", "USD")).toEqual({ ok: false, reason: "Enter a number with at most 2 decimals." });
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
    expect(kpiDigits("CURRENCY", "BHD")).toBe(3);
    expect(kpiDigits("DAYS", "JPY")).toBe(2);
    for (const [value, unit, currency] of [[-30_000n, "CURRENCY", "USD"], [1_005n, "CURRENCY", "BHD"], [350n, "DAYS", "USD"], [-250n, "PERCENT", "USD"]] as const) {
      expect(parseKpiValue(kpiValueToInput(value, unit, currency), unit, currency)).toEqual({ ok: true, value });
    }
  });
});
