import "server-only";
import { z } from "zod";
import { KPI_IMPORT_KIND } from "@/lib/csv/kpi-wire";
import { ZUndoImportInput } from "@/lib/csv/schema";
import { can } from "@/lib/permissions";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { assertMonthsOpen } from "../periods/open-months";
import type { TTenantContext } from "../tenant";

// Undo of a KPI import batch. A value the batch created is removed; a value it replaced is restored
// from the audit event of the import (which records the values it replaced); a value changed since
// (by hand or by a later import) no longer belongs to the batch and is left alone. A batch imported
// before the replaced values were recorded, that replaced any, cannot be undone, and says why.

const ZReplaced = z.array(
  z.object({
    kpiId: z.string(),
    month: z.string(),
    valueScaled: z.string(),
    targetScaled: z.string().nullable(),
    importBatchId: z.string().nullable(),
    updatedById: z.string().nullable(),
    updatedAt: z.string(),
  }),
);
const ZImported = z.object({ departmentId: z.string(), changedCount: z.number().int(), months: z.array(z.string()) });

export type TKpiUndoInfo = {
  departmentId: string;
  months: MonthKey[];
  replaced: z.infer<typeof ZReplaced> | null;
  changedCount: number;
};

/** What the import's audit event says about a KPI batch; null when there is no readable event. */
export async function readKpiBatchAudit(
  tx: Tx,
  ctx: TTenantContext,
  batchIds: string[],
): Promise<Map<string, TKpiUndoInfo>> {
  const { organizationId } = ctx;
  const events = batchIds.length
    ? await tx.auditEvent.findMany({
        where: { organizationId, action: "kpiValues.imported", entityType: "ImportBatch", entityId: { in: batchIds } },
        select: { entityId: true, before: true, after: true },
      })
    : [];
  const info = new Map<string, TKpiUndoInfo>();
  for (const event of events) {
    const after = ZImported.safeParse(event.after);
    if (!after.success || !event.entityId) continue;
    const before = z.object({ replacedValues: ZReplaced }).safeParse(event.before);
    info.set(event.entityId, {
      departmentId: after.data.departmentId,
      months: after.data.months as MonthKey[],
      replaced: before.success ? before.data.replacedValues : null,
      changedCount: after.data.changedCount,
    });
  }
  return info;
}

/** Why a KPI batch cannot be undone, or null when it can. */
export function kpiUndoRefusal(info: TKpiUndoInfo | undefined): string | null {
  if (!info) return "Its import record was not found, so its values cannot be traced back.";
  if (info.changedCount > 0 && info.replaced === null)
    return info.changedCount === 1
      ? "It replaced an earlier value that was not recorded, so it cannot be restored."
      : `It replaced ${info.changedCount} earlier values that were not recorded, so they cannot be restored.`;
  return null;
}

export const undoKpiImportBatch = tenantMutation({
  schema: ZUndoImportInput,
  permission: {
    permission: "department.write",
    departmentOf: async (ctx, input) =>
      (await readKpiBatchAudit(db, ctx, [input.batchId])).get(input.batchId)?.departmentId ?? null,
  },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const batch = await tx.importBatch.findFirst({
        where: { organizationId, id: input.batchId, kind: KPI_IMPORT_KIND },
        select: { id: true, fileName: true, rowCount: true, createdAt: true },
      });
      if (!batch) throw notFound("That import batch");
      const info = (await readKpiBatchAudit(tx, ctx, [batch.id])).get(batch.id);
      if (info && !can(ctx, "department.write", info.departmentId))
        throw new AppError("FORBIDDEN", "Only a writer of the batch's department can undo it.");
      const refusal = kpiUndoRefusal(info);
      if (refusal || !info) throw new AppError("CONFLICT", `This KPI import cannot be undone. ${refusal}`);
      await assertMonthsOpen(tx, ctx, info.months);
      // Restore what it replaced, where the value is still the batch's.
      let restored = 0;
      for (const value of info.replaced ?? []) {
        const previousBatchExists = value.importBatchId
          ? (await tx.importBatch.count({ where: { organizationId, id: value.importBatchId } })) > 0
          : false;
        const { count } = await tx.kpiValue.updateMany({
          where: {
            organizationId,
            kpiId: value.kpiId,
            month: monthToDbDate(value.month as MonthKey),
            importBatchId: batch.id,
          },
          data: {
            valueScaled: BigInt(value.valueScaled),
            targetScaled: value.targetScaled === null ? null : BigInt(value.targetScaled),
            importBatchId: previousBatchExists ? value.importBatchId : null,
            updatedById: value.updatedById,
            updatedAt: new Date(value.updatedAt),
          },
        });
        restored += count;
      }
      // What is still the batch's now was created by it.
      const { count: removed } = await tx.kpiValue.deleteMany({ where: { organizationId, importBatchId: batch.id } });
      await tx.importBatch.deleteMany({ where: { organizationId, id: batch.id } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "kpiValues.importUndone",
        entityType: "ImportBatch",
        entityId: batch.id,
        before: { fileName: batch.fileName, rowCount: batch.rowCount, createdAt: batch.createdAt },
        after: { removed, restored },
      });
      return { batchId: batch.id, fileName: batch.fileName, removed, restored };
    }),
});
