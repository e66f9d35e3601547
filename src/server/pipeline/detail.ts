import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/**
 * One deal with its history (newest first) and its causes, plus the names its history's ids
 * refer to (stages, people, departments), so old values read as names. Null if the deal is not
 * this organization's.
 */
export async function getOpportunityDetail(ctx: TTenantContext, opportunityId: string) {
  const { organizationId } = ctx;
  const opportunity = await db.opportunity.findUnique({
    where: { organizationId_id: { organizationId, id: opportunityId } },
    include: {
      stage: { select: { name: true } },
      owner: { select: { name: true } },
      sourceDepartment: { select: { name: true } },
    },
  });
  if (!opportunity) return null;
  const [changes, causes, stages, departments] = await Promise.all([
    db.opportunityChange.findMany({
      where: { organizationId, opportunityId },
      orderBy: [{ changedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, changedAt: true, changes: true, changedBy: { select: { name: true } } },
    }),
    db.opportunityCause.findMany({
      where: { organizationId, opportunityId },
      orderBy: { createdAt: "desc" },
      include: { lossCause: { select: { name: true } }, responsibleDepartment: { select: { name: true } } },
    }),
    db.pipelineStage.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db.department.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  // People named in the history (owners before and after) and in the causes' disputes and settlements.
  const userIds = new Set<string>();
  for (const c of changes) {
    const owner = (c.changes as Record<string, unknown>).ownerId;
    if (Array.isArray(owner)) for (const id of owner) if (typeof id === "string") userIds.add(id);
  }
  for (const c of causes) for (const id of [c.disputedById, c.settledById, c.createdById]) if (id) userIds.add(id);
  const users = userIds.size
    ? await db.user.findMany({
        where: { id: { in: [...userIds] }, memberships: { some: { organizationId } } },
        select: { id: true, name: true },
      })
    : [];
  return {
    opportunity,
    changes,
    causes,
    names: {
      stages: Object.fromEntries(stages.map((s) => [s.id, s.name])),
      departments: Object.fromEntries(departments.map((d) => [d.id, d.name])),
      users: Object.fromEntries(users.map((u) => [u.id, u.name])),
    },
  };
}

export type TOpportunityDetail = NonNullable<Awaited<ReturnType<typeof getOpportunityDetail>>>;
