import "server-only";
import { createHash } from "node:crypto";
import { detectDateFormat, type TDateFormat } from "@/lib/csv/date";
import { validateRows, type TColumnMapping, type TRowsResult } from "@/lib/csv/rows";
import type { TRevenueImportInput } from "@/lib/csv/schema";
import { summariseRows } from "@/lib/csv/summary";
import type { TImportPreview } from "@/lib/csv/wire";
import { decodeCsvBytes, parseCsvTable, type TCsvTable } from "@/lib/csv/table";
import type { MonthKey } from "@/lib/period";
import { AppError } from "../errors";

// Reads an uploaded revenue export into validated rows. Pure apart from hashing: the preview and
// the commit both run it on the same bytes, so what the user previewed is what gets written.

export type TImportOrganization = { currency: string; digits: number; timeZone: string };

/** How the batch was read, stored on it so an import can be explained later. */
export type TBatchMapping = {
  columns: Record<keyof TColumnMapping, string | null>;
  dateFormat: TDateFormat;
  decimalSeparator: string;
  delimiter: string;
};

/** What the preview shows (without the idempotency check), plus what the commit writes. */
export type TParsedImport = Omit<TImportPreview, "alreadyImported"> & { mapping: TBatchMapping; rows: TRowsResult };

const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/** The name the browser sent, without any path, bounded, and never empty. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return base.slice(0, 200) || "import.csv";
}

function toMapping(table: TCsvTable, input: TRevenueImportInput): TColumnMapping {
  const count = table.header.length;
  const columns = { date: input.dateColumn, amount: input.amountColumn, reference: input.referenceColumn, customer: input.customerColumn };
  for (const [name, column] of Object.entries(columns)) {
    if (column !== null && column >= count) throw invalid(`${name}Column`, `The file has ${count} column${count === 1 ? "" : "s"}; choose one of them as the ${name} column.`);
  }
  return columns;
}

function chooseDateFormat(table: TCsvTable, column: number, chosen: TDateFormat | undefined): { format: TDateFormat; isDetected: boolean } {
  if (chosen) return { format: chosen, isDetected: false };
  const detected = detectDateFormat(table.rows.map((r) => r.cells[column] ?? ""));
  if (detected.format) return { format: detected.format, isDetected: true };
  const example = detected.ambiguousExample ? `Dates like "${detected.ambiguousExample}" can be read day-first or month-first` : "The dates mix day-first and month-first";
  throw invalid("dateFormat", `${example}: choose how the dates are written.`);
}

/** Hashes, decodes, parses and validates the file; rows in `closedMonths` are bad rows. */
export async function readRevenueImport(input: TRevenueImportInput, organization: TImportOrganization, closedMonths: ReadonlySet<MonthKey>): Promise<TParsedImport> {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const parsed = parseCsvTable(decodeCsvBytes(bytes));
  if (!parsed.ok) throw invalid("file", parsed.reason);
  const { table } = parsed;
  const mapping = toMapping(table, input);
  const { format: dateFormat, isDetected } = chooseDateFormat(table, mapping.date, input.dateFormat);
  const rows = validateRows(table, { mapping, dateFormat, decimalSeparator: input.decimalSeparator, ...organization }, closedMonths);
  const columnName = (column: number | null) => (column === null ? null : table.header[column] || `column ${column + 1}`);
  return {
    fileName: cleanFileName(input.file.name),
    fileHash,
    header: table.header,
    delimiter: table.delimiter,
    dateFormat,
    isDateFormatDetected: isDetected,
    mapping: {
      columns: { date: columnName(mapping.date), amount: columnName(mapping.amount), reference: columnName(mapping.reference), customer: columnName(mapping.customer) },
      dateFormat,
      decimalSeparator: input.decimalSeparator,
      delimiter: table.delimiter,
    },
    rows,
    summary: summariseRows(rows),
  };
}
