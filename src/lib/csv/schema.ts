import { z } from "zod";
import { zText } from "../schemas/text";
import { DECIMAL_SEPARATORS } from "./amount";
import { DATE_FORMATS } from "./date";

// Import requests as the wizards send them (multipart form fields, so everything arrives as text)
// and as tests call them. Column choices are indexes into the header, so duplicate column names work.

import { importLimitMessage, MAX_IMPORT_BYTES } from "../upload-limits";

export { MAX_IMPORT_BYTES };
const MAX_COLUMNS = 500;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZImportFile = z
  .file({ error: "Choose a CSV file." })
  .min(1, "The file is empty.")
  .max(MAX_IMPORT_BYTES, importLimitMessage());

// A blank choice must fail as "choose", not be coerced to column 0.
export const ZColumn = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Choose the ${label} column.` })
      .int(`Choose the ${label} column.`)
      .min(0, `Choose the ${label} column.`)
      .max(MAX_COLUMNS - 1),
  );

export const ZOptionalColumn = (label: string) =>
  z.preprocess(blankToUndefined, ZColumn(label).optional()).transform((v) => v ?? null);

/** How a date (or month) column is written; blank means "detect it". */
export const ZDateFormatChoice = (message: string) =>
  z.preprocess(blankToUndefined, z.enum(DATE_FORMATS, { error: message }).optional());

/** The user's explicit choice to import the good rows and record the bad ones as skipped. */
export const ZSkipBadRows = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

/**
 * A superRefine that adds one issue per column chosen twice, on the later field. `labels` maps each
 * column field to what it is ("date"), in form order.
 */
export function distinctColumns(labels: Record<string, string>) {
  return (input: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const seen = new Map<number, string>();
    for (const [field, label] of Object.entries(labels)) {
      const column = input[field];
      if (typeof column !== "number") continue;
      const other = seen.get(column);
      if (other)
        ctx.addIssue({ code: "custom", path: [field], message: `This column is already mapped as the ${other}.` });
      else seen.set(column, label);
    }
  };
}

export const ZRevenueImportInput = z
  .object({
    file: ZImportFile,
    dateColumn: ZColumn("date"),
    amountColumn: ZColumn("amount"),
    referenceColumn: ZOptionalColumn("reference"),
    customerColumn: ZOptionalColumn("customer"),
    dateFormat: ZDateFormatChoice("Choose how the dates are written."),
    decimalSeparator: z.preprocess(
      blankToUndefined,
      z.enum(DECIMAL_SEPARATORS, { error: "Choose the decimal separator." }).default("."),
    ),
    skipBadRows: ZSkipBadRows,
    /** Rows the organization already has (by content) are skipped unless the user says "import". */
    duplicates: z.preprocess(
      blankToUndefined,
      z.enum(["skip", "import"], { error: "Choose whether to skip the rows already imported." }).default("skip"),
    ),
    /** A corrected file replaces this earlier batch in the same commit. */
    replaceBatchId: z
      .preprocess(blankToUndefined, zText({ error: "Choose the batch to replace." }).trim().min(1).max(64).optional())
      .transform((v) => v ?? null),
  })
  .superRefine(
    distinctColumns({
      dateColumn: "date",
      amountColumn: "amount",
      referenceColumn: "reference",
      customerColumn: "customer",
    }),
  );

export type TRevenueImportInput = z.output<typeof ZRevenueImportInput>;

export const ZUndoImportInput = z.object({
  batchId: zText({ error: "Choose a batch." }).trim().min(1, "Choose a batch.").max(64),
});
