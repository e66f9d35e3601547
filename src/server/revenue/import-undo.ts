import "server-only";
import { ZUndoImportInput } from "@/lib/csv/schema";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { getBatchMonths, readSkipped, REVENUE_IMPORT_KIND } from "./import-batches";
import { assertMonthsOpen } from "./period-close";

/**
 * Undoes a committed import as a whole: the batch is deleted and its entries go with it (ON DELETE
 * CASCADE). Refused when any month the batch has entries in is closed.
 */
export const undoImportBatch = tenantMutation({
  schema: ZUndoImportInput,
  permission: "actuals.write",
  run: (ctx, input) =>
    db.$transaction(
      async (tx) => {
        const { organizationId } = ctx;
        const batch = await tx.importBatch.findFirst({
          where: { organizationId, id: input.batchId, kind: REVENUE_IMPORT_KIND },
          select: { id: true, fileName: true, fileHash: true, rowCount: true, totalMinor: true, roundedCount: true, skipped: true, createdAt: true },
        });
        if (!batch) throw notFound("That import batch");
        const { timeZone } = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
        const months = (await getBatchMonths(tx, organizationId, timeZone, [batch.id])).get(batch.id) ?? [];
        await assertMonthsOpen(tx, organizationId, months);
        const { count } = await tx.importBatch.deleteMany({ where: { organizationId, id: batch.id } });
        if (count === 0) throw notFound("That import batch");
        const { skipped, ...kept } = batch;
        const before = { ...kept, months, skippedLines: readSkipped(skipped).map((s) => s.line) };
        await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "revenue.importUndone", entityType: "ImportBatch", entityId: batch.id, before });
        return { batchId: batch.id, fileName: batch.fileName, rowCount: batch.rowCount };
      },
      // Deleting a large batch's entries through the cascade takes a few seconds.
      { timeout: 5 * 60_000, maxWait: 30_000 },
    ),
});
