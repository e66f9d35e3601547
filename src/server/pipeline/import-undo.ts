import "server-only";
import type { ForecastCategory, Prisma, StageOutcome } from "@db/client";
import { ZUndoImportInput } from "@/lib/csv/schema";
import { OPPORTUNITY_IMPORT_KIND } from "@/lib/csv/opportunity-summary";
import { planOpportunityUndo, undoRefusalMessage, type TRevert, type TUndoDealState } from "@/lib/csv/opportunity-undo";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { readSkipped } from "../revenue/import-batches";
import { IMPORT_CHUNK_ROWS } from "../imports/commit";
import { CHANGE_COLUMNS, insertRows } from "./import-bulk";
import { isoDate } from "@/lib/dates";

// Undo of a pipeline import (issue 11): all or nothing, in one transaction. The deals the batch
// created are removed, the changes it made are reverted to the old values its history rows kept,
// and both are recorded: each reverted deal gets a history row naming the undone import, and the
// undo's audit event lists the removed deals. A deal changed since the import, or a created deal
// that contributions or causes now name, refuses the undo (src/lib/csv/opportunity-undo.ts).

type TDealColumns = {
  account: string;
  amountMinor: bigint;
  amountMissing: boolean;
  stageId: string;
  outcome: StageOutcome;
  probabilityBp: number;
  forecastCategory: ForecastCategory;
  expectedCloseDate: Date;
  ownerId: string;
  sourceDepartmentId: string | null;
  closedAt: Date | null;
};
type TRow = Omit<TUndoDealState, "changes"> & TDealColumns & { changes: Prisma.JsonValue };

/**
 * The deals the batch wrote, locked (FOR UPDATE, like a deal's edit) so no edit lands between the
 * check and the write, with what the rules need: their version now, the version the batch left,
 * the undo states around them, and whether anything links to them.
 */
async function lockedDeals(tx: Tx, organizationId: string, batchId: string): Promise<TRow[]> {
  return tx.$queryRaw<TRow[]>`
    SELECT o.id, o.name, o."externalId", o.account, o."amountMinor", o."amountMissing", o."stageId", o.outcome, o."probabilityBp", o."forecastCategory",
      o."expectedCloseDate", o."ownerId", o."sourceDepartmentId", o."closedAt", c.changes, c.version AS "batchVersion", o.version AS "currentVersion",
      (SELECT u."restoresVersion" FROM "OpportunityChange" u
        WHERE u."organizationId" = o."organizationId" AND u."opportunityId" = o.id AND u.version = o.version AND u."restoresVersion" IS NOT NULL
        ORDER BY u."changedAt" DESC LIMIT 1) AS "currentSameAs",
      (SELECT p."restoresVersion" FROM "OpportunityChange" p
        WHERE p."organizationId" = o."organizationId" AND p."opportunityId" = o.id AND p.version = c.version - 1 AND p."restoresVersion" IS NOT NULL
        ORDER BY p."changedAt" DESC LIMIT 1) AS "previousSameAs",
      (EXISTS (SELECT 1 FROM "Contribution" k WHERE k."organizationId" = o."organizationId" AND k."opportunityId" = o.id)
        OR EXISTS (SELECT 1 FROM "OpportunityCause" x WHERE x."organizationId" = o."organizationId" AND x."opportunityId" = o.id)) AS "hasLinks"
    FROM "OpportunityChange" c
    JOIN "Opportunity" o ON o."organizationId" = c."organizationId" AND o.id = c."opportunityId"
    WHERE c."organizationId" = ${organizationId} AND c."importBatchId" = ${batchId}
    ORDER BY o.id
    FOR UPDATE OF o`;
}

const has = (values: TRevert["values"], field: keyof TRevert["values"]) => Object.hasOwn(values, field);

/**
 * The deal's row after its revert: each field the batch changed takes its value from before the
 * batch, the others stay. closedAt follows the outcome, as on an edit: cleared when the deal
 * reopens, set when it closes, kept when the outcome stays.
 */
function revertedRow(revert: TRevert, now: TRow, stages: Map<string, StageOutcome>, at: Date) {
  const v = revert.values;
  const stageId = has(v, "stageId") ? String(v.stageId) : now.stageId;
  const outcome = has(v, "stageId") ? stages.get(stageId) : now.outcome;
  if (!outcome)
    throw new AppError(
      "CONFLICT",
      `"${revert.name}" was in a stage that no longer exists, so it cannot be restored. Nothing was undone.`,
    );
  return {
    id: revert.id,
    version: revert.expectedVersion,
    name: has(v, "name") ? String(v.name) : now.name,
    account: has(v, "account") ? String(v.account) : now.account,
    // The history shows a deal without an amount as null: it goes back to 0 and "No amount".
    amountMinor: has(v, "amountMinor") ? String(v.amountMinor ?? 0) : now.amountMinor.toString(),
    amountMissing: has(v, "amountMinor") ? v.amountMinor === null : now.amountMissing,
    stageId,
    outcome,
    probabilityBp: has(v, "probabilityBp") ? Number(v.probabilityBp) : now.probabilityBp,
    forecastCategory: has(v, "forecastCategory") ? String(v.forecastCategory) : now.forecastCategory,
    expectedCloseDate: has(v, "expectedCloseDate") ? String(v.expectedCloseDate) : isoDate(now.expectedCloseDate),
    ownerId: has(v, "ownerId") ? String(v.ownerId) : now.ownerId,
    sourceDepartmentId: has(v, "sourceDepartmentId")
      ? v.sourceDepartmentId === null
        ? null
        : String(v.sourceDepartmentId)
      : now.sourceDepartmentId,
    closedAt: outcome === now.outcome ? now.closedAt : outcome === "OPEN" ? null : at,
  };
}

/**
 * Writes the reverted rows, one UPDATE … FROM jsonb_to_recordset per chunk, each guarded by the
 * version checked under the lock; returns each deal's version after (the trigger moves it by one).
 */
async function writeReverts(
  tx: Tx,
  organizationId: string,
  rows: ReturnType<typeof revertedRow>[],
  at: Date,
): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK_ROWS);
    const written = await tx.$queryRaw<{ id: string; version: number }[]>`
      UPDATE "Opportunity" o SET name = r.name, account = r.account, "amountMinor" = r."amountMinor", "amountMissing" = r."amountMissing", "stageId" = r."stageId",
        outcome = r.outcome, "probabilityBp" = r."probabilityBp", "forecastCategory" = r."forecastCategory",
        "expectedCloseDate" = r."expectedCloseDate", "ownerId" = r."ownerId", "sourceDepartmentId" = r."sourceDepartmentId",
        "closedAt" = r."closedAt", "updatedAt" = ${at}
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(
        id text, version integer, name text, account text, "amountMinor" bigint, "amountMissing" boolean, "stageId" text, outcome "StageOutcome", "probabilityBp" integer,
        "forecastCategory" "ForecastCategory", "expectedCloseDate" date, "ownerId" text, "sourceDepartmentId" text, "closedAt" timestamptz)
      WHERE o."organizationId" = ${organizationId} AND o.id = r.id AND o.version = r.version
      RETURNING o.id, o.version`;
    if (written.length !== chunk.length)
      throw new AppError(
        "CONFLICT",
        "A deal of this import was changed while it was undone. Nothing was undone; try again.",
      );
    for (const w of written) versions.set(w.id, w.version);
  }
  return versions;
}

/** Removes the deals a pipeline batch created and reverts the ones it changed; refuses as a whole. */
export const undoOpportunityImportBatch = tenantMutation({
  schema: ZUndoImportInput,
  permission: "pipeline.write",
  run: (ctx, input) =>
    db.$transaction(
      async (tx) => {
        const { organizationId } = ctx;
        // Locks the batch: a second undo of it waits here, then finds it gone.
        const [batch] = await tx.$queryRaw<
          {
            id: string;
            fileName: string;
            rowCount: number;
            newCount: number;
            changedCount: number;
            unchangedCount: number;
            skipped: Prisma.JsonValue;
            createdAt: Date;
          }[]
        >`
          SELECT id, "fileName", "rowCount", "newCount", "changedCount", "unchangedCount", skipped, "createdAt" FROM "ImportBatch"
          WHERE "organizationId" = ${organizationId} AND id = ${input.batchId} AND kind = ${OPPORTUNITY_IMPORT_KIND} FOR UPDATE`;
        if (!batch) throw notFound("That import batch");
        const rows = await lockedDeals(tx, organizationId, batch.id);
        if (rows.length < batch.newCount + batch.changedCount) {
          throw new AppError(
            "CONFLICT",
            "This import was made before imports kept what they wrote, so it cannot be undone. Nothing was undone.",
          );
        }
        const plan = planOpportunityUndo(
          batch.fileName,
          rows.map((r) => ({ ...r, changes: r.changes as TUndoDealState["changes"] })),
        );
        const refusal = undoRefusalMessage(plan);
        if (refusal) throw new AppError("CONFLICT", refusal);

        const at = new Date();
        const stages = new Map(
          (await tx.pipelineStage.findMany({ where: { organizationId }, select: { id: true, outcome: true } })).map(
            (s) => [s.id, s.outcome],
          ),
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        // Guarded by the versions checked above (the rows are locked, so the guard states the rule).
        const versions = await writeReverts(
          tx,
          organizationId,
          plan.revert.map((revert) => revertedRow(revert, byId.get(revert.id) as TRow, stages, at)),
          at,
        );
        const history = plan.revert.map((revert) => ({
          organizationId,
          id: crypto.randomUUID(),
          opportunityId: revert.id,
          changedById: ctx.userId,
          changedAt: at,
          changes: revert.history,
          importBatchId: null,
          version: versions.get(revert.id),
          restoresVersion: revert.restoresVersion,
        }));
        await insertRows(tx, "OpportunityChange", { ...CHANGE_COLUMNS, restoresVersion: "integer" }, history);
        // The history rows of the reverted deals stay; they no longer point at a batch.
        await tx.opportunityChange.updateMany({
          where: { organizationId, importBatchId: batch.id },
          data: { importBatchId: null },
        });
        if (plan.remove.length) {
          // Their history goes with them (ON DELETE CASCADE); the audit event below keeps who they were.
          const removed = await tx.$executeRaw`
            DELETE FROM "Opportunity" o USING jsonb_to_recordset(${JSON.stringify(plan.remove.map((d) => ({ id: d.id, version: d.expectedVersion })))}::jsonb) AS r(id text, version integer)
            WHERE o."organizationId" = ${organizationId} AND o.id = r.id AND o.version = r.version`;
          if (removed !== plan.remove.length)
            throw new AppError(
              "CONFLICT",
              "A deal of this import was changed while it was undone. Nothing was undone; try again.",
            );
        }
        const { count } = await tx.importBatch.deleteMany({ where: { organizationId, id: batch.id } });
        if (count === 0) throw notFound("That import batch");
        const { skipped, ...kept } = batch;
        await recordAudit(tx, {
          organizationId,
          actor: ctx.actor,
          action: "opportunities.importUndone",
          entityType: "ImportBatch",
          entityId: batch.id,
          before: { ...kept, kind: OPPORTUNITY_IMPORT_KIND, skippedLines: readSkipped(skipped).map((s) => s.line) },
          after: {
            removed: plan.remove.map(({ id, name, externalId }) => ({ id, name, externalId })),
            reverted: plan.revert.map(({ id, name, externalId, history: changes }) => ({
              id,
              name,
              externalId,
              changes,
            })),
          },
        });
        return {
          batchId: batch.id,
          fileName: batch.fileName,
          removed: plan.remove.length,
          reverted: plan.revert.length,
        };
      },
      // A batch of thousands of deals reverts in seconds; the bound only stops a transaction that hangs.
      { timeout: 5 * 60_000, maxWait: 30_000 },
    ),
});
