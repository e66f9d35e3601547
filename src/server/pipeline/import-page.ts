import "server-only";
import { readStageMap } from "@/lib/csv/opportunity-stage-map";
import { monthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { now } from "../clock";
import { db } from "../db";
import type { TTenantContext } from "../tenant";
import { fiscalQuarterEnd } from "./opportunities";

/**
 * What the pipeline import page shows: the names a file may use, the organization's currency and
 * zone, the stage, owner and category mappings remembered from the last import, the members a deal may go to, and the default close date of open deals.
 */
export async function getOpportunityImportPage(ctx: TTenantContext) {
  const { organizationId } = ctx;
  const [organization, stages, departments, memberships] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: {
        currency: true,
        timeZone: true,
        fiscalYearStartMonth: true,
        pipelineStageMap: true,
        pipelineOwnerMap: true,
        pipelineCategoryMap: true,
      },
    }),
    db.pipelineStage.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true, probabilityBp: true, outcome: true },
      orderBy: { sortOrder: "asc" },
    }),
    db.department.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.membership.findMany({
      where: { organizationId },
      select: { userId: true, user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const { pipelineStageMap, pipelineOwnerMap, pipelineCategoryMap, fiscalYearStartMonth, ...money } = organization;
  const today = todayIn(money.timeZone, await now());
  const members = memberships.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }));
  const remembered = {
    stages: readStageMap(pipelineStageMap),
    owners: readStageMap(pipelineOwnerMap),
    categories: readStageMap(pipelineCategoryMap),
  };
  return {
    ...money,
    stages,
    departments,
    members,
    remembered,
    quarterEnd: fiscalQuarterEnd(monthKey(today.year, today.month), fiscalYearStartMonth),
  };
}
