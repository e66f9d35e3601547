import { describe, expect, it } from "vitest";
import { countBadReasons, importedMessage } from "@/lib/csv/opportunity-summary";
import { distinctStageValues, proposeStage, readStageMap, resolveStage } from "@/lib/csv/opportunity-stage-map";

const STAGES = [
  { id: "s-pro", name: "Prospecting", outcome: "OPEN" as const },
  { id: "s-qual", name: "Qualification", outcome: "OPEN" as const },
  { id: "s-won", name: "Closed won", outcome: "WON" as const },
  { id: "s-lost", name: "Closed lost", outcome: "LOST" as const },
];

describe("proposing a stage for a CRM's value", () => {
  it("matches a name in any case and spacing, won/lost by their usual names, and nothing else", () => {
    expect(proposeStage("  PROSPECTING ", STAGES, {})?.id).toBe("s-pro");
    expect(proposeStage("Won", STAGES, {})?.id).toBe("s-won");
    expect(proposeStage("Closed  Won", STAGES, {})?.id).toBe("s-won");
    expect(proposeStage("lost", STAGES, {})?.id).toBe("s-lost");
    expect(proposeStage("Engaging", STAGES, {})).toBeNull();
    expect(proposeStage("", STAGES, {})).toBeNull();
  });

  it("prefers the remembered mapping, ignores a remembered stage that no longer exists", () => {
    expect(proposeStage("Engaging", STAGES, { engaging: "s-qual" })?.id).toBe("s-qual");
    expect(proposeStage("Won", STAGES, { won: "s-qual" })?.id).toBe("s-qual");
    expect(proposeStage("Engaging", STAGES, { engaging: "archived" })).toBeNull();
  });

  it("the user's choice wins, including a choice of none", () => {
    expect(resolveStage("Won", STAGES, { won: "s-pro" }, {})?.id).toBe("s-pro");
    expect(resolveStage("Won", STAGES, { won: "" }, {})).toBeNull();
    expect(resolveStage("Engaging", STAGES, { engaging: "other-orgs-stage" }, { engaging: "s-qual" })).toBeNull();
    expect(resolveStage("Engaging", STAGES, {}, { engaging: "s-qual" })?.id).toBe("s-qual");
  });

  it("lists each distinct value once, first spelling kept, with its row count", () => {
    const rows = [["Won"], ["won "], ["Engaging"], [""], ["WON"]].map((cells) => ({ cells }));
    expect(distinctStageValues(rows, 0)).toEqual([
      { value: "Won", count: 3 },
      { value: "Engaging", count: 1 },
    ]);
  });

  it("reads only string entries of a stored mapping", () => {
    expect(readStageMap({ won: "s-won", bad: 3 })).toEqual({ won: "s-won" });
    expect(readStageMap(null)).toEqual({});
    expect(readStageMap(["x"])).toEqual({});
  });
});

describe("bad rows by reason", () => {
  it("groups each reason of each row, keeps a stage's value, drops other quoted values, most frequent first", () => {
    const bad = [
      { line: 2, reason: 'unknown stage "Won"; non-numeric amount "abc"' },
      { line: 3, reason: 'unknown stage "Won"' },
      { line: 4, reason: 'non-numeric amount "x"' },
      { line: 5, reason: "empty close date" },
      { line: 6, reason: 'unknown stage "Won"' },
      { line: 7, reason: 'external id "A" is also on lines 8, 9' },
    ];
    expect(countBadReasons(bad)).toEqual([
      { reason: 'unknown stage "Won"', count: 3, hint: "map-stage" },
      { reason: "non-numeric amount", count: 2, hint: "column" },
      { reason: "empty close date", count: 1, hint: "closed-needs-values" },
      { reason: "external id is on more than one line", count: 1, hint: "fix-file" },
    ]);
  });
});

describe("what an import says", () => {
  it("says nothing changed when nothing did, with thousands separators", () => {
    expect(
      importedMessage({ rowCount: 6711, newCount: 0, changedCount: 0, unchangedCount: 6711, skippedCount: 0 }),
    ).toBe("Nothing changed: 6,711 deals already up to date.");
  });
  it("counts new, changed and unchanged otherwise, and the skipped lines", () => {
    expect(importedMessage({ rowCount: 12, newCount: 3, changedCount: 2, unchangedCount: 7, skippedCount: 1 })).toBe(
      "Imported 12 deals: 3 new, 2 changed, 7 already up to date. 1 skipped line is recorded with the batch.",
    );
    expect(importedMessage({ rowCount: 1, newCount: 1, changedCount: 0, unchangedCount: 0, skippedCount: 0 })).toBe(
      "Imported 1 deal: 1 new.",
    );
  });
});
