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
 * zone, the stage mapping remembered from the last import, and the default close date of open deals.
 */
export async function getOpportunityImportPage(ctx: TTenantContext) {
  const { organizationId } = ctx;
  const [organization, stages, departments] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true, timeZone: true, fiscalYearStartMonth: true, pipelineStageMap: true } }),
    db.pipelineStage.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true, probabilityBp: true, outcome: true }, orderBy: { sortOrder: "asc" } }),
    db.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const { pipelineStageMap, fiscalYearStartMonth, ...money } = organization;
  const today = todayIn(money.timeZone, await now());
  return { ...money, stages, departments, rememberedStageMap: readStageMap(pipelineStageMap), quarterEnd: fiscalQuarterEnd(monthKey(today.year, today.month), fiscalYearStartMonth) };
}
