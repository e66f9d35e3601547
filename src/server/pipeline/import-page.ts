import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/** What the pipeline import page shows: the names a file may use, and the organization's currency and zone. */
export async function getOpportunityImportPage(ctx: TTenantContext) {
  const { organizationId } = ctx;
  const [organization, stages, departments] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true, timeZone: true } }),
    db.pipelineStage.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true, probabilityBp: true, outcome: true }, orderBy: { sortOrder: "asc" } }),
    db.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { ...organization, stages, departments };
}
