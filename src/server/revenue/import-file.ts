import "server-only";
import type { TDateFormat } from "@/lib/csv/date";
import { validateRows, type TColumnMapping, type TRowsResult } from "@/lib/csv/rows";
import type { TRevenueImportInput } from "@/lib/csv/schema";
import { summariseRows } from "@/lib/csv/summary";
import type { TImportPreview } from "@/lib/csv/wire";
import type { MonthKey } from "@/lib/period";
import { assertColumnsInFile, chooseDateFormat, columnName, readCsvUpload } from "../imports/upload";

// Reads an uploaded revenue export into validated rows (the generic steps are in imports/upload.ts).

export type TImportOrganization = { currency: string; digits: number; timeZone: string };

/** How the batch was read, stored on it so an import can be explained later. */
export type TBatchMapping = {
  columns: Record<keyof TColumnMapping, string | null>;
  dateFormat: TDateFormat;
  decimalSeparator: string;
  delimiter: string;
};

/** What the preview shows (without the idempotency check), plus what the commit writes. */
export type TParsedImport = Omit<TImportPreview, "alreadyImported" | "duplicates"> & {
  mapping: TBatchMapping;
  rows: TRowsResult;
};

/** Hashes, decodes, parses and validates the file; rows in `closedMonths` are bad rows. */
export async function readRevenueImport(
  input: TRevenueImportInput,
  organization: TImportOrganization,
  closedMonths: ReadonlySet<MonthKey>,
): Promise<TParsedImport> {
  const { fileName, fileHash, table } = await readCsvUpload(input.file);
  const mapping: TColumnMapping = {
    date: input.dateColumn,
    amount: input.amountColumn,
    reference: input.referenceColumn,
    customer: input.customerColumn,
  };
  assertColumnsInFile(
    table,
    Object.entries(mapping).map(([name, column]) => [`${name}Column`, name, column]),
  );
  const { format: dateFormat, isDetected } = chooseDateFormat(table, mapping.date, input.dateFormat, "dateFormat");
  const rows = validateRows(
    table,
    { mapping, dateFormat, decimalSeparator: input.decimalSeparator, ...organization },
    closedMonths,
  );
  return {
    fileName,
    fileHash,
    header: table.header,
    delimiter: table.delimiter,
    dateFormat,
    isDateFormatDetected: isDetected,
    mapping: {
      columns: {
        date: columnName(table, mapping.date),
        amount: columnName(table, mapping.amount),
        reference: columnName(table, mapping.reference),
        customer: columnName(table, mapping.customer),
      },
      dateFormat,
      decimalSeparator: input.decimalSeparator,
      delimiter: table.delimiter,
    },
    rows,
    summary: summariseRows(rows),
  };
}
