import "server-only";
import { parseMoneyInput } from "@/lib/money";
import { ZCommitmentIdInput, ZCreateCommitmentInput, ZResolveCommitmentInput } from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, assertAmountBound, notFound } from "../errors";
import { getOrganizationMoney } from "../organizations/queries";
import { createOnce, lastAuditedChange, staleSave } from "../concurrency";
import type { TTenantContext } from "../tenant";
import { assertDepartmentWrite, departmentForWrite } from "./guards";

const changedMeanwhile = () => new AppError("CONFLICT", "This commitment changed a moment ago. Reload to see it.");

const CHANGE_VERBS: Record<string, string> = {
  "commitment.done": "marked this commitment done",
  "commitment.missed": "marked this commitment missed",
  "commitment.reopened": "reopened this commitment",
  "commitment.created": "created this commitment",
};

/** Who changed the commitment since the form loaded it, how and when. */
async function staleCommitment(tx: Tx, ctx: TTenantContext, commitmentId: string) {
  const change = await lastAuditedChange(tx, ctx, "Commitment", commitmentId, Object.keys(CHANGE_VERBS));
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  return staleSave((change && CHANGE_VERBS[change.action]) ?? "changed this commitment", change, timeZone);
}

/** A commitment of this organization whose department the actor may write. */
async function commitmentForWrite(tx: Tx, ctx: TTenantContext, commitmentId: string) {
  const commitment = await tx.commitment.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: commitmentId } },
  });
  if (!commitment) throw notFound("That commitment");
  assertDepartmentWrite(ctx, commitment.departmentId);
  return commitment;
}

/** The department a commitment belongs to, for the permission declaration (null: not found). */
async function commitmentDepartment(ctx: TTenantContext, commitmentId: string): Promise<string | null> {
  const row = await db.commitment.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: commitmentId } },
    select: { departmentId: true },
  });
  return row?.departmentId ?? null;
}

/** A department promises an action with an owner (a member of this organization), a due date and an expected impact. */
export const createCommitment = tenantMutation({
  schema: ZCreateCommitmentInput,
  permission: { permission: "department.write", department: (input) => input.departmentId },
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const found = await db.commitment.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return found && { commitmentId: found.id };
      },
      () =>
        db.$transaction(async (tx) => {
          const { organizationId } = ctx;
          const department = await departmentForWrite(tx, ctx, input.departmentId);
          const owner = await tx.membership.findUnique({
            where: { organizationId_userId: { organizationId, userId: input.ownerId } },
            select: { userId: true },
          });
          if (!owner)
            throw new AppError("VALIDATION", "Choose an owner.", {
              ownerId: ["Choose a member of this organization."],
            });
          const { digits, currency } = await getOrganizationMoney(tx, ctx);
          const expectedImpactMinor = parseMoneyInput(input.expectedImpact, digits);
          if (expectedImpactMinor === null || expectedImpactMinor <= 0n) {
            throw new AppError("VALIDATION", "Enter the expected impact.", {
              expectedImpact: [
                `Enter the revenue this should bring back, above zero, with at most ${digits} decimals.`,
              ],
            });
          }
          assertAmountBound(expectedImpactMinor, currency, "expectedImpact");
          const commitment = await tx.commitment.create({
            data: {
              organizationId,
              departmentId: department.id,
              title: input.title,
              ownerId: owner.userId,
              dueDate: new Date(`${input.dueDate}T00:00:00Z`),
              expectedImpactMinor,
              createdById: ctx.userId,
              submissionId: input.submissionId,
            },
          });
          await recordAudit(tx, {
            organizationId,
            actor: ctx.actor,
            action: "commitment.created",
            entityType: "Commitment",
            entityId: commitment.id,
            after: commitment,
          });
          return { commitmentId: commitment.id };
        }),
    ),
});

/** Marks an open commitment DONE (delivered defaults to the expected impact) or MISSED (defaults to nothing delivered). */
export const resolveCommitment = tenantMutation({
  schema: ZResolveCommitmentInput,
  permission: {
    permission: "department.write",
    departmentOf: (ctx, input) => commitmentDepartment(ctx, input.commitmentId),
  },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await commitmentForWrite(tx, ctx, input.commitmentId);
      if (input.version !== undefined && input.version !== before.version)
        throw await staleCommitment(tx, ctx, before.id);
      if (before.status !== "OPEN")
        throw new AppError(
          "CONFLICT",
          `This commitment is already marked ${before.status.toLowerCase()}. Reopen it first to change that.`,
        );
      let deliveredImpactMinor = input.status === "DONE" ? before.expectedImpactMinor : 0n;
      if (input.delivered) {
        const { digits, currency } = await getOrganizationMoney(tx, ctx);
        const parsed = parseMoneyInput(input.delivered, digits);
        if (parsed === null || parsed < 0n)
          throw new AppError("VALIDATION", "Enter the delivered impact.", {
            delivered: [`Enter the revenue it brought back, zero or more, with at most ${digits} decimals.`],
          });
        assertAmountBound(parsed, currency, "delivered");
        deliveredImpactMinor = parsed;
      }
      const data = { status: input.status, deliveredImpactMinor, resolvedAt: new Date() };
      // Guarded by status, so two people resolving at once cannot both win (and both be audited).
      const { count } = await tx.commitment.updateMany({
        where: { organizationId, id: before.id, status: "OPEN", version: before.version },
        data,
      });
      if (count !== 1) throw await staleCommitment(tx, ctx, before.id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: `commitment.${input.status === "DONE" ? "done" : "missed"}`,
        entityType: "Commitment",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { commitmentId: before.id, status: input.status };
    }),
});

/** Puts a resolved commitment back to OPEN (a mistaken mark), clearing what it delivered. */
export const reopenCommitment = tenantMutation({
  schema: ZCommitmentIdInput,
  permission: {
    permission: "department.write",
    departmentOf: (ctx, input) => commitmentDepartment(ctx, input.commitmentId),
  },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await commitmentForWrite(tx, ctx, input.commitmentId);
      if (before.status === "OPEN") throw new AppError("CONFLICT", "This commitment is already open.");
      const data = { status: "OPEN" as const, deliveredImpactMinor: null, resolvedAt: null };
      const { count } = await tx.commitment.updateMany({
        where: { organizationId, id: before.id, status: before.status },
        data,
      });
      if (count !== 1) throw changedMeanwhile();
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "commitment.reopened",
        entityType: "Commitment",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { commitmentId: before.id };
    }),
});
