import { describe, expect, it } from "vitest";
import {
  ZAddCategoryInput,
  ZCreateCommitmentInput,
  ZCreateKpiInput,
  ZKpiFields,
  ZLogContributionInput,
  ZResolveCommitmentInput,
  ZReviseContributionInput,
  ZReviewContributionInput,
  ZSaveNarrativeInput,
  ZSetKpiValuesInput,
} from "@/lib/schemas/accountability";

/** Field → its first message, which is the one a form shows next to the field. */
function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const contribution = {
  departmentId: "d1",
  month: "2026-03",
  categoryId: "c1",
  amount: "-12,500",
  description: "Contract stuck in legal review",
};

describe("ZLogContributionInput", () => {
  it("keeps the amount as text and turns an empty evidence link into null", () => {
    expect(ZLogContributionInput.parse({ ...contribution, evidenceUrl: "  " })).toEqual({
      ...contribution,
      evidenceUrl: null,
      submissionId: null,
    });
    expect(ZLogContributionInput.parse(contribution).evidenceUrl).toBeNull();
    expect(
      ZLogContributionInput.parse({ ...contribution, evidenceUrl: " https://crm.example/deal/42 " }).evidenceUrl,
    ).toBe("https://crm.example/deal/42");
    expect(ZLogContributionInput.parse({ ...contribution, evidenceUrl: "HTTP://wiki.example/x" }).evidenceUrl).toBe(
      "HTTP://wiki.example/x",
    );
  });

  it("accepts only http(s) evidence links", () => {
    for (const evidenceUrl of [
      "javascript:alert(1)",
      "ftp://files.example/x",
      "crm.example/deal",
      "https://",
      "https://a b",
    ]) {
      expect(fieldErrors(ZLogContributionInput.safeParse({ ...contribution, evidenceUrl })), evidenceUrl).toEqual({
        evidenceUrl: "The evidence link must start with http:// or https://.",
      });
    }
  });

  it("names each missing or bad field", () => {
    expect(
      fieldErrors(
        ZLogContributionInput.safeParse({
          month: "2026-13",
          categoryId: "",
          amount: " ",
          description: "ab",
          evidenceUrl: "x".repeat(501),
        }),
      ),
    ).toEqual({
      departmentId: "Choose a department.",
      month: "Choose a month.",
      categoryId: "Choose a category.",
      amount: "Enter the amount.",
      description: "Describe the impact in a few words.",
      evidenceUrl: "The evidence link is at most 500 characters.",
    });
  });
});

describe("the contribution's effect signs its amount", () => {
  const unsigned = { ...contribution, amount: "12,500" };
  it("makes a cost negative and keeps an addition positive", () => {
    expect(ZLogContributionInput.parse({ ...unsigned, effect: "COST" }).amount).toBe("-12,500");
    expect(ZLogContributionInput.parse({ ...unsigned, effect: "ADDED" }).amount).toBe("12,500");
    expect(
      ZReviseContributionInput.parse({
        contributionId: "k1",
        version: "3",
        month: "2026-03",
        categoryId: "c1",
        amount: "900.50",
        description: "Late invoices",
        effect: "COST",
      }).amount,
    ).toBe("-900.50");
  });

  it("refuses a typed sign when the effect is chosen, naming the amount", () => {
    for (const amount of ["-12,500", "+12,500", "\u221212,500"]) {
      expect(fieldErrors(ZLogContributionInput.safeParse({ ...contribution, amount, effect: "COST" })), amount).toEqual(
        { amount: "Enter the amount without a sign: the effect says whether it added or cost revenue." },
      );
    }
  });

  it("keeps a signed amount as it is when no effect is given, and names an unknown effect", () => {
    expect(ZLogContributionInput.parse(contribution).amount).toBe("-12,500");
    expect(fieldErrors(ZLogContributionInput.safeParse({ ...unsigned, effect: "MAYBE" }))).toEqual({
      effect: "Choose whether it added or cost revenue.",
    });
  });
});

describe("ZReviewContributionInput", () => {
  it("needs a reason to dispute, not to confirm", () => {
    expect(ZReviewContributionInput.parse({ contributionId: "k1", decision: "CONFIRMED" })).toEqual({
      contributionId: "k1",
      decision: "CONFIRMED",
      reason: null,
    });
    expect(
      ZReviewContributionInput.parse({ contributionId: "k1", decision: "DISPUTED", reason: " No credit note found " })
        .reason,
    ).toBe("No credit note found");
    expect(fieldErrors(ZReviewContributionInput.safeParse({ contributionId: "k1", decision: "DISPUTED" }))).toEqual({
      reason: "Say why you dispute it.",
    });
    expect(
      fieldErrors(ZReviewContributionInput.safeParse({ contributionId: "k1", decision: "DISPUTED", reason: "   " })),
    ).toEqual({ reason: "Say why you dispute it." });
    expect(fieldErrors(ZReviewContributionInput.safeParse({ contributionId: "k1", decision: "CLAIMED" }))).toEqual({
      decision: "Choose confirm or dispute.",
    });
  });
});

describe("ZKpiFields", () => {
  const kpi = { name: "Days sales outstanding", unit: "DAYS", direction: "LOWER_IS_BETTER" };

  it("reads bands as percentages in basis points, 100 % and 90 % when not given", () => {
    expect(ZKpiFields.parse(kpi)).toEqual({ ...kpi, target: "", greenAt: 10_000, amberAt: 9_000 });
    expect(ZKpiFields.parse({ ...kpi, target: " 45 ", greenAt: "95%", amberAt: "92.5" })).toEqual({
      ...kpi,
      target: "45",
      greenAt: 9_500,
      amberAt: 9_250,
    });
    expect(ZKpiFields.parse({ ...kpi, greenAt: "110", amberAt: "100" })).toMatchObject({
      greenAt: 11_000,
      amberAt: 10_000,
    });
  });

  it("keeps amber at or below green and above zero", () => {
    expect(ZKpiFields.parse({ ...kpi, greenAt: "90", amberAt: "90" })).toMatchObject({
      greenAt: 9_000,
      amberAt: 9_000,
    });
    expect(fieldErrors(ZKpiFields.safeParse({ ...kpi, greenAt: "90", amberAt: "95" }))).toEqual({
      amberAt: "The amber band cannot be above the green band.",
    });
    expect(fieldErrors(ZKpiFields.safeParse({ ...kpi, amberAt: "0" }))).toEqual({
      amberAt: "The amber band must be above 0 %.",
    });
    expect(fieldErrors(ZKpiFields.safeParse({ ...kpi, greenAt: "92.555", amberAt: "-5" }))).toEqual({
      greenAt: "Enter the green band as a percentage like 90 or 92.5.",
      amberAt: "Enter the amber band as a percentage like 90 or 92.5.",
    });
  });

  it("names the KPI, unit and direction when they are missing, and the department on create", () => {
    expect(fieldErrors(ZCreateKpiInput.safeParse({ name: "x", unit: "HOURS" }))).toEqual({
      departmentId: "Choose a department.",
      name: "Name the KPI.",
      unit: "Choose a unit.",
      direction: "Choose whether higher or lower is better.",
    });
  });
});

describe("the KPI's aggregation", () => {
  const base = { departmentId: "d1", name: "Cost per lead", direction: "LOWER_IS_BETTER" };

  it("requires a currency KPI to say how its months combine, and names the field", () => {
    const message =
      "Choose how a currency KPI combines over months: a flow adds up (sum), a rate is averaged, a stock takes the last month.";
    expect(fieldErrors(ZCreateKpiInput.safeParse({ ...base, unit: "CURRENCY" }))).toEqual({ aggregation: message });
    // The form's "Choose…" option sends an empty text.
    expect(fieldErrors(ZCreateKpiInput.safeParse({ ...base, unit: "CURRENCY", aggregation: "" }))).toEqual({
      aggregation: message,
    });
    expect(ZCreateKpiInput.parse({ ...base, unit: "CURRENCY", aggregation: "AVERAGE" })).toMatchObject({
      aggregation: "AVERAGE",
    });
  });

  it("leaves other units to their default when not given, and refuses an unknown aggregation", () => {
    expect(ZCreateKpiInput.parse({ ...base, unit: "COUNT", aggregation: "" }).aggregation).toBeUndefined();
    expect(ZCreateKpiInput.parse({ ...base, unit: "COUNT", aggregation: "LAST" }).aggregation).toBe("LAST");
    expect(fieldErrors(ZCreateKpiInput.safeParse({ ...base, unit: "PERCENT", aggregation: "MEDIAN" }))).toEqual({
      aggregation: "Choose how the months add up: sum, average or last month.",
    });
  });
});

describe("ZSetKpiValuesInput", () => {
  it("maps KPI ids to trimmed texts and refuses an over-long value", () => {
    expect(
      ZSetKpiValuesInput.parse({ departmentId: "d1", month: "2026-03", values: { k1: " 12.5 ", k2: "" } }).values,
    ).toEqual({ k1: "12.5", k2: "" });
    expect(
      fieldErrors(
        ZSetKpiValuesInput.safeParse({ departmentId: "d1", month: "2026-03", values: { k1: "1".repeat(41) } }),
      ),
    ).toEqual({ "values.k1": "That value is too long." });
  });
});

describe("commitments", () => {
  const commitment = {
    departmentId: "d1",
    title: "Fix the invoice template",
    ownerId: "u1",
    dueDate: "2026-12-15",
    expectedImpact: "40,000",
  };

  it("needs a title, an owner, a real due date and an expected impact", () => {
    // No submission id sent (a script): null, and the create is not deduplicated.
    expect(ZCreateCommitmentInput.parse(commitment)).toEqual({ ...commitment, submissionId: null });
    expect(
      fieldErrors(
        ZCreateCommitmentInput.safeParse({
          ...commitment,
          title: "ab",
          ownerId: "",
          dueDate: "2026-02-30",
          expectedImpact: "",
        }),
      ),
    ).toEqual({
      title: "Say what will be done.",
      ownerId: "Choose an owner.",
      dueDate: "Enter the due date as YYYY-MM-DD.",
      expectedImpact: "Enter the expected impact.",
    });
  });

  it("resolves to done or missed only, with delivered optional", () => {
    expect(ZResolveCommitmentInput.parse({ commitmentId: "c1", status: "DONE" })).toEqual({
      commitmentId: "c1",
      status: "DONE",
      delivered: "",
    });
    expect(fieldErrors(ZResolveCommitmentInput.safeParse({ commitmentId: "c1", status: "OPEN" }))).toEqual({
      status: "Choose done or missed.",
    });
  });
});

describe("narratives and categories", () => {
  it("default the narrative texts to empty and cap them", () => {
    expect(ZSaveNarrativeInput.parse({ departmentId: "d1", month: "2026-03" })).toEqual({
      departmentId: "d1",
      month: "2026-03",
      why: "",
      whatNext: "",
    });
    expect(
      fieldErrors(ZSaveNarrativeInput.safeParse({ departmentId: "d1", month: "2026-03", why: "x".repeat(4001) })),
    ).toEqual({ why: "“Why” is at most 4000 characters." });
  });

  it("need a known kind and a name of 2 to 80 characters", () => {
    expect(ZAddCategoryInput.parse({ kind: "LEGAL", name: "  Redlines  " })).toEqual({
      kind: "LEGAL",
      name: "Redlines",
    });
    expect(fieldErrors(ZAddCategoryInput.safeParse({ kind: "FINANCE", name: "x" }))).toEqual({
      kind: "Choose a department kind.",
      name: "Name the category.",
    });
    expect(fieldErrors(ZAddCategoryInput.safeParse({ kind: "LEGAL", name: "x".repeat(81) }))).toEqual({
      name: "Category names are at most 80 characters.",
    });
  });
});
