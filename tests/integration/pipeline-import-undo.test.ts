import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { commitOpportunityImport } from "@/server/pipeline/import";
import { undoOpportunityImportBatch } from "@/server/pipeline/import-undo";
import { updateOpportunity } from "@/server/pipeline/opportunities";
import { snapshotDiff } from "@/server/pipeline/snapshot-diff-query";
import { takeWeeklySnapshot, weekOf } from "@/server/pipeline/snapshots";
import { listImportBatches } from "@/server/revenue/import-batches";
import { resolveTenant } from "@/server/tenant";
import { categoryId } from "../factories/accountability";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { interleave } from "../support/interleave";
import { tenantOf } from "../factories";

const weeklySnapshot = async (organizationId: string) => {
  const ctx = await tenantOf(organizationId);
  return db.$transaction((tx) => takeWeeklySnapshot(tx, ctx, new Date()));
};

// Issue 11 "Every import is a batch with undo": a pipeline import is listed with its counts and
// skipped lines, and its undo removes the deals it created and restores the ones it changed, all or
// nothing, recorded in the deals' history and the audit; a deal changed since refuses the undo.
// And "a snapshot diff counts imported deals as new".

const file = (text: string, name = "crm.csv") => new File([text], name, { type: "text/csv" });
const HEADER = "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date,Owner Email,Lead Source Dept";
const COLUMNS = {
  externalIdColumn: 0,
  nameColumn: 1,
  accountColumn: 2,
  amountColumn: 3,
  stageColumn: 4,
  closeDateColumn: 5,
  ownerColumn: 6,
  sourceDepartmentColumn: 7,
};
const input = (text: string, name = "crm.csv") => ({ file: file(text, name), ...COLUMNS, skipBadRows: true });
const crm = (lines: string[]) => [HEADER, ...lines].join("\n");

const deal = (org: TPipelineOrganization, externalId: string) =>
  db.opportunity.findUnique({
    where: { organizationId_externalId: { organizationId: org.organizationId, externalId } },
  });
const history = (org: TPipelineOrganization, opportunityId: string) =>
  db.opportunityChange.findMany({
    where: { organizationId: org.organizationId, opportunityId },
    orderBy: [{ changedAt: "asc" }, { version: "asc" }],
  });
const ctxOf = async (org: TPipelineOrganization, userId = org.users.salesManager.id) => {
  const ctx = await resolveTenant(userId, org.slug);
  if (!ctx) throw new Error("no tenant");
  return ctx;
};
const undo = (org: TPipelineOrganization, batchId: string, userId = org.users.salesManager.id) =>
  undoOpportunityImportBatch(userId, org.slug, { batchId });

/** An organization with two deals (SF-8 stays as it is, SF-9 the file changes) and a file that adds SF-1 and SF-2. */
async function importedOrganization() {
  const org = await createPipelineOrganization();
  const t = today();
  const unchanged = await insertOpportunity(org, {
    externalId: "SF-8",
    name: "Globex expansion",
    amountMinor: 40_000_00n,
    stage: "Proposal",
    expectedCloseDate: t.quarterStart,
  });
  const changed = await insertOpportunity(org, {
    externalId: "SF-9",
    name: "Hooli pilot",
    amountMinor: 40_000_00n,
    stage: "Proposal",
    expectedCloseDate: t.quarterStart,
  });
  const text = crm([
    `SF-1,Initech platform,Initech,12500.50,Proposal,${t.quarterEnd},,`, // 2: new
    `SF-2,Umbrella renewal,Umbrella,8000,Commit,${t.quarterEnd},,`, // 3: new
    `SF-8,Globex expansion,Globex,40000,Proposal,${t.quarterStart},,`, // 4: unchanged
    `SF-9,Hooli pilot,Hooli,45000,Negotiation,${t.quarterStart},,`, // 5: changed
    `SF-3,Bad amount,Initech,abc,Proposal,${t.quarterEnd},,`, // 6: skipped
  ]);
  const result = expectOk(await commitOpportunityImport(org.users.salesManager.id, org.slug, input(text)));
  if (result.outcome !== "imported") throw new Error("not imported");
  return { org, t, text, unchanged, changed, batchId: result.batchId };
}

describe("a pipeline import is a batch on the import list", () => {
  it("lists who, when, the file, new / changed / unchanged / skipped with its lines, and undo", async () => {
    const { org, batchId } = await importedOrganization();
    const ctx = await ctxOf(org);
    const expected = expect.objectContaining({
      id: batchId,
      kind: "opportunity",
      fileName: "crm.csv",
      createdBy: org.users.salesManager.name,
      rowCount: 4,
      newCount: 2,
      changedCount: 1,
      unchangedCount: 1,
      totalMinor: 12_500_50n + 8_000_00n + 40_000_00n + 45_000_00n,
      skipped: [{ line: 6, reason: 'non-numeric amount "abc"' }],
      undoRefusal: null,
      months: [],
    });
    // The one list (revenue page: every kind) and the pipeline import page's (its own kind).
    expect(await listImportBatches(ctx, "America/New_York", { kinds: ["revenue", "kpi", "opportunity"] })).toEqual([
      expected,
    ]);
    expect(await listImportBatches(ctx, "America/New_York", { kinds: ["opportunity"] })).toEqual([expected]);
    expect(await listImportBatches(ctx, "America/New_York", { kinds: ["revenue", "kpi"] })).toEqual([]);
    // Another organization's list does not show it.
    const other = await createPipelineOrganization();
    expect(await listImportBatches(await ctxOf(other), "America/New_York", { kinds: ["opportunity"] })).toEqual([]);
  });

  it("a batch imported before its history rows were linked says it cannot be undone, and its undo is refused", async () => {
    const { org, batchId } = await importedOrganization();
    await db.opportunityChange.updateMany({
      where: { organizationId: org.organizationId, importBatchId: batchId },
      data: { importBatchId: null },
    });
    const [item] = await listImportBatches(await ctxOf(org), "America/New_York", { kinds: ["opportunity"] });
    expect(item?.undoRefusal).toBe("It was imported before imports kept which deals they wrote.");
    const before = await snapshotOrganization(org.organizationId);
    const result = await undo(org, batchId);
    expectFailure(result, "CONFLICT");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("undoing a pipeline batch", () => {
  it("removes the deals it created, restores the ones it changed, and records both", async () => {
    const { org, changed, unchanged, batchId } = await importedOrganization();
    const afterImport = await deal(org, "SF-9");
    expect([afterImport?.amountMinor, afterImport?.stageId, afterImport?.version]).toEqual([
      45_000_00n,
      org.stage("Negotiation").id,
      1,
    ]);
    const created = [await deal(org, "SF-1"), await deal(org, "SF-2")];

    const result = expectOk(await undo(org, batchId));
    expect(result).toEqual({ batchId, fileName: "crm.csv", removed: 2, reverted: 1 });

    expect(await deal(org, "SF-1")).toBeNull();
    expect(await deal(org, "SF-2")).toBeNull();
    // Their history went with them.
    expect(
      await db.opportunityChange.count({
        where: { organizationId: org.organizationId, opportunityId: { in: created.map((d) => d?.id ?? "") } },
      }),
    ).toBe(0);
    const restored = await deal(org, "SF-9");
    expect([
      restored?.account,
      restored?.amountMinor,
      restored?.stageId,
      restored?.outcome,
      restored?.probabilityBp,
      restored?.expectedCloseDate,
    ]).toEqual([
      changed.account,
      changed.amountMinor,
      changed.stageId,
      "OPEN",
      changed.probabilityBp,
      changed.expectedCloseDate,
    ]);
    // The trigger moved the version again: a form loaded before the undo is stale.
    expect(restored?.version).toBe(2);
    expect(await deal(org, "SF-8")).toEqual(unchanged);

    // The deal's history: the import's change, then its undo (old/new swapped), neither linked to a batch now.
    const rows = await history(org, changed.id);
    expect(rows.map((r) => [r.changedById, r.changes, r.importBatchId, r.version, r.restoresVersion])).toEqual([
      [
        org.users.salesManager.id,
        {
          account: ["Globex", "Hooli"],
          amountMinor: ["4000000", "4500000"],
          stageId: [org.stage("Proposal").id, org.stage("Negotiation").id],
          probabilityBp: [5_000, 7_000],
        },
        null,
        1,
        null,
      ],
      [
        org.users.salesManager.id,
        {
          importUndone: ["crm.csv", null],
          account: ["Hooli", "Globex"],
          amountMinor: ["4500000", "4000000"],
          stageId: [org.stage("Negotiation").id, org.stage("Proposal").id],
          probabilityBp: [7_000, 5_000],
        },
        null,
        2,
        0,
      ],
    ]);

    // The batch is gone; the audit names the removed deals and the reverted ones.
    expect(await db.importBatch.count({ where: { organizationId: org.organizationId } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.organizationId, action: "opportunities.importUndone" },
    });
    expect(event).toMatchObject({ actorId: org.users.salesManager.id, entityType: "ImportBatch", entityId: batchId });
    expect(event.before).toMatchObject({
      fileName: "crm.csv",
      rowCount: 4,
      newCount: 2,
      changedCount: 1,
      unchangedCount: 1,
      skippedLines: [6],
    });
    const after = event.after as { removed: unknown[]; reverted: { externalId: string }[] };
    expect(after.removed).toEqual(
      expect.arrayContaining([
        { id: created[0]?.id, name: "Initech platform", externalId: "SF-1" },
        { id: created[1]?.id, name: "Umbrella renewal", externalId: "SF-2" },
      ]),
    );
    expect(after.removed).toHaveLength(2);
    expect(after.reverted.map((r) => r.externalId)).toEqual(["SF-9"]);

    // Undoing it again: not found, nothing changes.
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await undo(org, batchId), "NOT_FOUND");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("reopens a deal the batch won: stage, outcome, category and probability back, closedAt cleared", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const open = await insertOpportunity(org, {
      externalId: "SF-7",
      name: "Stark deal",
      amountMinor: 5_000_00n,
      stage: "Commit",
      forecastCategory: "COMMIT",
      expectedCloseDate: t.quarterEnd,
    });
    const result = expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(crm([`SF-7,Stark deal,Globex,5000,Closed won,${t.quarterEnd},,`]), "won.csv"),
      ),
    );
    if (result.outcome !== "imported") throw new Error("not imported");
    const won = await deal(org, "SF-7");
    expect([won?.outcome, won?.forecastCategory, won?.closedAt === null]).toEqual(["WON", "CLOSED", false]);
    expect(expectOk(await undo(org, result.batchId))).toMatchObject({ removed: 0, reverted: 1 });
    const back = await deal(org, "SF-7");
    expect([
      back?.stageId,
      back?.outcome,
      back?.forecastCategory,
      back?.probabilityBp,
      back?.closedAt,
      back?.amountMinor,
    ]).toEqual([open.stageId, "OPEN", "COMMIT", open.probabilityBp, null, 5_000_00n]);
  });

  it("lets the same file be imported again after its undo", async () => {
    const { org, text, batchId } = await importedOrganization();
    expectOk(await undo(org, batchId));
    const again = expectOk(await commitOpportunityImport(org.users.salesManager.id, org.slug, input(text)));
    expect(again).toMatchObject({ outcome: "imported", newCount: 2, changedCount: 1, unchangedCount: 1 });
  });

  it("a form loaded before the undo cannot overwrite it (optimistic concurrency)", async () => {
    const { org, batchId } = await importedOrganization();
    const loaded = await deal(org, "SF-9");
    expectOk(await undo(org, batchId));
    const stale = await updateOpportunity(org.users.owner.id, org.slug, {
      opportunityId: loaded?.id,
      version: loaded?.version,
      amount: "46000",
    });
    expectFailure(stale, "CONFLICT");
    expect((await deal(org, "SF-9"))?.amountMinor).toBe(40_000_00n);
  });

  it("an edit committed while the undo waits for the deal's lock is not lost: the undo sees it and is refused", async () => {
    const { org, batchId, changed } = await importedOrganization();
    const lockDeal = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
      tx.$queryRaw`SELECT 1 AS locked FROM "Opportunity" WHERE "organizationId" = ${org.organizationId} AND id = ${changed.id} FOR UPDATE`;
    // Someone's save of the deal holds its row; the undo reads its deals and waits; the save commits.
    const result = await interleave(
      lockDeal,
      () => undo(org, batchId),
      (tx) =>
        tx.opportunity.update({
          where: { organizationId_id: { organizationId: org.organizationId, id: changed.id } },
          data: { amountMinor: 47_000_00n },
        }),
    );
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toContain(
      '1 deal was changed after this import (by hand or by a later import): "Hooli pilot" (SF-9).',
    );
    expect((await deal(org, "SF-9"))?.amountMinor).toBe(47_000_00n);
    expect(await deal(org, "SF-1")).not.toBeNull();
    expect(await db.importBatch.count({ where: { organizationId: org.organizationId, id: batchId } })).toBe(1);
  });

  it("is refused, naming the deals, when a deal it created or changed was edited since; nothing changes", async () => {
    const { org, batchId } = await importedOrganization();
    const created = await deal(org, "SF-1");
    const changed = await deal(org, "SF-9");
    expectOk(
      await updateOpportunity(org.users.owner.id, org.slug, {
        opportunityId: created?.id,
        version: created?.version,
        amount: "13000",
      }),
    );
    expectOk(
      await updateOpportunity(org.users.owner.id, org.slug, {
        opportunityId: changed?.id,
        version: changed?.version,
        name: "Hooli pilot (EU)",
      }),
    );
    const before = await snapshotOrganization(org.organizationId);
    const result = await undo(org, batchId);
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe(
      'Nothing was undone. 2 deals were changed after this import (by hand or by a later import): "Hooli pilot (EU)" (SF-9) and "Initech platform" (SF-1). Undoing would overwrite those changes; undo the later import first, or edit the deals by hand.',
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("is refused while a later import changed its deals, and works once that import is undone first", async () => {
    const { org, t, batchId } = await importedOrganization();
    const later = expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(
          crm([
            `SF-1,Initech platform,Initech,20000,Proposal,${t.quarterEnd},,`,
            `SF-9,Hooli pilot,Hooli,50000,Negotiation,${t.quarterStart},,`,
          ]),
          "crm-later.csv",
        ),
      ),
    );
    if (later.outcome !== "imported") throw new Error("not imported");
    expect(later).toMatchObject({ newCount: 0, changedCount: 2 });

    const before = await snapshotOrganization(org.organizationId);
    const refused = await undo(org, batchId);
    expectFailure(refused, "CONFLICT");
    expect(!refused.ok && refused.message).toContain(
      '2 deals were changed after this import (by hand or by a later import): "Hooli pilot" (SF-9) and "Initech platform" (SF-1).',
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    // Newest first: the later import is undone (its changes reverted), then the first.
    expect(expectOk(await undo(org, later.batchId))).toMatchObject({ removed: 0, reverted: 2 });
    expect((await deal(org, "SF-1"))?.amountMinor).toBe(12_500_50n);
    expect((await deal(org, "SF-9"))?.amountMinor).toBe(45_000_00n);
    expect(expectOk(await undo(org, batchId))).toMatchObject({ removed: 2, reverted: 1 });
    expect(await deal(org, "SF-1")).toBeNull();
    const restored = await deal(org, "SF-9");
    expect([restored?.amountMinor, restored?.stageId, restored?.account]).toEqual([
      40_000_00n,
      org.stage("Proposal").id,
      "Globex",
    ]);
    // Each undo moved the version on; none went back.
    expect(restored?.version).toBe(4);
  });

  it("is refused when a deal it created now has a contribution or a cause; nothing changes", async () => {
    const { org, batchId } = await importedOrganization();
    const withContribution = await deal(org, "SF-1");
    const withCause = await deal(org, "SF-2");
    await db.contribution.create({
      data: {
        organizationId: org.organizationId,
        departmentId: org.sales.id,
        categoryId: await categoryId(org.organizationId, "SALES"),
        month: new Date(`${today().month}-01T00:00:00Z`),
        amountMinor: 1_000_00n,
        description: "Workshop",
        opportunityId: withContribution?.id,
      },
    });
    await db.opportunityCause.create({
      data: {
        organizationId: org.organizationId,
        opportunityId: withCause?.id ?? "",
        kind: "SLIPPED",
        month: new Date(`${today().month}-01T00:00:00Z`),
        amountMinor: 8_000_00n,
        lossCauseId: org.lossCause("Pricing").id,
        responsibleDepartmentId: org.sales.id,
      },
    });
    const before = await snapshotOrganization(org.organizationId);
    const result = await undo(org, batchId);
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe(
      'Nothing was undone. 2 deals it added now have contributions or causes: "Initech platform" (SF-1) and "Umbrella renewal" (SF-2). Removing them would take those along.',
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it.each([["finance"], ["legalHead"], ["viewer"]] as const)("%s may not undo it; nothing changes", async (who) => {
    const { org, batchId } = await importedOrganization();
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await undo(org, batchId, org.users[who].id), "FORBIDDEN");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("a sales manager of another organization gets not-found, by either organization's slug, and neither changes", async () => {
    const { org, batchId } = await importedOrganization();
    const other = await createPipelineOrganization();
    const [beforeA, beforeB] = await Promise.all([
      snapshotOrganization(org.organizationId),
      snapshotOrganization(other.organizationId),
    ]);
    expectFailure(await undoOpportunityImportBatch(other.users.salesManager.id, org.slug, { batchId }), "NOT_FOUND");
    expectFailure(await undoOpportunityImportBatch(other.users.salesManager.id, other.slug, { batchId }), "NOT_FOUND");
    expect(await snapshotOrganization(org.organizationId)).toEqual(beforeA);
    expect(await snapshotOrganization(other.organizationId)).toEqual(beforeB);
  });

  it("refuses an empty batch id, naming the field", async () => {
    const { org } = await importedOrganization();
    const result = await undoOpportunityImportBatch(org.users.salesManager.id, org.slug, { batchId: "" });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors?.batchId).toEqual(["Choose a batch."]);
  });
});

describe("a snapshot diff counts imported deals as new", () => {
  it("the import takes the week's snapshot first, so its deals are added", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, { externalId: "SF-8", stage: "Proposal", expectedCloseDate: t.quarterEnd });
    await insertOpportunity(org, { externalId: "SF-9", stage: "Proposal", expectedCloseDate: t.quarterEnd });
    const lines = [1, 2, 3].map((i) => `NEW-${i},New deal ${i},Initech,${i}000,Proposal,${t.quarterEnd},,`);
    expectOk(await commitOpportunityImport(org.users.salesManager.id, org.slug, input(crm(lines))));

    const snapshots = await db.pipelineSnapshot.findMany({ where: { organizationId: org.organizationId } });
    expect(snapshots.map((s) => [s.kind, s.weekOf?.toISOString().slice(0, 10)])).toEqual([
      ["WEEKLY", weekOf(new Date(), "America/New_York")],
    ]);
    expect(await db.pipelineSnapshotItem.count({ where: { organizationId: org.organizationId } })).toBe(2);
    // The scheduled weekly snapshot then finds the week taken.
    expect(await weeklySnapshot(org.organizationId)).toBe(false);
    const diff = await snapshotDiff(await ctxOf(org));
    expect(diff.buckets.added).toMatchObject({ count: 3, movedMinor: 6_000_00n });
    expect(diff.buckets.added.top.map((d) => d.name).sort()).toEqual(["New deal 1", "New deal 2", "New deal 3"]);
  });

  it("a week that already has its snapshot keeps it, and the imported deals are still added", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, { externalId: "SF-8", stage: "Proposal", expectedCloseDate: t.quarterEnd });
    expect(await weeklySnapshot(org.organizationId)).toBe(true);
    expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(crm([`NEW-1,New deal,Initech,1000,Proposal,${t.quarterEnd},,`])),
      ),
    );
    expect(await db.pipelineSnapshot.count({ where: { organizationId: org.organizationId } })).toBe(1);
    expect((await snapshotDiff(await ctxOf(org))).buckets.added).toMatchObject({ count: 1, movedMinor: 1_000_00n });
  });
});

describe("undo and deals without an amount", () => {
  it("a later file that gave an open deal its amount, undone, leaves the deal at 0 and 'No amount' again", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const first = expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(crm([`SF-5,Wayne pilot,Wayne,,Proposal,${t.quarterEnd},,`]), "first.csv"),
      ),
    );
    expect(await deal(org, "SF-5")).toMatchObject({ amountMinor: 0n, amountMissing: true });
    const second = expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(crm([`SF-5,Wayne pilot,Wayne,7500,Proposal,${t.quarterEnd},,`]), "second.csv"),
      ),
    );
    expect(await deal(org, "SF-5")).toMatchObject({ amountMinor: 7_500_00n, amountMissing: false });
    if (second.outcome !== "imported" || first.outcome !== "imported") throw new Error("not imported");

    expectOk(await undo(org, second.batchId));
    expect(await deal(org, "SF-5")).toMatchObject({ amountMinor: 0n, amountMissing: true });
    // And the first batch, undone next, removes the deal.
    expectOk(await undo(org, first.batchId));
    expect(await deal(org, "SF-5")).toBeNull();
  });
});
