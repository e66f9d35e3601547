import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

export function listDepartments(ctx: TTenantContext, options: { includeArchived?: boolean } = {}) {
  return db.department.findMany({
    where: { organizationId: ctx.organizationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    select: {
      id: true,
      name: true,
      kind: true,
      archivedAt: true,
      version: true,
      _count: { select: { memberships: true } },
    },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}
