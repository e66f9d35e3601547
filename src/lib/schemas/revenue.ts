import { z } from "zod";
import { isMonthKey, type MonthKey } from "../period";
import { ZCellToken, ZSubmissionId } from "./concurrency";

export const ZFiscalYear = z.coerce.number({ error: "Choose a fiscal year." }).int().min(1990).max(2200);
export const ZMonthKey = z.string().refine(isMonthKey, "Choose a month.").transform((m) => m as MonthKey);

/** Amounts stay text here: the server parses them with the organization's currency digits. */
const ZAmountText = z.string().trim().max(40, "That amount is too long.");

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
  percentages: z.array(z.string().trim().max(10)).length(12).optional(),
  remainderMonth: z.coerce.number().int().min(0, "Choose the month that takes the remainder.").max(11, "Choose the month that takes the remainder."),
});

export const ZAddRevenueEntryInput = z.object({
  date: z.iso.date({ error: "Enter the date as YYYY-MM-DD." }),
  amount: ZAmountText.min(1, "Enter the amount."),
  reference: z.string().trim().max(120, "References are at most 120 characters.").optional().transform((v) => v || null),
  customer: z.string().trim().max(120, "Customer names are at most 120 characters.").optional().transform((v) => v || null),
  submissionId: ZSubmissionId,
});

export const ZEntryIdInput = z.object({ entryId: z.string().trim().min(1).max(64) });
export const ZMonthInput = z.object({ month: ZMonthKey });
