import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "@/lib/csv-export";

describe("neutralizeCell", () => {
  it("neutralizes cells a spreadsheet would run as formulas", () => {
    for (const cell of ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  it("keeps numbers numeric, negative ones included, and leaves plain text alone", () => {
    expect(neutralizeCell("-1234.56")).toBe("-1234.56");
    expect(neutralizeCell("42")).toBe("42");
    expect(neutralizeCell("Acme Corp")).toBe("Acme Corp");
  });
});

describe("toCsv", () => {
  it("quotes per RFC 4180 and writes empty cells for null", () => {
    expect(
      toCsv(
        ["month", "note", "amount"],
        [
          ["2026-01", 'says "hi", twice', "-5.00"],
          ["2026-02", null, 12n],
        ],
      ),
    ).toBe('month,note,amount\r\n2026-01,"says ""hi"", twice",-5.00\r\n2026-02,,12\r\n');
  });
});
