import { describe, expect, it } from "vitest";
import { parseAmount, type TDecimalSeparator } from "@/lib/csv/amount";

const usd = (text: string, decimalSeparator: TDecimalSeparator = ".") =>
  parseAmount(text, { digits: 2, decimalSeparator, currency: "USD" });
const minor = (text: string, digits = 2, decimalSeparator: TDecimalSeparator = ".", currency = "USD") => {
  const result = parseAmount(text, { digits, decimalSeparator, currency });
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.reason}`);
  return result.minor;
};
const reason = (text: string, decimalSeparator: TDecimalSeparator = ".") => {
  const result = usd(text, decimalSeparator);
  return result.ok ? null : result.reason;
};

describe("parseAmount: rounding half away from zero to the currency's minor unit", () => {
  it("rounds four-decimal line amounts to cents, in both directions", () => {
    expect(usd("1.2349")).toEqual({ ok: true, minor: 123n, isRounded: true });
    expect(usd("1.2350")).toEqual({ ok: true, minor: 124n, isRounded: true });
    expect(usd("-1.2350")).toEqual({ ok: true, minor: -124n, isRounded: true });
    expect(usd("-1.235")).toEqual({ ok: true, minor: -124n, isRounded: true });
    expect(usd("-1.2349")).toEqual({ ok: true, minor: -123n, isRounded: true });
    expect(usd("0.005")).toEqual({ ok: true, minor: 1n, isRounded: true });
    expect(usd("-0.005")).toEqual({ ok: true, minor: -1n, isRounded: true });
    expect(usd("0.0049")).toEqual({ ok: true, minor: 0n, isRounded: true });
    expect(usd("19.9950")).toEqual({ ok: true, minor: 2000n, isRounded: true });
  });

  it("does not count trailing zeros as rounding", () => {
    expect(usd("1.2300")).toEqual({ ok: true, minor: 123n, isRounded: false });
    expect(usd("7")).toEqual({ ok: true, minor: 700n, isRounded: false });
  });

  it("rounds to whole yen and to Bahraini fils", () => {
    expect(minor("1500", 0, ".", "JPY")).toBe(1500n);
    expect(minor("1,500.5", 0, ".", "JPY")).toBe(1501n);
    expect(minor("-1500.5", 0, ".", "JPY")).toBe(-1501n);
    expect(minor("1499.49", 0, ".", "JPY")).toBe(1499n);
    expect(minor("1.2345", 3, ".", "BHD")).toBe(1235n);
  });

  it("rounds the written decimal, not a float near it", () => {
    // As doubles, 1.005 * 100 = 100.49999999999999 and 0.285 * 100 = 28.499999999999996.
    expect(minor("1.005")).toBe(101n);
    expect(minor("0.285")).toBe(29n);
    expect(minor("999999999999.995")).toBe(100000000000000n);
  });
});

describe("parseAmount: the shapes exports use", () => {
  it("reads thousands separators, signs, parentheses and currency marks", () => {
    expect(minor("1,234.56")).toBe(123456n);
    expect(minor("1,234,567.8")).toBe(123456780n);
    expect(minor("1 234.56")).toBe(123456n);
    expect(minor("1\u00a0234.56")).toBe(123456n);
    expect(minor("1'234.56")).toBe(123456n);
    expect(minor("(40.00)")).toBe(-4000n);
    expect(minor("($1,000.50)")).toBe(-100050n);
    expect(minor("-$12.00")).toBe(-1200n);
    expect(minor("$-12.00")).toBe(-1200n);
    expect(minor("\u221212.00")).toBe(-1200n);
    expect(minor("+5")).toBe(500n);
    expect(minor(".5")).toBe(50n);
    expect(minor("USD 12.5")).toBe(1250n);
    expect(minor("12.50 usd")).toBe(1250n);
    expect(minor(" 0 ")).toBe(0n);
  });

  it("reads European decimal commas when asked", () => {
    expect(minor("1.234,5678", 2, ",")).toBe(123457n);
    expect(minor("12,50", 2, ",")).toBe(1250n);
    expect(minor("-0,005", 2, ",")).toBe(-1n);
    expect(minor("1 234,56 €", 2, ",", "EUR")).toBe(123456n);
    expect(minor("(1.000,00)", 2, ",")).toBe(-100000n);
  });

  it("names what is wrong with a bad amount", () => {
    expect(reason("")).toBe("empty amount");
    expect(reason("   ")).toBe("empty amount");
    expect(reason("abc")).toBe('non-numeric amount "abc"');
    expect(reason("N/A")).toBe('non-numeric amount "N/A"');
    expect(reason("12,50")).toBe('non-numeric amount "12,50" (is the decimal separator a comma?)');
    expect(reason("1.234,56")).toBe('non-numeric amount "1.234,56" (is the decimal separator a comma?)');
    expect(reason("1.23", ",")).toBe('non-numeric amount "1.23"');
    expect(reason("12.50 EUR")).toBe('amount "12.50 EUR" is in EUR, not USD');
    expect(reason("12345678901234.00")).toBe(
      'amount "12345678901234.00" is too large: amounts are at most $1,000,000,000,000.00 (either sign)',
    );
    // Issue 10, finding 2: the one money bound, 10^14 minor units, either sign.
    expect(minor("1,000,000,000,000.00")).toBe(100000000000000n);
    expect(reason("1000000000000.01")).toBe(
      'amount "1000000000000.01" is too large: amounts are at most $1,000,000,000,000.00 (either sign)',
    );
    expect(reason("-1000000000000.01")).toBe(
      'amount "-1000000000000.01" is too large: amounts are at most $1,000,000,000,000.00 (either sign)',
    );
    expect(reason("999999999999.995")).toBeNull();
  });

  it("refuses malformed numbers rather than guessing", () => {
    for (const text of ["1,23.45", "1.2.3", "--5", "(-5)", "(5", "1e3", "12-", "$$5", "1,234,56", "5 5"]) {
      expect(usd(text).ok, text).toBe(false);
    }
  });
});
