import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDateFormat } from "@/lib/csv/date";
import { guessColumns, guessDecimalSeparator } from "@/lib/csv/guess";
import { validateRows } from "@/lib/csv/rows";
import { summariseRows } from "@/lib/csv/summary";
import { decodeCsvBytes, parseCsvTable } from "@/lib/csv/table";

// The e2e fixture's expectations were computed independently (Python Decimal); the parser must agree.
const dir = path.resolve(import.meta.dirname, "../../e2e/fixtures");
type TExpected = {
  acceptedRows: number;
  roundedRows: number;
  totalMinor: number;
  dataRows: number;
  badRows: unknown[];
  months: { month: string; rows: number; totalMinor: number }[];
};
const expected = JSON.parse(readFileSync(path.join(dir, "orders-export.expected.json"), "utf8")) as {
  columns: Record<string, string>;
  withBadRows: TExpected;
  fixed: TExpected;
};

function importFixture(name: string) {
  const parsed = parseCsvTable(decodeCsvBytes(readFileSync(path.join(dir, name))));
  if (!parsed.ok) throw new Error(parsed.reason);
  const { table } = parsed;
  const guess = guessColumns(table.header);
  expect(Object.fromEntries(Object.entries(guess).map(([k, i]) => [k, i === null ? null : table.header[i]]))).toEqual(
    expected.columns,
  );
  const { date, amount } = guess;
  if (date === null || amount === null) throw new Error("columns not guessed");
  expect(detectDateFormat(table.rows.map((r) => r.cells[date] ?? ""))).toMatchObject({ format: "DAY_FIRST" });
  expect(guessDecimalSeparator(table.rows.map((r) => r.cells[amount] ?? ""))).toBe(".");
  const mapping = { date, amount, reference: guess.reference, customer: guess.customer };
  return summariseRows(
    validateRows(table, {
      mapping,
      dateFormat: "DAY_FIRST",
      decimalSeparator: ".",
      currency: "USD",
      digits: 2,
      timeZone: "America/New_York",
    }),
  );
}

function asExpected(summary: ReturnType<typeof summariseRows>): TExpected {
  return {
    dataRows: summary.dataRowCount,
    badRows: summary.badRows,
    acceptedRows: summary.acceptedCount,
    roundedRows: summary.roundedCount,
    totalMinor: Number(summary.totalMinor),
    months: summary.months.map((m) => ({ month: m.month, rows: m.rowCount, totalMinor: Number(m.totalMinor) })),
  };
}

describe("the e2e order export fixture", () => {
  it("names its three bad rows and sums the rest as computed independently", () => {
    const { file: _file, ...want } = expected.withBadRows as TExpected & { file: string };
    expect(asExpected(importFixture("orders-export.csv"))).toEqual(want);
  });

  it("imports every row of the fixed file with the expected monthly totals", () => {
    const { file: _file, ...want } = expected.fixed as TExpected & { file: string };
    expect(asExpected(importFixture("orders-export-fixed.csv"))).toEqual(want);
  });
});
