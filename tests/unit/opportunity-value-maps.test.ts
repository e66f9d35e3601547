import { describe, expect, it } from "vitest";
import { guessOpportunityColumns } from "@/lib/csv/opportunity-guess";
import { validateOpportunityRows, type TExistingDeal, type TOpportunityRowOptions } from "@/lib/csv/opportunity-rows";
import { countBadReasons } from "@/lib/csv/opportunity-summary";
import {
  composeName,
  guessNameParts,
  parseCategory,
  proposeOwner,
  rememberValues,
  resolveCategory,
  resolveOwner,
} from "@/lib/csv/opportunity-value-maps";
import { parseCsvTable } from "@/lib/csv/table";

const MEMBERS = [
  { userId: "u-sam", name: "Sam Okafor", email: "sales@acme.example" },
  { userId: "u-casey", name: "Casey Chen", email: "ceo@acme.example" },
  { userId: "u-alex1", name: "Alex Kim", email: "alex.kim@acme.example" },
  { userId: "u-alex2", name: "Alex Kim", email: "alex.k@acme.example" },
];

describe("owners by name or email", () => {
  it("matches a member's email or name in any case and spacing; a name two members share matches no one", () => {
    expect(proposeOwner("SALES@ACME.EXAMPLE ", MEMBERS, {})?.userId).toBe("u-sam");
    expect(proposeOwner("  sam   okafor", MEMBERS, {})?.userId).toBe("u-sam");
    expect(proposeOwner("Casey Chen", MEMBERS, {})?.userId).toBe("u-casey");
    expect(proposeOwner("Alex Kim", MEMBERS, {})).toBeNull();
    expect(proposeOwner("Jordan Blake", MEMBERS, {})).toBeNull();
    expect(proposeOwner("", MEMBERS, {})).toBeNull();
  });

  it("prefers the remembered mapping (if that member is still here), and the user's choice over both", () => {
    expect(proposeOwner("Jordan Blake", MEMBERS, { "jordan blake": "u-casey" })?.userId).toBe("u-casey");
    expect(proposeOwner("Sam Okafor", MEMBERS, { "sam okafor": "u-casey" })?.userId).toBe("u-casey");
    expect(proposeOwner("Jordan Blake", MEMBERS, { "jordan blake": "u-gone" })).toBeNull();
    expect(resolveOwner("Alex Kim", MEMBERS, { "alex kim": "u-alex2" }, {})?.userId).toBe("u-alex2");
    expect(resolveOwner("Sam Okafor", MEMBERS, { "sam okafor": "" }, {})).toBeNull();
    expect(resolveOwner("Sam Okafor", MEMBERS, { "sam okafor": "u-other-org" }, {})).toBeNull();
  });
});

describe("forecast categories", () => {
  it("knows the usual CRM spellings", () => {
    const values = [
      "Pipeline",
      "Best Case",
      "BEST_CASE",
      "upside",
      "Most likely",
      "Commit",
      "Committed",
      "Closed",
      "Closed Won",
      "Omitted",
      "Not forecasted",
      "not-forecasted",
      "Closed Lost",
      "Maybe",
    ];
    expect(values.map(parseCategory)).toEqual([
      "PIPELINE",
      "BEST_CASE",
      "BEST_CASE",
      "BEST_CASE",
      "BEST_CASE",
      "COMMIT",
      "COMMIT",
      "CLOSED",
      "CLOSED",
      "OMITTED",
      "OMITTED",
      "OMITTED",
      "OMITTED",
      null,
    ]);
  });

  it("the user's choice first (none included), then the remembered one, then the name; a stored value that is no category is ignored", () => {
    expect(resolveCategory("Maybe", { maybe: "BEST_CASE" }, {})).toBe("BEST_CASE");
    expect(resolveCategory("Commit", { commit: "" }, {})).toBeNull();
    expect(resolveCategory("Maybe", {}, { maybe: "COMMIT" })).toBe("COMMIT");
    expect(resolveCategory("Commit", {}, { commit: "PIPELINE" })).toBe("PIPELINE");
    expect(resolveCategory("Maybe", {}, { maybe: "SOMETIMES" })).toBeNull();
    expect(resolveCategory("  ", {}, {})).toBeNull();
  });

  it("remembers each mapped value of the file on top of the old mapping, and forgets nothing unmapped", () => {
    expect(
      rememberValues({ old: "u-1", "sam okafor": "u-2" }, [
        { value: "Sam  Okafor", target: "u-3" },
        { value: "Jordan", target: null },
      ]),
    ).toEqual({ old: "u-1", "sam okafor": "u-3" });
  });
});

describe("a deal name composed from other columns", () => {
  it("joins the non-blank cells with an em dash", () => {
    expect(composeName(["x", " Initech ", "Platform", ""], [1, 2])).toBe("Initech — Platform");
    expect(composeName(["x", "Initech", "", "EMEA"], [1, 2, 3])).toBe("Initech — EMEA");
    expect(composeName(["x", " ", ""], [1, 2])).toBe("");
    expect(composeName(["x"], [5])).toBe("");
  });

  it("is proposed from the account and a product column when the file has no name column", () => {
    expect(
      guessOpportunityColumns(["Deal ID", "Company", "Product", "Amount", "Deal Stage", "Close Date"]),
    ).toMatchObject({ name: null, account: 1, nameParts: [1, 2] });
    expect(guessOpportunityColumns(["Deal ID", "Company", "Amount", "Deal Stage", "Close Date"])).toMatchObject({
      name: null,
      nameParts: [1],
    });
    expect(guessOpportunityColumns(["Deal ID", "Deal Name", "Company", "Product"])).toMatchObject({
      name: 1,
      nameParts: [],
    });
    expect(guessNameParts(["Account", "Plan"], null, new Set())).toEqual([]);
    // A product-like column already taken by another field is not proposed.
    expect(guessNameParts(["Account", "Item", "Product line"], 0, new Set([1]))).toEqual([0, 2]);
  });
});

const STAGES = [
  { id: "s-prop", name: "Proposal", outcome: "OPEN" as const, probabilityBp: 5_000 },
  { id: "s-won", name: "Closed won", outcome: "WON" as const, probabilityBp: 10_000 },
];
const NO_AMOUNT: TExistingDeal = {
  id: "deal-9",
  name: "Hooli — Pilot",
  account: "Hooli",
  amountMinor: 0n,
  amountMissing: true,
  stageId: "s-prop",
  outcome: "OPEN",
  probabilityBp: 5_000,
  forecastCategory: "PIPELINE",
  expectedCloseDate: "2026-12-15",
  ownerId: "u-sam",
  sourceDepartmentId: null,
};

// id, account, product, amount, stage, close, category, owner — no name column.
function rows(lines: string[], overrides: Partial<TOpportunityRowOptions> = {}) {
  const parsed = parseCsvTable(["id,account,product,amount,stage,close,category,owner", ...lines].join("\n"));
  if (!parsed.ok) throw new Error(parsed.reason);
  return validateOpportunityRows(parsed.table, {
    mapping: {
      externalId: 0,
      name: null,
      nameParts: [1, 2],
      account: 1,
      amount: 3,
      stage: 4,
      closeDate: 5,
      probability: null,
      category: 6,
      owner: 7,
      sourceDepartment: null,
    },
    dateFormat: "ISO",
    currency: "USD",
    digits: 2,
    stages: STAGES,
    members: new Map([["sam okafor", "u-sam"]]),
    departments: new Map(),
    importerId: "u-importer",
    quarterEnd: "2026-12-31",
    existing: new Map([["CRM-9", NO_AMOUNT]]),
    ...overrides,
  });
}

describe("rows with mapped owners and categories, a composed name, and no amount", () => {
  it("names the deal from account and product, and refuses a row whose parts are all blank", () => {
    const { accepted, bad } = rows([
      "CRM-1,Initech,Platform,100,Proposal,2026-11-30,,",
      "CRM-2,,,100,Proposal,2026-11-30,,",
    ]);
    expect(accepted.map((r) => r.fields.name)).toEqual(["Initech — Platform"]);
    expect(bad).toEqual([{ line: 3, reason: "empty name; empty account" }]);
  });

  it("takes an owner by its mapped value; an unmapped one is refused, unless the user chose to give such deals to the importer (a known deal keeps its owner)", () => {
    const lines = [
      "CRM-1,Initech,Platform,100,Proposal,2026-11-30,,Sam Okafor",
      "CRM-2,Globex,Renewal,100,Proposal,2026-11-30,,Jordan Blake",
      "CRM-9,Hooli,Pilot,,Proposal,2026-12-15,,Jordan Blake",
    ];
    const refused = rows(lines);
    expect(refused.accepted.map((r) => [r.externalId, r.fields.ownerId])).toEqual([["CRM-1", "u-sam"]]);
    expect(refused.bad).toEqual([
      { line: 3, reason: 'unknown owner "Jordan Blake"' },
      { line: 4, reason: 'unknown owner "Jordan Blake"' },
    ]);
    expect(countBadReasons(refused.bad)).toEqual([
      { reason: 'unknown owner "Jordan Blake"', count: 2, hint: "map-owner" },
    ]);
    const toMe = rows(lines, { unmappedOwnerToImporter: true });
    expect(toMe.bad).toEqual([]);
    expect(toMe.accepted.map((r) => [r.externalId, r.fields.ownerId])).toEqual([
      ["CRM-1", "u-sam"],
      ["CRM-2", "u-importer"],
      ["CRM-9", "u-sam"],
    ]);
  });

  it("maps the file's categories by choice, memory or name; an unmapped one is refused with its own hint", () => {
    const lines = [
      "CRM-1,A,P,100,Proposal,2026-11-30,Upside,",
      "CRM-2,B,P,100,Proposal,2026-11-30,Maybe,",
      "CRM-3,C,P,100,Proposal,2026-11-30,Gut feeling,",
      "CRM-4,D,P,100,Proposal,2026-11-30,Commit,",
    ];
    const { accepted, bad } = rows(lines, {
      categoryMap: { "gut feeling": "COMMIT", commit: "" },
      rememberedCategoryMap: { maybe: "PIPELINE" },
    });
    expect(accepted.map((r) => [r.externalId, r.fields.forecastCategory])).toEqual([
      ["CRM-1", "BEST_CASE"],
      ["CRM-2", "PIPELINE"],
      ["CRM-3", "COMMIT"],
    ]);
    expect(bad).toEqual([{ line: 5, reason: 'unknown forecast category "Commit"' }]);
    expect(countBadReasons(bad)[0]?.hint).toBe("map-category");
  });

  it("marks a new open deal without an amount as missing it; a known one keeps the mark until a row gives an amount, even 0", () => {
    const first = rows([
      "CRM-1,Initech,Platform,,Proposal,2026-11-30,,",
      "CRM-2,Globex,Renewal,250,Proposal,2026-11-30,,",
    ]);
    expect(
      first.accepted.map((r) => [r.externalId, r.fields.amountMinor, r.fields.amountMissing, r.defaulted.amount]),
    ).toEqual([
      ["CRM-1", 0n, true, true],
      ["CRM-2", 250_00n, false, false],
    ]);
    expect(rows(["CRM-9,Hooli,Pilot,,Proposal,2026-12-15,,"]).accepted[0]).toMatchObject({
      kind: "unchanged",
      fields: { amountMinor: 0n, amountMissing: true },
    });
    expect(rows(["CRM-9,Hooli,Pilot,0,Proposal,2026-12-15,,"]).accepted[0]).toMatchObject({
      kind: "changed",
      changes: { amountMinor: [null, "0"] },
      fields: { amountMinor: 0n, amountMissing: false },
    });
    expect(rows(["CRM-9,Hooli,Pilot,1200,Proposal,2026-12-15,,"]).accepted[0]).toMatchObject({
      kind: "changed",
      changes: { amountMinor: [null, "120000"] },
      fields: { amountMissing: false },
    });
  });
});
