import { describe, expect, it } from "vitest";
import {
  dealList,
  isAsBatchLeftIt,
  planOpportunityUndo,
  undoneMessage,
  undoRefusalMessage,
  type TUndoDealState,
} from "@/lib/csv/opportunity-undo";

// Issue 11: the rules of a pipeline batch's undo, deal by deal.

const state = (over: Partial<TUndoDealState>): TUndoDealState => ({
  id: "d1",
  name: "Hooli pilot",
  externalId: "SF-9",
  changes: { amountMinor: ["4000000", "4500000"] },
  batchVersion: 1,
  currentVersion: 1,
  currentSameAs: null,
  previousSameAs: null,
  hasLinks: false,
  ...over,
});

describe("isAsBatchLeftIt", () => {
  it.each([
    [{ batchVersion: 1, currentVersion: 1, currentSameAs: null }, true], // untouched
    [{ batchVersion: 1, currentVersion: 2, currentSameAs: null }, false], // edited once since
    [{ batchVersion: 1, currentVersion: 3, currentSameAs: 1 }, true], // a later import, undone: back at 1
    [{ batchVersion: 1, currentVersion: 3, currentSameAs: 0 }, false], // an undo that went back further
    [{ batchVersion: null, currentVersion: 0, currentSameAs: null }, false], // not recorded
  ])("%j → %s", (d, expected) => {
    expect(isAsBatchLeftIt(d)).toBe(expected);
  });
});

describe("planOpportunityUndo", () => {
  it("removes created deals and reverts changed ones field by field, old and new swapped in the history", () => {
    const plan = planOpportunityUndo("crm.csv", [
      state({
        id: "c1",
        name: "Initech platform",
        externalId: "SF-1",
        changes: { created: [null, "Initech platform"] },
        batchVersion: 0,
        currentVersion: 0,
      }),
      state({
        changes: {
          amountMinor: ["4000000", "4500000"],
          stageId: ["s-proposal", "s-negotiation"],
          probabilityBp: [5000, 7000],
          sourceDepartmentId: [null, "dep-1"],
        },
        batchVersion: 4,
        currentVersion: 4,
      }),
    ]);
    expect(plan.edited).toEqual([]);
    expect(plan.linked).toEqual([]);
    expect(plan.remove).toEqual([{ id: "c1", name: "Initech platform", externalId: "SF-1", expectedVersion: 0 }]);
    expect(plan.revert).toEqual([
      {
        id: "d1",
        name: "Hooli pilot",
        externalId: "SF-9",
        expectedVersion: 4,
        values: { amountMinor: "4000000", stageId: "s-proposal", probabilityBp: 5000, sourceDepartmentId: null },
        history: {
          importUndone: ["crm.csv", null],
          amountMinor: ["4500000", "4000000"],
          stageId: ["s-negotiation", "s-proposal"],
          probabilityBp: [7000, 5000],
          sourceDepartmentId: ["dep-1", null],
        },
        // The import moved the deal from version 3 to 4; the undo puts it back as it was at 3.
        restoresVersion: 3,
      },
    ]);
  });

  it("a deal back at the batch's state through an undo is reverted, restoring what the earlier undo restored", () => {
    const [revert] = planOpportunityUndo("a.csv", [
      state({ batchVersion: 5, currentVersion: 7, currentSameAs: 5, previousSameAs: 2 }),
    ]).revert;
    expect(revert).toMatchObject({ expectedVersion: 7, restoresVersion: 2 });
  });

  it("collects edited deals and created deals with links, by name, and plans nothing else for them", () => {
    const plan = planOpportunityUndo("crm.csv", [
      state({ id: "x", name: "Zeta", externalId: null, currentVersion: 2 }),
      state({
        id: "y",
        name: "Alpha",
        externalId: "SF-2",
        changes: { created: [null, "Alpha"] },
        batchVersion: 0,
        currentVersion: 0,
        hasLinks: true,
      }),
      state({
        id: "z",
        name: "Beta",
        externalId: "SF-3",
        changes: { created: [null, "Beta"] },
        batchVersion: 0,
        currentVersion: 1,
        hasLinks: true,
      }),
    ]);
    expect(plan.edited.map((d) => d.name)).toEqual(["Beta", "Zeta"]);
    expect(plan.linked.map((d) => d.name)).toEqual(["Alpha"]);
    expect(plan.remove).toEqual([]);
    expect(plan.revert).toEqual([]);
  });
});

describe("messages", () => {
  const refs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `d${i}`,
      name: `Deal ${i + 1}`,
      externalId: i % 2 ? null : `SF-${i + 1}`,
    }));

  it("lists up to five deals, then how many more", () => {
    expect(dealList(refs(1))).toBe('"Deal 1" (SF-1)');
    expect(dealList(refs(2))).toBe('"Deal 1" (SF-1) and "Deal 2"');
    expect(dealList(refs(3))).toBe('"Deal 1" (SF-1), "Deal 2" and "Deal 3" (SF-3)');
    expect(dealList(refs(1_007))).toBe(
      '"Deal 1" (SF-1), "Deal 2", "Deal 3" (SF-3), "Deal 4", "Deal 5" (SF-5) and 1,002 more',
    );
  });

  it("says why an undo is refused, or nothing when it may run", () => {
    expect(undoRefusalMessage({ edited: [], linked: [] })).toBeNull();
    expect(undoRefusalMessage({ edited: refs(1), linked: [] })).toBe(
      'Nothing was undone. 1 deal was changed after this import (by hand or by a later import): "Deal 1" (SF-1). Undoing would overwrite that change; undo the later import first, or edit the deal by hand.',
    );
    expect(undoRefusalMessage({ edited: [], linked: refs(1) })).toBe(
      'Nothing was undone. 1 deal it added now has contributions or causes: "Deal 1" (SF-1). Removing it would take those along.',
    );
    expect(undoRefusalMessage({ edited: refs(2), linked: refs(2) })).toBe(
      'Nothing was undone. 2 deals were changed after this import (by hand or by a later import): "Deal 1" (SF-1) and "Deal 2". Undoing would overwrite those changes; undo the later import first, or edit the deals by hand. 2 deals it added now have contributions or causes: "Deal 1" (SF-1) and "Deal 2". Removing them would take those along.',
    );
  });

  it("says what an undo did", () => {
    expect(undoneMessage({ fileName: "crm.csv", removed: 6_711, reverted: 1 })).toBe(
      "Import of crm.csv undone: 6,711 deals removed, 1 deal restored to what it was before.",
    );
    expect(undoneMessage({ fileName: "crm.csv", removed: 0, reverted: 2 })).toBe(
      "Import of crm.csv undone: 2 deals restored to what they were before.",
    );
    expect(undoneMessage({ fileName: "crm.csv", removed: 0, reverted: 0 })).toBe(
      "Import of crm.csv undone; it had changed no deal.",
    );
  });
});
