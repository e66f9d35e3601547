import { describe, expect, it } from "vitest";
import { guessColumns, guessDecimalSeparator } from "@/lib/csv/guess";
import { ZRevenueImportInput } from "@/lib/csv/schema";

const file = new File(["date,amount\n2026-01-01,1"], "a.csv");

describe("ZRevenueImportInput", () => {
  it("reads the wizard's form fields", () => {
    const parsed = ZRevenueImportInput.parse({
      file,
      dateColumn: "0",
      amountColumn: "1",
      referenceColumn: "",
      customerColumn: "",
      dateFormat: "",
      decimalSeparator: ",",
      skipBadRows: "true",
    });
    expect(parsed).toMatchObject({
      dateColumn: 0,
      amountColumn: 1,
      referenceColumn: null,
      customerColumn: null,
      dateFormat: undefined,
      decimalSeparator: ",",
      skipBadRows: true,
    });
    expect(ZRevenueImportInput.parse({ file, dateColumn: 0, amountColumn: 1 })).toMatchObject({
      decimalSeparator: ".",
      skipBadRows: false,
    });
  });

  it("names the field of every mistake", () => {
    const errors = (input: object) =>
      ZRevenueImportInput.safeParse({ file, dateColumn: "0", amountColumn: "1", ...input }).error?.issues.map((i) => [
        i.path.join("."),
        i.message,
      ]);
    expect(errors({ dateColumn: "" })).toEqual([["dateColumn", "Choose the date column."]]);
    expect(errors({ amountColumn: "0" })).toEqual([["amountColumn", "This column is already mapped as the date."]]);
    expect(errors({ dateFormat: "YMD" })).toEqual([["dateFormat", "Choose how the dates are written."]]);
    expect(errors({ decimalSeparator: ";" })).toEqual([["decimalSeparator", "Choose the decimal separator."]]);
    expect(errors({ file: "not a file" })).toEqual([["file", "Choose a CSV file."]]);
    expect(errors({ file: new File([], "empty.csv") })).toEqual([["file", "The file is empty."]]);
  });
});

describe("guesses for the mapping screen", () => {
  it("prefers the line total over the unit price and the order date over other dates", () => {
    const header = [
      "order_id",
      "order_date",
      "ship_date",
      "customer",
      "sku",
      "qty",
      "unit_price",
      "line_total",
      "currency",
    ];
    expect(guessColumns(header)).toEqual({ date: 1, amount: 7, reference: 0, customer: 3 });
    expect(guessColumns(["Datum", "Betrag", "Kunde", "Rechnung"])).toEqual({
      date: 0,
      amount: 1,
      reference: null,
      customer: 2,
    });
    expect(guessColumns(["a", "b"])).toEqual({ date: null, amount: null, reference: null, customer: null });
  });

  it("guesses a decimal comma only when no amount contradicts it", () => {
    expect(guessDecimalSeparator(["1.234,50", "12,5", "-3,00"])).toBe(",");
    expect(guessDecimalSeparator(["1,234.50", "12,50"])).toBe(".");
    expect(guessDecimalSeparator(["1.2345", "100"])).toBe(".");
    expect(guessDecimalSeparator(["100", "1,234"])).toBe(".");
  });
});
