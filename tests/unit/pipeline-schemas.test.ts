import { describe, expect, it } from "vitest";
import {
  ZCreateOpportunityInput,
  ZCreateStageInput,
  ZHeadlineForecastInput,
  ZLossCauseInput,
  ZPercentBp,
  ZUpdateOpportunityInput,
  ZUpdateStageInput,
} from "@/lib/schemas/pipeline";

/** Field → its first message, which is the one a form shows next to the field. */
function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const deal = {
  name: "Acme renewal",
  account: "Acme Corp",
  amount: "12,500.00",
  stageId: "s1",
  expectedCloseDate: "2026-06-30",
  ownerId: "u1",
};

describe("ZPercentBp", () => {
  it.each([
    ["0", 0],
    ["10", 1_000],
    ["72.5", 7_250],
    ["72.55", 7_255],
    ["0.29", 29],
    ["70%", 7_000],
    [" 70 % ", 7_000],
    ["100", 10_000],
    ["100.00", 10_000],
  ])("reads %j as %i basis points", (text, bp) => {
    expect(ZPercentBp.parse(text)).toBe(bp);
  });

  it.each(["100.01", "101", "-5", "1000", "72.555", "seventy", "", "7,5"])("refuses %j", (text) => {
    expect(ZPercentBp.safeParse(text).success).toBe(false);
  });
});

describe("ZCreateOpportunityInput", () => {
  it("keeps the amount as text and turns empty optional fields into null", () => {
    expect(
      ZCreateOpportunityInput.parse({
        ...deal,
        probability: "",
        forecastCategory: "",
        sourceDepartmentId: " ",
        externalId: "  ",
      }),
    ).toEqual({
      ...deal,
      submissionId: null,
      probability: null,
      forecastCategory: null,
      sourceDepartmentId: null,
      externalId: null,
    });
    expect(ZCreateOpportunityInput.parse(deal)).toMatchObject({
      probability: null,
      forecastCategory: null,
      sourceDepartmentId: null,
      externalId: null,
    });
  });

  it("reads the probability as a percentage and keeps a chosen category", () => {
    expect(
      ZCreateOpportunityInput.parse({
        ...deal,
        probability: "35",
        forecastCategory: "BEST_CASE",
        externalId: " CRM-1 ",
      }),
    ).toMatchObject({
      probability: 3_500,
      forecastCategory: "BEST_CASE",
      externalId: "CRM-1",
    });
  });

  it("names each missing or wrong field", () => {
    expect(fieldErrors(ZCreateOpportunityInput.safeParse({}))).toEqual({
      name: "Name the deal.",
      account: "Name the account.",
      amount: "Enter the amount.",
      stageId: "Choose a stage.",
      expectedCloseDate: "Enter the expected close date as YYYY-MM-DD.",
      ownerId: "Choose an owner.",
    });
    expect(
      fieldErrors(
        ZCreateOpportunityInput.safeParse({
          ...deal,
          name: "A",
          probability: "120",
          forecastCategory: "MAYBE",
          expectedCloseDate: "2026-02-30",
          externalId: "x".repeat(121),
        }),
      ),
    ).toEqual({
      name: "Name the deal.",
      probability: "Enter a percentage from 0 to 100.",
      forecastCategory: "Choose a forecast category.",
      expectedCloseDate: "Enter the expected close date as YYYY-MM-DD.",
      externalId: "External ids are at most 120 characters.",
    });
  });
});

describe("ZUpdateOpportunityInput", () => {
  it("leaves fields an inline edit does not send undefined, so they keep their values", () => {
    const parsed = ZUpdateOpportunityInput.parse({ opportunityId: "o1", amount: "900" });
    expect(parsed).toEqual({ opportunityId: "o1", amount: "900", lossCauseId: null, responsibleDepartmentId: null });
    expect("sourceDepartmentId" in parsed).toBe(false);
    expect("probability" in parsed).toBe(false);
  });

  it("turns an emptied optional field into null, so it is cleared", () => {
    expect(
      ZUpdateOpportunityInput.parse({ opportunityId: "o1", sourceDepartmentId: "", externalId: "", probability: "" }),
    ).toMatchObject({
      sourceDepartmentId: null,
      externalId: null,
      probability: null,
    });
  });

  it("shows a percentage's own message next to the probability, whatever was typed", () => {
    for (const typed of ["seventy", "-1"]) {
      expect(fieldErrors(ZUpdateOpportunityInput.safeParse({ opportunityId: "o1", probability: typed }))).toEqual({
        probability: "Enter a percentage from 0 to 100, like 70 or 72.5.",
      });
    }
    expect(fieldErrors(ZUpdateOpportunityInput.safeParse({ opportunityId: "o1", probability: "120" }))).toEqual({
      probability: "Enter a percentage from 0 to 100.",
    });
  });

  it("still checks the fields it is sent, and needs the deal", () => {
    expect(fieldErrors(ZUpdateOpportunityInput.safeParse({ opportunityId: "", name: " ", amount: "" }))).toEqual({
      opportunityId: "Choose a deal.",
      name: "Name the deal.",
      amount: "Enter the amount.",
    });
    expect(
      ZUpdateOpportunityInput.parse({ opportunityId: "o1", lossCauseId: "lc1", responsibleDepartmentId: "d1" }),
    ).toMatchObject({ lossCauseId: "lc1", responsibleDepartmentId: "d1" });
  });
});

describe("stage, loss cause and headline inputs", () => {
  it("read a stage's default probability as basis points and need an outcome", () => {
    expect(ZCreateStageInput.parse({ name: " Discovery ", probability: "15", outcome: "OPEN" })).toEqual({
      name: "Discovery",
      probability: 1_500,
      outcome: "OPEN",
    });
    expect(
      fieldErrors(ZUpdateStageInput.safeParse({ stageId: "", name: "D", probability: "", outcome: "PENDING" })),
    ).toEqual({
      stageId: "Choose a stage.",
      name: "Name the stage.",
      probability: "Enter a percentage from 0 to 100, like 70 or 72.5.",
      outcome: "Choose whether the stage is open, won or lost.",
    });
  });

  it("bound a loss cause's name and the headline forecast's choices", () => {
    expect(ZLossCauseInput.parse({ name: "  Security review  " })).toEqual({ name: "Security review" });
    expect(fieldErrors(ZLossCauseInput.safeParse({ name: "x" }))).toEqual({ name: "Name the cause." });
    expect(fieldErrors(ZLossCauseInput.safeParse({ name: "x".repeat(81) }))).toEqual({
      name: "Cause names are at most 80 characters.",
    });
    expect(ZHeadlineForecastInput.parse({ headlineForecast: "COMMIT" })).toEqual({ headlineForecast: "COMMIT" });
    expect(fieldErrors(ZHeadlineForecastInput.safeParse({ headlineForecast: "CLOSED" }))).toEqual({
      headlineForecast: "Choose the headline forecast.",
    });
  });
});
