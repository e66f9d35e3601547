import { describe, expect, it } from "vitest";
import { currencyDigits, divRound, formatMoney, minorToDecimalString, parseMoneyInput } from "@/lib/money";

describe("currencyDigits", () => {
  it("knows each currency's minor unit", () => {
    expect([currencyDigits("USD"), currencyDigits("JPY"), currencyDigits("BHD")]).toEqual([2, 0, 3]);
  });
});

describe("minorToDecimalString", () => {
  it("places the decimal point exactly, for any size", () => {
    expect(minorToDecimalString(123456n, 2)).toBe("1234.56");
    expect(minorToDecimalString(-5n, 2)).toBe("-0.05");
    expect(minorToDecimalString(7n, 0)).toBe("7");
    expect(minorToDecimalString(9007199254740993n, 2)).toBe("90071992547409.93");
  });
});

describe("formatMoney", () => {
  it("formats in the currency and locale", () => {
    expect(formatMoney(123456789n, "USD")).toBe("$1,234,567.89");
    expect(formatMoney(123456789n, "EUR", { locale: "de-DE" })).toBe("1.234.567,89\u00a0€");
    expect(formatMoney(1500n, "JPY")).toBe("¥1,500");
    expect(formatMoney(-4200n, "USD")).toBe("-$42.00");
  });

  it("keeps cents beyond a double's precision", () => {
    expect(formatMoney(9007199254740993n, "USD")).toBe("$90,071,992,547,409.93");
  });

  it("compacts large amounts for tiles", () => {
    expect(formatMoney(123456789n, "USD", { compact: true })).toBe("$1.2M");
    expect(formatMoney(98765400n, "USD", { compact: true })).toBe("$987.7K");
    // Whole amounts drop the decimal: $300K, not $300.0K.
    expect(formatMoney(30_000_000n, "USD", { compact: true })).toBe("$300K");
  });
});

describe("divRound", () => {
  it("rounds half away from zero", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(divRound(7n, -2n)).toBe(-4n);
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });
});

describe("parseMoneyInput", () => {
  it("parses exact amounts with separators, minus and parentheses", () => {
    expect(parseMoneyInput("1,234.56", 2)).toBe(123456n);
    expect(parseMoneyInput(" 12 ", 2)).toBe(1200n);
    expect(parseMoneyInput("-0.5", 2)).toBe(-50n);
    expect(parseMoneyInput("(40.00)", 2)).toBe(-4000n);
    expect(parseMoneyInput("1500", 0)).toBe(1500n);
  });

  it("refuses text, too many decimals and double signs", () => {
    expect(parseMoneyInput("12.345", 2)).toBeNull();
    expect(parseMoneyInput("abc", 2)).toBeNull();
    expect(parseMoneyInput("", 2)).toBeNull();
    expect(parseMoneyInput("(-5)", 2)).toBeNull();
    expect(parseMoneyInput("1.5", 0)).toBeNull();
  });
});
