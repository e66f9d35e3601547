import { monthLabel, type MonthKey } from "../period";
import { parseAmount, type TDecimalSeparator } from "./amount";
import { createDateParser, type TDateFormat } from "./date";
import type { TCsvTable } from "./table";

// One row of a revenue export becomes either an entry to import or a bad row with its line and
// every reason it cannot be imported, so the user can fix the file in one pass.

export type TColumnMapping = { date: number; amount: number; reference: number | null; customer: number | null };

export type TRowOptions = {
  mapping: TColumnMapping;
  dateFormat: TDateFormat;
  decimalSeparator: TDecimalSeparator;
  currency: string;
  digits: number;
  timeZone: string;
};

export type TImportRow = {
  line: number;
  occurredAt: Date;
  month: MonthKey;
  amountMinor: bigint;
  isRounded: boolean;
  reference: string | null;
  customer: string | null;
};

export type TBadRow = { line: number; reason: string };
export type TRowsResult = { accepted: TImportRow[]; bad: TBadRow[] };

/** Longer references are not identifiers but a wrongly mapped column. */
export const MAX_TEXT_LENGTH = 200;

function readText(cells: string[], column: number | null, name: string, reasons: string[]): string | null {
  if (column === null) return null;
  // PostgreSQL text cannot hold NUL, and in an export it is never meaningful.
  const text = (cells[column] ?? "").replace(/\u0000/g, "").trim();
  if (text.length > MAX_TEXT_LENGTH) reasons.push(`${name} longer than ${MAX_TEXT_LENGTH} characters`);
  return text || null;
}

/** Validates every data row of `table`; rows in `closedMonths` are bad rows too. */
export function validateRows(
  table: TCsvTable,
  options: TRowOptions,
  closedMonths: ReadonlySet<MonthKey> = new Set(),
): TRowsResult {
  const { mapping } = options;
  const readDate = createDateParser(options.dateFormat, options.timeZone);
  const amountOptions = {
    digits: options.digits,
    decimalSeparator: options.decimalSeparator,
    currency: options.currency,
  };
  const malformed = new Set(table.malformedLines);
  const accepted: TImportRow[] = [];
  const bad: TBadRow[] = [];
  for (const { line, cells } of table.rows) {
    const reasons: string[] = malformed.has(line) ? ["malformed CSV quoting"] : [];
    const date = readDate(cells[mapping.date] ?? "");
    const amount = parseAmount(cells[mapping.amount] ?? "", amountOptions);
    if (!date.ok) reasons.push(date.reason);
    else if (closedMonths.has(date.month)) reasons.push(`${monthLabel(date.month)} is closed`);
    if (!amount.ok) reasons.push(amount.reason);
    const reference = readText(cells, mapping.reference, "reference", reasons);
    const customer = readText(cells, mapping.customer, "customer", reasons);
    if (reasons.length || !date.ok || !amount.ok) {
      bad.push({ line, reason: reasons.join("; ") });
      continue;
    }
    accepted.push({
      line,
      occurredAt: date.instant,
      month: date.month,
      amountMinor: amount.minor,
      isRounded: amount.isRounded,
      reference,
      customer,
    });
  }
  return { accepted, bad };
}
