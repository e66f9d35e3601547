import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/** Every contribution category of the organization, archived ones too, with how many contributions use each. */
export function listCategories(ctx: TTenantContext) {
  return db.contributionCategory.findMany({
    where: { organizationId: ctx.organizationId },
    select: { id: true, kind: true, name: true, archivedAt: true, _count: { select: { contributions: true } } },
    orderBy: [{ kind: "asc" }, { archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}
