import "server-only";
import { ZUndoImportInput } from "@/lib/csv/schema";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { notFound } from "../errors";
import { getBatchMonths, readSkipped, REVENUE_IMPORT_KIND } from "./import-batches";
import { assertMonthsOpen } from "../periods/open-months";

/** A revenue import batch of this organization, or not found. */
export async function findRevenueBatch(tx: Tx, ctx: TTenantContext, batchId: string) {
  const { organizationId } = ctx;
  const batch = await tx.importBatch.findFirst({
    where: { organizationId, id: batchId, kind: REVENUE_IMPORT_KIND },
    select: {
      id: true,
      fileName: true,
      fileHash: true,
      rowCount: true,
      totalMinor: true,
      roundedCount: true,
      skipped: true,
      createdAt: true,
    },
  });
  if (!batch) throw notFound("That import batch");
  return batch;
}

/**
 * Removes a revenue batch and its entries (ON DELETE CASCADE), audited as undone or as replaced by
 * a corrected file. Refused when any month the batch has entries in is closed.
 */
export async function removeRevenueBatch(
  tx: Tx,
  ctx: TTenantContext,
  batchId: string,
  audit: { action: "revenue.importUndone" | "revenue.importReplaced"; after?: Record<string, unknown> },
) {
  const { organizationId } = ctx;
  const batch = await findRevenueBatch(tx, ctx, batchId);
  const { timeZone } = ctx.organization;
  const months = (await getBatchMonths(tx, ctx, timeZone, [batch.id])).get(batch.id) ?? [];
  await assertMonthsOpen(tx, ctx, months);
  const { count } = await tx.importBatch.deleteMany({ where: { organizationId, id: batch.id } });
  if (count === 0) throw notFound("That import batch");
  const { skipped, ...kept } = batch;
  const before = { ...kept, months, skippedLines: readSkipped(skipped).map((s) => s.line) };
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: audit.action,
    entityType: "ImportBatch",
    entityId: batch.id,
    before,
    after: audit.after,
  });
  return { batchId: batch.id, fileName: batch.fileName, rowCount: batch.rowCount };
}

/** Undoes a committed import as a whole: the batch is deleted and its entries go with it. */
export const undoImportBatch = tenantMutation({
  schema: ZUndoImportInput,
  permission: "actuals.write",
  run: (ctx, input) =>
    db.$transaction(
      (tx) => removeRevenueBatch(tx, ctx, input.batchId, { action: "revenue.importUndone" }),
      // Deleting a large batch's entries through the cascade takes a few seconds.
      { timeout: 5 * 60_000, maxWait: 30_000 },
    ),
});
