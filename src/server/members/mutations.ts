import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "@/env";
import {
  ZChangeMemberRoleInput,
  ZInviteMemberInput,
  ZRemoveMemberInput,
  ZRevokeInvitationInput,
} from "@/lib/schemas/members";
import { tenantMutation } from "../action";
import { memberIdOf } from "../tenant";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { resolveDepartmentBinding } from "../departments/binding";
import { createOnce } from "../concurrency";
import { AppError, notFound } from "../errors";
import type { TTenantContext } from "../tenant";

export const INVITATION_TTL_DAYS = 7;

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * Link tokens are `<organizationId>.<secret>`: the tenant is part of the key, the secret is stored
 * hashed. With a form's submission id the secret is derived from it with the server's key, so a
 * retried submit answers the same link it created the first time without the secret being stored.
 */
export function newInvitationToken(ctx: TTenantContext, submissionId: string | null = null) {
  const { organizationId } = ctx;
  const secret = submissionId
    ? createHmac("sha256", env().NEXTAUTH_SECRET)
        .update(`invitation:${organizationId}:${submissionId}`)
        .digest()
        .subarray(0, 24)
        .toString("base64url")
    : randomBytes(24).toString("base64url");
  return { token: `${organizationId}.${secret}`, tokenHash: hashToken(secret) };
}

export const inviteMember = tenantMutation({
  schema: ZInviteMemberInput,
  permission: "members.manage",
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const found = await db.invitation.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return found && { invitationId: found.id, token: newInvitationToken(ctx, submissionId).token };
      },
      () =>
        db.$transaction(async (tx) => {
          const { organizationId } = ctx;
          const departmentId = await resolveDepartmentBinding(tx, ctx, input.role, input.departmentId);
          const isMember = await tx.membership.findFirst({
            where: { organizationId, user: { email: input.email } },
            select: { id: true },
          });
          if (isMember) {
            throw new AppError("CONFLICT", "This person is already a member.", {
              email: ["This person is already a member."],
            });
          }
          // A new invitation to the same address replaces any pending one, so only one link works.
          await tx.invitation.updateMany({
            where: { organizationId, email: input.email, acceptedAt: null, revokedAt: null },
            data: { revokedAt: new Date() },
          });
          const { token, tokenHash } = newInvitationToken(ctx, input.submissionId);
          const invitation = await tx.invitation.create({
            data: {
              organizationId,
              email: input.email,
              role: input.role,
              departmentId,
              tokenHash,
              invitedById: memberIdOf(ctx),
              submissionId: input.submissionId,
              expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
            },
            select: { id: true, email: true, role: true, departmentId: true, expiresAt: true },
          });
          await recordAudit(tx, {
            organizationId,
            actor: ctx.actor,
            action: "invitation.created",
            entityType: "Invitation",
            entityId: invitation.id,
            after: invitation,
          });
          return { invitationId: invitation.id, token };
        }),
    ),
});

export const revokeInvitation = tenantMutation({
  schema: ZRevokeInvitationInput,
  permission: "members.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const where = { organizationId: ctx.organizationId, id: input.invitationId, acceptedAt: null, revokedAt: null };
      const { count } = await tx.invitation.updateMany({ where, data: { revokedAt: new Date() } });
      if (count === 0) throw notFound("That pending invitation");
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: "invitation.revoked",
        entityType: "Invitation",
        entityId: input.invitationId,
      });
      return { invitationId: input.invitationId };
    }),
});

/** Locks the organization's owner rows so two concurrent demotions cannot both pass the check. */
async function assertAnotherOwnerRemains(tx: Tx, organizationId: string, membershipId: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${organizationId} AND role = 'OWNER' FOR UPDATE`;
  if (!owners.some((o) => o.id !== membershipId)) {
    throw new AppError("CONFLICT", "An organization needs at least one owner. Make someone else an owner first.");
  }
}

async function getMembershipForUpdate(tx: Tx, organizationId: string, membershipId: string) {
  const membership = await tx.membership.findUnique({
    where: { organizationId_id: { organizationId, id: membershipId } },
    select: { id: true, userId: true, role: true, departmentId: true },
  });
  if (!membership) throw notFound("That member");
  return membership;
}

export const changeMemberRole = tenantMutation({
  schema: ZChangeMemberRoleInput,
  permission: "members.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getMembershipForUpdate(tx, organizationId, input.membershipId);
      if (before.role === "OWNER" && input.role !== "OWNER")
        await assertAnotherOwnerRemains(tx, organizationId, before.id);
      const departmentId = await resolveDepartmentBinding(tx, ctx, input.role, input.departmentId);
      const { count } = await tx.membership.updateMany({
        where: { organizationId, id: before.id },
        data: { role: input.role, departmentId },
      });
      if (count === 0) throw notFound("That member");
      const after = { ...before, role: input.role, departmentId };
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "membership.updated",
        entityType: "Membership",
        entityId: before.id,
        before,
        after,
      });
      return after;
    }),
});

export const removeMember = tenantMutation({
  schema: ZRemoveMemberInput,
  permission: "members.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getMembershipForUpdate(tx, organizationId, input.membershipId);
      if (before.role === "OWNER") await assertAnotherOwnerRemains(tx, organizationId, before.id);
      const { count } = await tx.membership.deleteMany({ where: { organizationId, id: before.id } });
      if (count === 0) throw notFound("That member");
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "membership.removed",
        entityType: "Membership",
        entityId: before.id,
        before,
      });
      return { membershipId: before.id };
    }),
});
