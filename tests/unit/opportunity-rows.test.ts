import { describe, expect, it } from "vitest";
import { categoryForStage } from "@/lib/pipeline";
import {
  parseCategory,
  parseProbability,
  validateOpportunityRows,
  type TExistingDeal,
  type TOpportunityRowOptions,
} from "@/lib/csv/opportunity-rows";
import { parseCsvTable } from "@/lib/csv/table";

const STAGES = [
  { id: "s-prop", name: "Proposal", outcome: "OPEN" as const, probabilityBp: 5_000 },
  { id: "s-neg", name: "Negotiation", outcome: "OPEN" as const, probabilityBp: 7_000 },
  { id: "s-won", name: "Closed won", outcome: "WON" as const, probabilityBp: 10_000 },
  { id: "s-lost", name: "Closed lost", outcome: "LOST" as const, probabilityBp: 0 },
];

const EXISTING: TExistingDeal = {
  id: "deal-1",
  name: "Globex expansion",
  account: "Globex",
  amountMinor: 40_000_00n,
  amountMissing: false,
  stageId: "s-prop",
  outcome: "OPEN",
  probabilityBp: 4_000,
  forecastCategory: "BEST_CASE",
  expectedCloseDate: "2026-12-15",
  ownerId: "u-rep",
  sourceDepartmentId: "d-sales",
};

const options = (overrides: Partial<TOpportunityRowOptions> = {}): TOpportunityRowOptions => ({
  mapping: {
    externalId: 0,
    name: 1,
    account: 2,
    amount: 3,
    stage: 4,
    closeDate: 5,
    probability: 6,
    category: 7,
    owner: 8,
    sourceDepartment: 9,
  },
  dateFormat: "ISO",
  currency: "USD",
  digits: 2,
  stages: STAGES,
  members: new Map([["rep@acme.example", "u-rep"]]),
  departments: new Map([["marketing", { id: "d-mkt", name: "Marketing" }]]),
  importerId: "u-importer",
  quarterEnd: "2026-12-31",
  existing: new Map([["SF-1", EXISTING]]),
  ...overrides,
});

function rows(lines: string[], overrides: Partial<TOpportunityRowOptions> = {}) {
  const parsed = parseCsvTable(
    ["id,name,account,amount,stage,close,probability,category,owner,source", ...lines].join("\n"),
  );
  if (!parsed.ok) throw new Error(parsed.reason);
  return validateOpportunityRows(parsed.table, options(overrides));
}

describe("reading a CRM row", () => {
  it("reads a new deal, with the stage's defaults where the file is blank and the importer as owner", () => {
    const { accepted, bad } = rows(['SF-2,Initech platform,Initech,"1,250.50",proposal,2026-11-30,,,,']);
    expect(bad).toEqual([]);
    expect(accepted).toEqual([
      {
        line: 2,
        externalId: "SF-2",
        kind: "new",
        id: null,
        changes: {},
        defaulted: { closeDate: false, amount: false },
        fields: {
          name: "Initech platform",
          account: "Initech",
          amountMinor: 1_250_50n,
          amountMissing: false,
          stageId: "s-prop",
          outcome: "OPEN",
          probabilityBp: 5_000,
          forecastCategory: "PIPELINE",
          expectedCloseDate: "2026-11-30",
          ownerId: "u-importer",
          sourceDepartmentId: null,
        },
      },
    ]);
  });

  it("gives a new open deal without close date or amount the defaults, a known one keeps its own, a closed one is refused", () => {
    const { accepted, bad } = rows(
      [
        "SF-7,Open,Initech,,Proposal,,,,,",
        "SF-8,Dated,Initech,,Proposal,2027-01-15,,,,",
        "SF-1,Globex expansion,Globex,,Proposal,,,,,",
        "SF-9,Won,Initech,10,Closed won,,,,,",
        "SF-10,Lost,Initech,,Closed lost,2026-10-01,,,,",
      ],
      { defaultCloseDate: "2027-02-28" },
    );
    expect(
      accepted.map((r) => [r.externalId, r.kind, r.fields.amountMinor, r.fields.expectedCloseDate, r.defaulted]),
    ).toEqual([
      ["SF-7", "new", 0n, "2027-02-28", { closeDate: true, amount: true }],
      ["SF-8", "new", 0n, "2027-01-15", { closeDate: false, amount: true }],
      ["SF-1", "unchanged", 40_000_00n, "2026-12-15", { closeDate: false, amount: false }],
    ]);
    expect(bad).toEqual([
      { line: 5, reason: "empty close date" },
      { line: 6, reason: "empty amount" },
    ]);
    expect(rows(["SF-7,Open,Initech,5,Proposal,,,,,"]).accepted[0]?.fields.expectedCloseDate).toBe("2026-12-31");
  });

  it("takes probability, category, owner and source department from the file", () => {
    const [row] = rows([
      "SF-2,Deal,Initech,100,Negotiation,2026-11-30,35%,Best case,REP@acme.example,Marketing",
    ]).accepted;
    expect(row?.fields).toMatchObject({
      probabilityBp: 3_500,
      forecastCategory: "BEST_CASE",
      ownerId: "u-rep",
      sourceDepartmentId: "d-mkt",
    });
  });

  it("compares a known external id with the deal: unchanged, or the fields that move", () => {
    expect(rows(["SF-1,Globex expansion,Globex,40000,Proposal,2026-12-15,,,,"]).accepted[0]).toMatchObject({
      kind: "unchanged",
      id: "deal-1",
      changes: {},
    });
    // A stage move brings the stage's probability; the category the rep chose stays.
    expect(rows(["SF-1,Globex expansion,Globex,42000,Negotiation,2026-12-15,,,,"]).accepted[0]).toMatchObject({
      kind: "changed",
      changes: { amountMinor: ["4000000", "4200000"], stageId: ["s-prop", "s-neg"], probabilityBp: [4_000, 7_000] },
      fields: { forecastCategory: "BEST_CASE", ownerId: "u-rep", sourceDepartmentId: "d-sales" },
    });
  });

  it("refuses changes that would need a cause: losing the deal, or slipping it out of the quarter", () => {
    expect(rows(["SF-1,Globex expansion,Globex,40000,Closed lost,2026-12-15,,,,"]).bad).toEqual([
      {
        line: 2,
        reason:
          "this row loses the deal, which needs a cause and a responsible department: lose it on the pipeline page",
      },
    ]);
    expect(rows(["SF-1,Globex expansion,Globex,40000,Proposal,2027-01-10,,,,"]).bad[0]?.reason).toMatch(
      /^this row moves the close date out of the current quarter \(after 2026-12-31\)/,
    );
    // A deal new to the app may arrive already lost: there is nothing to attribute.
    expect(rows(["SF-3,Old deal,Initech,100,Closed lost,2026-01-10,,,,"]).accepted[0]?.fields).toMatchObject({
      outcome: "LOST",
      forecastCategory: "OMITTED",
    });
  });

  it("gives every reason of a bad row, and marks repeated external ids on every line", () => {
    const { bad, accepted } = rows([
      ",,Initech,-5,Nope,31/31/2026,120,Maybe,x@y.z,Legal",
      "SF-4,A,B,1.005,Proposal,2026-11-30,,Closed,,",
      "SF-5,A,B,1,Proposal,2026-11-30,,,,",
      "SF-5,A,B,1,Proposal,2026-11-30,,,,",
    ]);
    expect(accepted).toEqual([]);
    expect(bad).toEqual([
      {
        line: 2,
        reason:
          'empty external id; empty name; negative amount "-5"; unknown stage "Nope"; unparseable close date "31/31/2026"; probability "120" is not a percentage from 0 to 100; unknown forecast category "Maybe"; unknown owner "x@y.z"; unknown source department "Legal"',
      },
      {
        line: 3,
        reason: 'amount "1.005" has more than 2 decimals; forecast category "Closed" does not fit stage Proposal',
      },
      { line: 4, reason: 'external id "SF-5" is also on line 5' },
      { line: 5, reason: 'external id "SF-5" is also on line 4' },
    ]);
  });
});

describe("cells", () => {
  it("reads probabilities as percentages", () => {
    expect([
      parseProbability("25"),
      parseProbability("25%"),
      parseProbability("12.5 %"),
      parseProbability("100"),
      parseProbability("101"),
      parseProbability("0.3x"),
    ]).toEqual([2_500, 2_500, 1_250, 10_000, null, null]);
  });

  it("reads forecast categories by name in any spelling", () => {
    expect(["Best case", "BEST_CASE", "best-case", "Commit", "pipeline", "Upside", "nope"].map(parseCategory)).toEqual([
      "BEST_CASE",
      "BEST_CASE",
      "BEST_CASE",
      "COMMIT",
      "PIPELINE",
      "BEST_CASE",
      null,
    ]);
  });

  it("implies the category of a stage as the app does", () => {
    expect([
      categoryForStage("WON", "COMMIT"),
      categoryForStage("LOST", null),
      categoryForStage("OPEN", "CLOSED"),
      categoryForStage("OPEN", "COMMIT"),
      categoryForStage("OPEN", "PIPELINE", "Commit"),
    ]).toEqual(["CLOSED", "OMITTED", "PIPELINE", "COMMIT", "COMMIT"]);
  });
});
