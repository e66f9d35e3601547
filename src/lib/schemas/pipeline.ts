import { z } from "zod";
import { zText, zMultilineText } from "./text";
import { ZSupportedDate } from "./revenue";
import { ZSubmissionId, ZVersion } from "./concurrency";

// Inputs of issue 5's actions. Amounts stay text (parsed with the currency's digits on the server);
// probabilities are percentages typed by people ("70", "72.5") and become basis points here.

const ZId = (what: string) =>
  zText({ error: `Choose ${what}.` })
    .trim()
    .min(1, `Choose ${what}.`)
    .max(64, `Choose ${what}.`);
const ZOptionalId = zText()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || null);

export const ZPercentBp = zText()
  .trim()
  // "70", "72.5", "70%" and "70 %" (the app writes percentages with a space before the sign).
  .regex(/^\d{1,3}(\.\d{1,2})?\s*%?$/, "Enter a percentage from 0 to 100, like 70 or 72.5.")
  .transform((v) => Math.round(Number(v.replace(/\s*%$/, "")) * 100))
  .refine((bp) => bp <= 10_000, "Enter a percentage from 0 to 100.");

export const FORECAST_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"] as const;

const ZOpportunityFields = z.object({
  name: zText({ error: "Name the deal." })
    .trim()
    .min(2, "Name the deal.")
    .max(160, "Deal names are at most 160 characters."),
  account: zText({ error: "Name the account." })
    .trim()
    .min(1, "Name the account.")
    .max(160, "Account names are at most 160 characters."),
  amount: zText({ error: "Enter the amount." }).trim().min(1, "Enter the amount.").max(40, "That amount is too long."),
  stageId: ZId("a stage"),
  /** Empty: the stage's default probability. */
  probability: z
    .union([ZPercentBp, z.literal("").transform(() => null)], {
      error: "Enter a percentage from 0 to 100, like 70 or 72.5.",
    })
    .optional()
    .transform((v) => v ?? null),
  /** Empty: derived from the stage (closed won → CLOSED, closed lost → OMITTED, Commit → COMMIT, else PIPELINE). */
  forecastCategory: z
    .union([z.enum(FORECAST_CATEGORIES), z.literal("").transform(() => null)], { error: "Choose a forecast category." })
    .optional()
    .transform((v) => v ?? null),
  expectedCloseDate: ZSupportedDate("Enter the expected close date as YYYY-MM-DD."),
  ownerId: ZId("an owner"),
  sourceDepartmentId: ZOptionalId,
  externalId: zText()
    .trim()
    .max(120, "External ids are at most 120 characters.")
    .optional()
    .transform((v) => v || null),
});

/** Why a deal was lost or slipped, and which department answers for it. */
const ZCauseFields = z.object({ lossCauseId: ZOptionalId, responsibleDepartmentId: ZOptionalId });

export const ZCreateOpportunityInput = ZOpportunityFields.extend({ submissionId: ZSubmissionId });
/** Inline edits send only the fields they change, with the version of the deal they were shown. */
export const ZUpdateOpportunityInput = ZOpportunityFields.partial()
  .extend({ opportunityId: ZId("a deal"), version: ZVersion })
  .merge(ZCauseFields);

export const ZDisputeCauseInput = z.object({
  causeId: ZId("a cause"),
  reason: zMultilineText({ error: "Say why." })
    .trim()
    .min(3, "Say why the department is not responsible.")
    .max(1000, "The reason is at most 1000 characters."),
});
export const ZSettleCauseInput = z.object({
  causeId: ZId("a cause"),
  decision: z.enum(["UPHELD", "OVERTURNED"], { error: "Choose uphold or overturn." }),
  reason: zMultilineText({ error: "Say why." })
    .trim()
    .min(3, "Say why.")
    .max(1000, "The reason is at most 1000 characters."),
});

export const ZStageFields = z.object({
  name: zText({ error: "Name the stage." })
    .trim()
    .min(2, "Name the stage.")
    .max(60, "Stage names are at most 60 characters."),
  probability: ZPercentBp,
  outcome: z.enum(["OPEN", "WON", "LOST"], { error: "Choose whether the stage is open, won or lost." }),
});
export const ZCreateStageInput = ZStageFields;
export const ZUpdateStageInput = ZStageFields.extend({ stageId: ZId("a stage") });
export const ZStageIdInput = z.object({ stageId: ZId("a stage") });

export const ZLossCauseInput = z.object({
  name: zText({ error: "Name the cause." })
    .trim()
    .min(2, "Name the cause.")
    .max(80, "Cause names are at most 80 characters."),
});
export const ZRenameLossCauseInput = ZLossCauseInput.extend({ lossCauseId: ZId("a cause") });
export const ZLossCauseIdInput = z.object({ lossCauseId: ZId("a cause") });

export const ZHeadlineForecastInput = z.object({
  headlineForecast: z.enum(["WEIGHTED", "COMMIT", "BEST_CASE"], { error: "Choose the headline forecast." }),
});
