import { z } from "zod";
import { zText } from "./text";
import { DATE_RANGE_MESSAGE, isSupportedMonthKey, isSupportedYear, MAX_YEAR, MIN_YEAR } from "../date-range";
import { isMonthKey, type MonthKey } from "../period";
import { ZCellToken, ZSubmissionId } from "./concurrency";

export const ZFiscalYear = z.coerce
  .number({ error: "Choose a fiscal year." })
  .int("Choose a fiscal year.")
  .min(MIN_YEAR, DATE_RANGE_MESSAGE)
  .max(MAX_YEAR, DATE_RANGE_MESSAGE);
export const ZMonthKey = z
  .string({ error: "Choose a month." })
  .refine(isMonthKey, { message: "Choose a month.", abort: true })
  .refine(isSupportedMonthKey, DATE_RANGE_MESSAGE)
  .transform((m) => m as MonthKey);

/** A form's date: "YYYY-MM-DD", a real day, within the supported years (lib/date-range.ts). */
export const ZSupportedDate = (format: string) =>
  // The range message only for a real date outside it: a malformed one gets the format message alone.
  z.iso
    .date({ error: format })
    .refine((v) => !/^\d{4}-/.test(v) || isSupportedYear(Number(v.slice(0, 4))), DATE_RANGE_MESSAGE);

/** Amounts stay text here: the server parses them with the organization's currency digits. */
const ZAmountText = zText().trim().max(40, "That amount is too long.");

export const ZSetMonthlyTargetsInput = z.object({
  fiscalYear: ZFiscalYear,
  /** Month → amount text; an empty text removes that month's target. */
  targets: z.record(ZMonthKey, ZAmountText),
  /**
   * Month → the version token the grid loaded (ZCellToken): the grid sends only the months the user
   * changed, each checked against it. Absent: unchecked (a caller with no loaded copy).
   */
  versions: z.record(ZMonthKey, ZCellToken).optional(),
});

export const ZSpreadAnnualTargetInput = z.object({
  fiscalYear: ZFiscalYear,
  annual: ZAmountText.min(1, "Enter the annual target."),
  distribution: z.enum(["even", "percentages"], { error: "Choose how to spread the target." }),
  /** 12 percentages, first fiscal month first; required for "percentages". */
  percentages: z.array(zText().trim().max(10)).length(12).optional(),
  remainderMonth: z.coerce
    .number()
    .int()
    .min(0, "Choose the month that takes the remainder.")
    .max(11, "Choose the month that takes the remainder."),
});

export const ZAddRevenueEntryInput = z.object({
  date: ZSupportedDate("Enter the date as YYYY-MM-DD."),
  amount: ZAmountText.min(1, "Enter the amount."),
  reference: zText()
    .trim()
    .max(120, "References are at most 120 characters.")
    .optional()
    .transform((v) => v || null),
  customer: zText()
    .trim()
    .max(120, "Customer names are at most 120 characters.")
    .optional()
    .transform((v) => v || null),
  submissionId: ZSubmissionId,
});

export const ZEntryIdInput = z.object({ entryId: zText().trim().min(1).max(64) });
export const ZMonthInput = z.object({ month: ZMonthKey });
/** Closing a month; `confirmOpenItems`: the closer saw the open items of its checklist and closes over them. */
export const ZCloseMonthInput = z.object({
  month: ZMonthKey,
  confirmOpenItems: z
    .union([z.boolean(), z.enum(["on", "true"]).transform(() => true)])
    .optional()
    .transform((v) => v === true),
});
