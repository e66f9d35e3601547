import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

export function listMembers(ctx: TTenantContext) {
  return db.membership.findMany({
    where: { organizationId: ctx.organizationId },
    select: {
      id: true,
      role: true,
      departmentId: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      department: { select: { name: true, kind: true } },
    },
    orderBy: { user: { name: "asc" } },
  });
}

export function listPendingInvitations(ctx: TTenantContext) {
  return db.invitation.findMany({
    where: { organizationId: ctx.organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      department: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}
