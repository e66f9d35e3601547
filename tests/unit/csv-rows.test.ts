import { describe, expect, it } from "vitest";
import { validateRows, type TRowOptions } from "@/lib/csv/rows";
import { describeBadRows, summariseRows } from "@/lib/csv/summary";
import { decodeCsvBytes, detectDelimiter, parseCsvTable, type TCsvTable } from "@/lib/csv/table";

function table(text: string): TCsvTable {
  const result = parseCsvTable(text);
  if (!result.ok) throw new Error(result.reason);
  return result.table;
}

const ORDERS = [
  "\uFEFForder_id,order_date,customer,line_total",
  'A-1,04/03/2026,Acme,"1,234.5678"',
  "A-2,25/03/2026,Beta,-20.005",
  "",
  "A-3,31/02/2026,Gamma,10.00",
  'A-4,01/04/2026,"Delta, Inc.",',
  "A-5,02/04/2026,Echo,abc",
  "A-6,15/04/2026,Foxtrot,0.10",
  "",
].join("\r\n");

const OPTIONS: TRowOptions = {
  mapping: { date: 1, amount: 3, reference: 0, customer: 2 },
  dateFormat: "DAY_FIRST",
  decimalSeparator: ".",
  currency: "USD",
  digits: 2,
  timeZone: "America/New_York",
};

describe("parseCsvTable", () => {
  it("numbers rows as a spreadsheet does, header = line 1, blank lines counted but dropped", () => {
    const t = table(ORDERS);
    expect(t.header).toEqual(["order_id", "order_date", "customer", "line_total"]);
    expect(t.delimiter).toBe(",");
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(t.rows[3]?.cells).toEqual(["A-4", "01/04/2026", "Delta, Inc.", ""]);
  });

  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("Datum;Betrag;Kunde\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a,b"\tc\td\n')).toBe("\t");
    expect(detectDelimiter("amount\n1")).toBe(",");
  });

  it("reads Windows-1252 files and semicolon-separated decimal-comma exports", () => {
    const bytes = Uint8Array.from([
      ...Buffer.from("Datum;Betrag;Kunde\r\n2026-01-15;1.234,50;M"),
      0xfc,
      ...Buffer.from("ller\r\n"),
    ]);
    const t = table(decodeCsvBytes(bytes));
    expect(t.delimiter).toBe(";");
    const { accepted } = validateRows(t, {
      ...OPTIONS,
      mapping: { date: 0, amount: 1, reference: null, customer: 2 },
      decimalSeparator: ",",
      currency: "EUR",
      timeZone: "Europe/Berlin",
    });
    expect(accepted).toEqual([
      {
        line: 2,
        occurredAt: new Date("2026-01-14T23:00:00.000Z"),
        month: "2026-01",
        amountMinor: 123450n,
        isRounded: false,
        reference: null,
        customer: "Müller",
      },
    ]);
  });

  it("refuses a file without a header or without rows", () => {
    expect(parseCsvTable("")).toEqual({
      ok: false,
      reason: "The file has no header row: its first line must name the columns.",
    });
    expect(parseCsvTable("date,amount\n\n")).toEqual({ ok: false, reason: "The file has no rows below its header." });
  });

  it("marks a row with an unterminated quote as malformed", () => {
    const { bad } = validateRows(table('date,amount\n2026-01-01,5\n2026-01-02,"6\n'), {
      ...OPTIONS,
      mapping: { date: 0, amount: 1, reference: null, customer: null },
      dateFormat: "ISO",
    });
    expect(bad).toEqual([{ line: 3, reason: "malformed CSV quoting" }]);
  });
});

describe("validateRows and summariseRows", () => {
  it("accepts good rows, names every bad row by line and reason, and sums per month", () => {
    const result = validateRows(table(ORDERS), OPTIONS);
    expect(result.bad).toEqual([
      { line: 5, reason: 'unparseable date "31/02/2026"' },
      { line: 6, reason: "empty amount" },
      { line: 7, reason: 'non-numeric amount "abc"' },
    ]);
    expect(result.accepted[0]).toEqual({
      line: 2,
      occurredAt: new Date("2026-03-04T05:00:00.000Z"),
      month: "2026-03",
      amountMinor: 123457n,
      isRounded: true,
      reference: "A-1",
      customer: "Acme",
    });
    // March: 1,234.5678 → 1,234.57 and -20.005 → -20.01; April: 0.10.
    expect(summariseRows(result)).toEqual({
      dataRowCount: 6,
      acceptedCount: 3,
      totalMinor: 121466n,
      roundedCount: 2,
      months: [
        { month: "2026-03", rowCount: 2, totalMinor: 121456n },
        { month: "2026-04", rowCount: 1, totalMinor: 10n },
      ],
      badRowCount: 3,
      badRows: result.bad,
    });
  });

  it("refuses rows dated in a closed month, with every reason of the row", () => {
    const result = validateRows(table(ORDERS), OPTIONS, new Set(["2026-04" as const]));
    expect(result.bad).toEqual([
      { line: 5, reason: 'unparseable date "31/02/2026"' },
      { line: 6, reason: "Apr 2026 is closed; empty amount" },
      { line: 7, reason: 'Apr 2026 is closed; non-numeric amount "abc"' },
      { line: 8, reason: "Apr 2026 is closed" },
    ]);
    expect(summariseRows(result).totalMinor).toBe(121456n);
  });

  it("treats a short row's missing cells as empty, and unmapped columns as absent", () => {
    const result = validateRows(table(`order_date,line_total,ref\n2026-01-05\n2026-01-06,5,R-${"x".repeat(200)}`), {
      ...OPTIONS,
      mapping: { date: 0, amount: 1, reference: 2, customer: null },
      dateFormat: "ISO",
    });
    expect(result.bad).toEqual([
      { line: 2, reason: "empty amount" },
      { line: 3, reason: "reference longer than 200 characters" },
    ]);
  });

  it("describes bad rows briefly for messages", () => {
    const bad = [1, 2, 3, 4, 5].map((n) => ({ line: n + 1, reason: "empty amount" }));
    expect(describeBadRows(bad)).toBe("line 2: empty amount; line 3: empty amount; line 4: empty amount and 2 more");
  });
});
