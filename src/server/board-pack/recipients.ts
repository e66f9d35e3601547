import "server-only";
import type { Role } from "@db/enums";
import { ZBoardPackRecipientsInput } from "@/lib/schemas/board-pack";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";

export type TBoardPackCandidate = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  chosen: boolean;
  /** Why email would not reach them, or null. */
  blocked: "unverified" | "unsubscribed" | null;
};

/** Every member, whether they receive the board pack, and whether email can reach them. */
export async function listBoardPackCandidates(ctx: TTenantContext): Promise<TBoardPackCandidate[]> {
  const { organizationId } = ctx;
  const [recipients, memberships] = await Promise.all([
    db.boardPackRecipient.findMany({ where: { organizationId }, select: { userId: true } }),
    db.membership.findMany({
      where: { organizationId },
      select: {
        role: true,
        user: { select: { id: true, name: true, email: true, emailVerifiedAt: true, emailFrequency: true } },
      },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const chosen = new Set(recipients.map((r) => r.userId));
  return memberships.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    chosen: chosen.has(m.user.id),
    blocked: m.user.emailVerifiedAt === null ? "unverified" : m.user.emailFrequency === "NONE" ? "unsubscribed" : null,
  }));
}

/**
 * Replaces the board pack's recipients with the chosen members (owners). Anyone not a member of
 * this organization is refused as not found, and nothing changes.
 */
export const setBoardPackRecipients = tenantMutation({
  schema: ZBoardPackRecipientsInput,
  permission: "organization.update",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const chosen = [...new Set(input.userIds)];
      const members = await tx.membership.findMany({
        where: { organizationId, userId: { in: chosen } },
        select: { userId: true },
      });
      if (members.length !== chosen.length)
        throw new AppError("NOT_FOUND", "Recipients: one of the chosen people is not a member of this organization.", {
          userIds: ["Choose members of this organization."],
        });
      const before = (
        await tx.boardPackRecipient.findMany({ where: { organizationId }, select: { userId: true } })
      ).map((r) => r.userId);
      await tx.boardPackRecipient.deleteMany({ where: { organizationId, userId: { notIn: chosen } } });
      await tx.boardPackRecipient.createMany({
        data: chosen.map((userId) => ({ organizationId, userId })),
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "boardPack.recipients",
        entityType: "Organization",
        entityId: organizationId,
        before: { recipients: before.sort() },
        after: { recipients: [...chosen].sort() },
      });
      return { count: chosen.length };
    }),
});
