import { stringify } from "csv-stringify/sync";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Prefixes formula-like text with an apostrophe; numbers (even negative ones) stay numbers. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export type TCsvCell = string | number | bigint | null;

/** RFC 4180 CSV with a header row; null becomes an empty cell. */
export function toCsv(header: string[], rows: TCsvCell[][]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null ? "" : typeof cell === "string" ? neutralizeCell(cell) : String(cell))),
  );
  return stringify([header.map(neutralizeCell), ...cells], { record_delimiter: "\r\n" });
}
