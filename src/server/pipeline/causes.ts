import "server-only";
import { can } from "@/lib/permissions";
import { ZDisputeCauseInput, ZSettleCauseInput } from "@/lib/schemas/pipeline";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { TTenantContext } from "../tenant";
import { forbidden } from "../accountability/guards";

/** The department a cause is charged to, for the permission declaration (null: not found). */
async function causeDepartment(ctx: TTenantContext, causeId: string): Promise<string | null> {
  const row = await db.opportunityCause.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: causeId } },
    select: { responsibleDepartmentId: true },
  });
  return row?.responsibleDepartmentId ?? null;
}

async function getCause(tx: Tx, ctx: TTenantContext, causeId: string) {
  const cause = await tx.opportunityCause.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: causeId } },
  });
  if (!cause) throw notFound("That lost or slipped deal");
  return cause;
}

/** The head of the department named responsible disputes the attribution, with a reason. */
export const disputeCause = tenantMutation({
  schema: ZDisputeCauseInput,
  // The responsible department comes from the cause: the role gate here, its department checked below.
  permission: { permission: "department.write", departmentOf: (ctx, input) => causeDepartment(ctx, input.causeId) },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getCause(tx, ctx, input.causeId);
      if (!can(ctx, "department.write", before.responsibleDepartmentId)) throw forbidden();
      if (before.status !== "ATTRIBUTED")
        throw new AppError("CONFLICT", `This attribution is already ${before.status.toLowerCase()}.`);
      const data = {
        status: "DISPUTED" as const,
        disputeReason: input.reason,
        disputedById: ctx.userId,
        disputedAt: new Date(),
      };
      const { count } = await tx.opportunityCause.updateMany({
        where: { organizationId, id: before.id, status: "ATTRIBUTED" },
        data,
      });
      if (count !== 1) throw new AppError("CONFLICT", "This attribution changed a moment ago. Reload to see it.");
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "cause.disputed",
        entityType: "OpportunityCause",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { causeId: before.id };
    }),
});

/**
 * FINANCE or OWNER settles a disputed attribution: upheld, it keeps counting against the
 * department; overturned, it leaves the department's bar for "unattributed".
 */
export const settleCause = tenantMutation({
  schema: ZSettleCauseInput,
  permission: "contributions.review",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getCause(tx, ctx, input.causeId);
      if (before.status !== "DISPUTED")
        throw new AppError(
          "CONFLICT",
          before.status === "ATTRIBUTED"
            ? "Only a disputed attribution is settled."
            : `This attribution is already ${before.status.toLowerCase()}.`,
        );
      const data = {
        status: input.decision,
        settleReason: input.reason,
        settledById: ctx.userId,
        settledAt: new Date(),
      };
      const { count } = await tx.opportunityCause.updateMany({
        where: { organizationId, id: before.id, status: "DISPUTED" },
        data,
      });
      if (count !== 1) throw new AppError("CONFLICT", "This attribution changed a moment ago. Reload to see it.");
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: input.decision === "UPHELD" ? "cause.upheld" : "cause.overturned",
        entityType: "OpportunityCause",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { causeId: before.id, status: input.decision };
    }),
});
