import { z } from "zod";
import { zText, zMultilineText } from "./text";
import { ZCellToken, ZSubmissionId, ZVersion } from "./concurrency";
import { ZMonthKey, ZSupportedDate } from "./revenue";

// Inputs of issue 4's actions: contributions, KPIs, commitments, narratives, categories. Amounts
// and KPI values stay text here; the server parses them with the organization's currency digits
// or the KPI's unit (lib/kpi.ts) and names the field when they do not parse.

const ZId = (what: string) =>
  zText({ error: `Choose ${what}.` })
    .trim()
    .min(1, `Choose ${what}.`)
    .max(64, `Choose ${what}.`);
const ZAmountText = (what: string) =>
  zText({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(40, `${what[0]?.toUpperCase()}${what.slice(1)} is too long.`);
const ZOptionalText = (max: number, what: string) =>
  zMultilineText()
    .trim()
    .max(max, `${what} is at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);

export const ZDepartmentId = ZId("a department");

const ZEvidenceUrl = zText()
  .trim()
  .max(500, "The evidence link is at most 500 characters.")
  .optional()
  .transform((v) => v || null)
  .refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    "The evidence link must start with http:// or https://.",
  );

const ZContributionFields = z.object({
  month: ZMonthKey,
  categoryId: ZId("a category"),
  amount: ZAmountText("the amount"),
  description: zMultilineText({ error: "Describe the impact." })
    .trim()
    .min(3, "Describe the impact in a few words.")
    .max(1000, "The description is at most 1000 characters."),
  evidenceUrl: ZEvidenceUrl,
  /**
   * A deal this contribution explains (optional): counted in the bridge, it replaces the deal's
   * derived cause. Empty or absent: no deal (undefined, so existing callers' outputs are unchanged).
   */
  opportunityId: zText()
    .trim()
    .max(64, "Choose a deal.")
    .optional()
    .transform((v) => v || undefined),
});

const ZEffect = z.enum(["ADDED", "COST"], { error: "Choose whether it added or cost revenue." }).optional();
type TEffectFields = { amount: string; effect?: "ADDED" | "COST" };

/**
 * The form asks whether the department added or cost revenue and takes the amount without a sign;
 * the effect signs it here, so nobody types a minus by hand. Without `effect` (other callers) the
 * amount keeps its own sign, as before.
 */
function checkEffect(v: TEffectFields, ctx: z.RefinementCtx) {
  if (v.effect && /^[+\-\u2212]/.test(v.amount))
    ctx.addIssue({
      code: "custom",
      path: ["amount"],
      message: "Enter the amount without a sign: the effect says whether it added or cost revenue.",
    });
}
function signByEffect<T extends TEffectFields>({ effect, ...v }: T): Omit<T, "effect"> {
  return effect === "COST" ? { ...v, amount: `-${v.amount}` } : v;
}

export const ZLogContributionInput = ZContributionFields.extend({
  departmentId: ZDepartmentId,
  submissionId: ZSubmissionId,
  effect: ZEffect,
})
  .superRefine(checkEffect)
  .transform(signByEffect);
export const ZReviseContributionInput = ZContributionFields.extend({
  contributionId: ZId("a contribution"),
  version: ZVersion,
  effect: ZEffect,
})
  .superRefine(checkEffect)
  .transform(signByEffect);
export const ZContributionIdInput = z.object({ contributionId: ZId("a contribution") });
export const ZReviewContributionInput = z
  .object({
    contributionId: ZId("a contribution"),
    decision: z.enum(["CONFIRMED", "DISPUTED"], { error: "Choose confirm or dispute." }),
    reason: ZOptionalText(1000, "The reason"),
    version: ZVersion,
  })
  .refine((v) => v.decision !== "DISPUTED" || v.reason !== null, {
    path: ["reason"],
    message: "Say why you dispute it.",
  });

const ZPercentText = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?%?$/, `Enter ${what} as a percentage like 90 or 92.5.`)
    .transform((v) => Math.round(Number(v.replace("%", "")) * 100));

export const ZKpiFields = z
  .object({
    name: zText({ error: "Name the KPI." })
      .trim()
      .min(2, "Name the KPI.")
      .max(80, "KPI names are at most 80 characters."),
    unit: z.enum(["CURRENCY", "COUNT", "PERCENT", "DAYS"], { error: "Choose a unit." }),
    direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: "Choose whether higher or lower is better." }),
    /**
     * How the months combine over a period. Empty or absent: the unit's default (lib/kpi.ts
     * defaultAggregation) on create, the KPI's own on edit; CURRENCY has no default and must be chosen.
     */
    aggregation: z
      .enum(["SUM", "AVERAGE", "LAST", ""], { error: "Choose how the months add up: sum, average or last month." })
      .optional()
      .transform((v) => v || undefined),
    /** Empty: no target yet. */
    target: zText().trim().max(40, "The target is too long.").default(""),
    // prefault, not default: zod 4 returns a default as the output unparsed, and the output here is
    // basis points (a default of 100 would be a 1 % band).
    greenAt: ZPercentText("the green band").prefault("100"),
    amberAt: ZPercentText("the amber band").prefault("90"),
  })
  .refine((v) => v.amberAt > 0, { path: ["amberAt"], message: "The amber band must be above 0 %." })
  .refine((v) => v.amberAt <= v.greenAt, {
    path: ["amberAt"],
    message: "The amber band cannot be above the green band.",
  });

const CHOOSE_AGGREGATION =
  "Choose how a currency KPI combines over months: a flow adds up (sum), a rate is averaged, a stock takes the last month.";

export const ZCreateKpiInput = z
  .intersection(z.object({ departmentId: ZDepartmentId, submissionId: ZSubmissionId }), ZKpiFields)
  .refine((v) => v.unit !== "CURRENCY" || v.aggregation !== undefined, {
    path: ["aggregation"],
    message: CHOOSE_AGGREGATION,
  });
export const ZUpdateKpiInput = z.intersection(z.object({ kpiId: ZId("a KPI"), version: ZVersion }), ZKpiFields);
/** The message an edit gets when it turns a KPI into a currency one without choosing (the server checks; it knows the old unit). */
export const CHOOSE_CURRENCY_AGGREGATION = CHOOSE_AGGREGATION;
export const ZKpiIdInput = z.object({ kpiId: ZId("a KPI") });

export const ZSetKpiValuesInput = z.object({
  departmentId: ZDepartmentId,
  month: ZMonthKey,
  /** KPI id → value text; an empty text removes that month's value. */
  values: z.record(zText().max(64), zText().trim().max(40, "That value is too long.")),
  /** KPI id → the version token the form loaded; the form sends only the values the user changed. */
  versions: z.record(z.string().max(64), ZCellToken).optional(),
});

export const ZCreateCommitmentInput = z.object({
  departmentId: ZDepartmentId,
  title: zText({ error: "Say what will be done." })
    .trim()
    .min(3, "Say what will be done.")
    .max(200, "The action is at most 200 characters."),
  ownerId: ZId("an owner"),
  dueDate: ZSupportedDate("Enter the due date as YYYY-MM-DD."),
  expectedImpact: ZAmountText("the expected impact"),
  submissionId: ZSubmissionId,
});
export const ZResolveCommitmentInput = z.object({
  commitmentId: ZId("a commitment"),
  status: z.enum(["DONE", "MISSED"], { error: "Choose done or missed." }),
  /** Empty: the expected impact for DONE, nothing for MISSED. */
  delivered: zText().trim().max(40, "The delivered impact is too long.").default(""),
  version: ZVersion,
});
export const ZCommitmentIdInput = z.object({ commitmentId: ZId("a commitment") });

export const ZSaveNarrativeInput = z.object({
  departmentId: ZDepartmentId,
  month: ZMonthKey,
  why: zMultilineText().trim().max(4000, "“Why” is at most 4000 characters.").default(""),
  whatNext: zMultilineText().trim().max(4000, "“What next” is at most 4000 characters.").default(""),
  /** The narrative's version token as the form loaded it ("" when the month had none). */
  version: ZCellToken.optional(),
});
export const ZDepartmentMonthInput = z.object({ departmentId: ZDepartmentId, month: ZMonthKey });

export const ZAddCategoryInput = z.object({
  kind: z.enum(
    [
      "SALES",
      "MARKETING",
      "BILLING",
      "ACCOUNTING",
      "AUDIT",
      "LEGAL",
      "MEDIA_RELATIONS",
      "CUSTOMER_SERVICE",
      "EXECUTIVE",
      "OTHER",
    ],
    { error: "Choose a department kind." },
  ),
  name: zText({ error: "Name the category." })
    .trim()
    .min(2, "Name the category.")
    .max(80, "Category names are at most 80 characters."),
});
export const ZRenameCategoryInput = z.object({ categoryId: ZId("a category"), name: ZAddCategoryInput.shape.name });
export const ZCategoryIdInput = z.object({ categoryId: ZId("a category") });
