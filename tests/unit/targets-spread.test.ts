import { describe, expect, it } from "vitest";
import { EVEN_WEIGHTS_BP, percentToBasisPoints, spreadAnnual } from "@/lib/targets-spread";

describe("spreadAnnual", () => {
  it("spreads evenly and gives the remainder cent to the stated month", () => {
    // $1,000,000.01 = 100,000,001 cents; / 12 = 8,333,333 cents each, remainder 5 cents.
    const months = spreadAnnual(100_000_001n, EVEN_WEIGHTS_BP, 11);
    expect(months.slice(0, 11).every((m) => m === 8_333_333n)).toBe(true);
    expect(months[11]).toBe(8_333_338n);
    expect(months.reduce((a, b) => a + b, 0n)).toBe(100_000_001n);
  });

  it("sends the remainder to any chosen month", () => {
    const months = spreadAnnual(100n, EVEN_WEIGHTS_BP, 0);
    expect(months[0]).toBe(12n); // 8 × 12 = 96, remainder 4
    expect(months[5]).toBe(8n);
  });

  it("follows a percentage distribution that sums to exactly 100 %", () => {
    // 6 % × 4, 8 % × 4, 11 % × 4 = 24 + 32 + 44 = 100 %
    const weights = [600, 600, 600, 600, 800, 800, 800, 800, 1100, 1100, 1100, 1100];
    const months = spreadAnnual(1_234_567n, weights, 11);
    // 1,234,567 × 6 % = 74,074.02 → 74,074; × 8 % = 98,765.36 → 98,765; × 11 % = 135,802.37 → 135,802
    expect(months.slice(0, 4)).toEqual([74_074n, 74_074n, 74_074n, 74_074n]);
    expect(months.slice(4, 8)).toEqual([98_765n, 98_765n, 98_765n, 98_765n]);
    expect(months.slice(8, 11)).toEqual([135_802n, 135_802n, 135_802n]);
    // 4 × 74,074 + 4 × 98,765 + 4 × 135,802 = 1,234,564; remainder 3 → December
    expect(months[11]).toBe(135_805n);
    expect(months.reduce((a, b) => a + b, 0n)).toBe(1_234_567n);
  });

  it("refuses impossible inputs", () => {
    expect(() => spreadAnnual(100n, [1, 2], 0)).toThrow(RangeError);
    expect(() => spreadAnnual(100n, EVEN_WEIGHTS_BP, 12)).toThrow(RangeError);
    expect(() => spreadAnnual(-1n, EVEN_WEIGHTS_BP, 0)).toThrow(RangeError);
    expect(() => spreadAnnual(100n, Array(12).fill(0), 0)).toThrow(RangeError);
  });
});

describe("percentToBasisPoints", () => {
  it("reads up to two decimals exactly", () => {
    expect(percentToBasisPoints("8.33")).toBe(833);
    expect(percentToBasisPoints("8.3")).toBe(830);
    expect(percentToBasisPoints("12")).toBe(1200);
    expect(percentToBasisPoints("8.333")).toBeNull();
    expect(percentToBasisPoints("-1")).toBeNull();
    expect(percentToBasisPoints("abc")).toBeNull();
  });
});
