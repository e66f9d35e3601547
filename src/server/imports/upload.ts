import "server-only";
import { createHash } from "node:crypto";
import { detectDateFormat, type TDateFormat } from "@/lib/csv/date";
import { decodeCsvBytes, parseCsvTable, type TCsvTable } from "@/lib/csv/table";
import { AppError } from "../errors";

// The first steps of every CSV import: the uploaded bytes hashed (the hash is the file's identity
// for idempotency), decoded and parsed; the chosen columns checked against the file. Pure apart from
// hashing: the preview and the commit both run it on the same bytes, so what was previewed is what
// gets written.

export type TCsvUpload = { fileName: string; fileHash: string; table: TCsvTable };

/** [form field, what the column is, chosen index] */
export type TChosenColumn = [field: string, label: string, column: number | null];

export const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", message, { [field]: [message] });

/** The name the browser sent, without any path, bounded, and never empty. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return base.slice(0, 200) || "import.csv";
}

export async function readCsvUpload(file: File): Promise<TCsvUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const parsed = parseCsvTable(decodeCsvBytes(bytes));
  if (!parsed.ok) throw fieldError("file", parsed.reason);
  return { fileName: cleanFileName(file.name), fileHash, table: parsed.table };
}

/** Refuses a column index past the file's last column, naming the field. */
export function assertColumnsInFile(table: TCsvTable, chosen: TChosenColumn[]): void {
  const count = table.header.length;
  for (const [field, label, column] of chosen) {
    if (column !== null && column >= count)
      throw fieldError(
        field,
        `The file has ${count} column${count === 1 ? "" : "s"}; choose one of them as the ${label} column.`,
      );
  }
}

/** A column's header as stored on the batch, so an import can be explained later. */
export const columnName = (table: TCsvTable, column: number | null) =>
  column === null ? null : table.header[column] || `column ${column + 1}`;

/** The user's date format, else the one every row of the column agrees on; ambiguity is the user's to settle. */
export function chooseDateFormat(
  table: TCsvTable,
  column: number,
  chosen: TDateFormat | undefined,
  field: string,
): { format: TDateFormat; isDetected: boolean } {
  if (chosen) return { format: chosen, isDetected: false };
  const detected = detectDateFormat(table.rows.map((r) => r.cells[column] ?? ""));
  if (detected.format) return { format: detected.format, isDetected: true };
  const example = detected.ambiguousExample
    ? `Dates like "${detected.ambiguousExample}" can be read day-first or month-first`
    : "The dates mix day-first and month-first";
  throw fieldError(field, `${example}: choose how the dates are written.`);
}
