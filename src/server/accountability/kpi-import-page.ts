import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/**
 * What the KPI import page shows: the department (this organization's only; null otherwise), its
 * active KPIs with unit and target, and the organization's currency and zone.
 */
export async function getKpiImportPage(ctx: TTenantContext, departmentId: string) {
  const { organizationId } = ctx;
  const [department, organization] = await Promise.all([
    db.department.findUnique({
      where: { organizationId_id: { organizationId, id: departmentId } },
      select: { id: true, name: true, archivedAt: true },
    }),
    Promise.resolve(ctx.organization),
  ]);
  if (!department) return null;
  const kpis = await db.kpi.findMany({
    where: { organizationId, departmentId: department.id, archivedAt: null },
    select: { id: true, name: true, unit: true, targetScaled: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return { department, kpis, ...organization };
}
