import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDateFormat } from "@/lib/csv/date";
import { guessColumns } from "@/lib/csv/guess";
import { rowKeys } from "@/lib/csv/row-key";
import { validateRows } from "@/lib/csv/rows";
import { summariseRows } from "@/lib/csv/summary";
import { decodeCsvBytes, parseCsvTable } from "@/lib/csv/table";

// The duplicate journey's fixtures (e2e/fixtures/make-retail-orders.py, expectations in Python
// Decimal): the app must read the same sums, and the re-saved copy must have exactly the original's keys.
const dir = path.resolve(import.meta.dirname, "../../e2e/fixtures");
type TSummary = { rows: number; totalMinor: number; months: { month: string; rows: number; totalMinor: number }[] };
const expected = JSON.parse(readFileSync(path.join(dir, "retail-orders.expected.json"), "utf8")) as {
  columns: Record<string, string>;
  original: TSummary;
  resaved: TSummary;
  corrected: TSummary & { alreadyImported: number };
};
const ZONE = "Europe/Berlin";

function read(name: string) {
  const parsed = parseCsvTable(decodeCsvBytes(readFileSync(path.join(dir, name))));
  if (!parsed.ok) throw new Error(parsed.reason);
  const { table } = parsed;
  const guess = guessColumns(table.header);
  expect(Object.fromEntries(Object.entries(guess).map(([k, i]) => [k, i === null ? null : table.header[i]]))).toEqual(
    expected.columns,
  );
  if (guess.date === null || guess.amount === null) throw new Error("columns not guessed");
  const date = guess.date;
  expect(detectDateFormat(table.rows.map((r) => r.cells[date] ?? ""))).toMatchObject({ format: "MONTH_FIRST" });
  const rows = validateRows(table, {
    mapping: { date, amount: guess.amount, reference: guess.reference, customer: guess.customer },
    dateFormat: "MONTH_FIRST",
    decimalSeparator: ".",
    currency: "USD",
    digits: 2,
    timeZone: ZONE,
  });
  expect(rows.bad).toEqual([]);
  const summary = summariseRows(rows);
  return {
    keys: rowKeys(rows.accepted, ZONE).map((k) => `${k.date}|${k.amountMinor}|${k.reference}|${k.occurrence}`),
    summary: {
      rows: summary.acceptedCount,
      totalMinor: Number(summary.totalMinor),
      months: summary.months.map((m) => ({ month: m.month, rows: m.rowCount, totalMinor: Number(m.totalMinor) })),
    },
  };
}

describe("the retail order export fixtures", () => {
  const original = read("retail-orders.csv");
  const resaved = read("retail-orders-resaved.csv");
  const corrected = read("retail-orders-corrected.csv");

  it("sum as computed independently", () => {
    const strip = ({ rows, totalMinor, months }: TSummary) => ({ rows, totalMinor, months });
    expect(original.summary).toEqual(strip(expected.original));
    expect(resaved.summary).toEqual(strip(expected.resaved));
    expect(corrected.summary).toEqual(strip(expected.corrected));
  });

  it("the re-saved copy (BOM, CRLF, quoted, reordered, extra column) has the original's keys row by row; the five twin lines are occurrences 1 and 2", () => {
    expect(resaved.keys).toEqual(original.keys);
    expect(new Set(original.keys).size).toBe(original.keys.length);
    expect(original.keys.filter((k) => k.endsWith("|2"))).toHaveLength(5);
  });

  it("the corrected copy shares all but its four changed lines with the original", () => {
    const before = new Set(original.keys);
    expect(corrected.keys.filter((k) => before.has(k))).toHaveLength(expected.corrected.alreadyImported);
  });
});
