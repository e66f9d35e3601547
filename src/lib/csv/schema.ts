import { z } from "zod";
import { DECIMAL_SEPARATORS } from "./amount";
import { DATE_FORMATS } from "./date";

// The import request as the wizard sends it (multipart form fields, so everything arrives as text)
// and as tests call it. Column choices are indexes into the header, so duplicate column names work.

/** 100,000 order lines are about 10 MB; five times that leaves room for wide exports. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_COLUMNS = 500;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

// A blank choice must fail as "choose", not be coerced to column 0.
const ZColumn = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: `Choose the ${label} column.` }).int(`Choose the ${label} column.`).min(0, `Choose the ${label} column.`).max(MAX_COLUMNS - 1),
  );

const ZOptionalColumn = (label: string) => z.preprocess(blankToUndefined, ZColumn(label).optional()).transform((v) => v ?? null);

const ZFlag = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const ZRevenueImportInput = z
  .object({
    file: z
      .file({ error: "Choose a CSV file." })
      .min(1, "The file is empty.")
      .max(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`),
    dateColumn: ZColumn("date"),
    amountColumn: ZColumn("amount"),
    referenceColumn: ZOptionalColumn("reference"),
    customerColumn: ZOptionalColumn("customer"),
    dateFormat: z.preprocess(blankToUndefined, z.enum(DATE_FORMATS, { error: "Choose how the dates are written." }).optional()),
    decimalSeparator: z.preprocess(blankToUndefined, z.enum(DECIMAL_SEPARATORS, { error: "Choose the decimal separator." }).default(".")),
    /** The user's explicit choice to import the good rows and record the bad ones as skipped. */
    skipBadRows: ZFlag,
  })
  .superRefine((input, ctx) => {
    const chosen = [
      ["dateColumn", input.dateColumn],
      ["amountColumn", input.amountColumn],
      ["referenceColumn", input.referenceColumn],
      ["customerColumn", input.customerColumn],
    ] as const;
    const seen = new Map<number, string>();
    for (const [field, column] of chosen) {
      if (column === null) continue;
      const other = seen.get(column);
      if (other) ctx.addIssue({ code: "custom", path: [field], message: `This column is already mapped as the ${other}.` });
      else seen.set(column, field.replace("Column", ""));
    }
  });

export type TRevenueImportInput = z.output<typeof ZRevenueImportInput>;

export const ZUndoImportInput = z.object({ batchId: z.string({ error: "Choose a batch." }).trim().min(1, "Choose a batch.").max(64) });
