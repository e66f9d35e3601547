import "server-only";
import { z } from "zod";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { localWeekOf } from "@/lib/schedule";

/** Copies every deal into a new snapshot in one INSERT … SELECT. */
async function copyPipeline(tx: Tx, organizationId: string, snapshotId: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "PipelineSnapshotItem" ("organizationId", "snapshotId", "opportunityId", name, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate")
    SELECT "organizationId", ${snapshotId}, id, name, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate"
    FROM "Opportunity" WHERE "organizationId" = ${organizationId}`;
}

/** Anyone who may change the pipeline snapshots it on demand. */
export const takeSnapshot = tenantMutation({
  schema: z.object({}),
  permission: "pipeline.write",
  run: (ctx) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const snapshot = await tx.pipelineSnapshot.create({
        data: { organizationId, kind: "MANUAL", takenById: ctx.userId },
      });
      const deals = await copyPipeline(tx, organizationId, snapshot.id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "pipeline.snapshot",
        entityType: "PipelineSnapshot",
        entityId: snapshot.id,
        after: { ...snapshot, deals },
      });
      return { snapshotId: snapshot.id, deals };
    }),
});

/** Monday ("YYYY-MM-DD") of the week `now` falls in, in the organization's time zone. */
export const weekOf = (now: Date, timeZone: string) => localWeekOf(now, timeZone);

/**
 * The week's snapshot inside `tx`, unless the week has one: what a pipeline import calls before it
 * writes, so that "what changed since the last snapshot" compares with the pipeline before the
 * import (a snapshot first taken on the next page view would already hold the imported deals).
 */
export async function takeWeeklySnapshot(
  tx: Tx,
  ctx: TTenantContext,
  now: Date,
  weekKey: string = weekOf(now, ctx.organization.timeZone),
): Promise<boolean> {
  const { organizationId } = ctx;
  const week = new Date(`${weekKey}T00:00:00Z`);
  const created = await tx.pipelineSnapshot.createManyAndReturn({
    data: [{ organizationId, kind: "WEEKLY", weekOf: week, takenAt: now }],
    skipDuplicates: true,
    select: { id: true },
  });
  const snapshot = created[0];
  if (!snapshot) return false;
  const deals = await copyPipeline(tx, organizationId, snapshot.id);
  await recordAudit(tx, {
    organizationId,
    // The job's own context names the job; an import that takes the week's first snapshot acts for it.
    actor: ctx.actor.kind === "system" ? ctx.actor : { kind: "system", job: "pipeline-snapshot" },
    action: "pipeline.snapshot.weekly",
    entityType: "PipelineSnapshot",
    entityId: snapshot.id,
    after: { weekOf: weekKey, deals },
  });
  return true;
}
