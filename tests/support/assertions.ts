import { expect } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/server/db";

/** A snapshot of every row an organization owns, to prove a refused action changed nothing. */
export async function snapshotOrganization(organizationId: string) {
  const where = { organizationId };
  const orderBy = { id: "asc" } as const;
  const [
    organization,
    departments,
    memberships,
    invitations,
    auditEvents,
    revenueTargets,
    revenueEntries,
    importBatches,
    periodCloses,
  ] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId } }),
    db.department.findMany({ where, orderBy }),
    db.membership.findMany({ where, orderBy }),
    db.invitation.findMany({ where, orderBy }),
    db.auditEvent.count({ where }),
    db.revenueTarget.findMany({ where, orderBy }),
    db.revenueEntry.findMany({ where, orderBy }),
    db.importBatch.findMany({ where, orderBy }),
    db.periodClose.findMany({ where, orderBy }),
  ]);
  const [contributionCategories, contributions, kpis, kpiValues, commitments, narratives] = await Promise.all([
    db.contributionCategory.findMany({ where, orderBy }),
    db.contribution.findMany({ where, orderBy }),
    db.kpi.findMany({ where, orderBy }),
    db.kpiValue.findMany({ where, orderBy }),
    db.commitment.findMany({ where, orderBy }),
    db.narrative.findMany({ where, orderBy }),
  ]);
  const [
    pipelineStages,
    lossCauses,
    opportunities,
    opportunityCauses,
    opportunityChanges,
    pipelineSnapshots,
    pipelineSnapshotItems,
    alerts,
    emailDeliveries,
  ] = await Promise.all([
    db.pipelineStage.findMany({ where, orderBy }),
    db.lossCause.findMany({ where, orderBy }),
    db.opportunity.findMany({ where, orderBy }),
    db.opportunityCause.findMany({ where, orderBy }),
    db.opportunityChange.findMany({ where, orderBy }),
    db.pipelineSnapshot.findMany({ where, orderBy }),
    db.pipelineSnapshotItem.findMany({ where, orderBy: [{ snapshotId: "asc" }, { opportunityId: "asc" }] }),
    db.alert.findMany({ where, orderBy }),
    db.emailDelivery.findMany({ where, orderBy }),
  ]);
  return {
    organization,
    departments,
    memberships,
    invitations,
    auditEvents,
    revenueTargets,
    revenueEntries,
    importBatches,
    periodCloses,
    contributionCategories,
    contributions,
    kpis,
    kpiValues,
    commitments,
    narratives,
    pipelineStages,
    lossCauses,
    opportunities,
    opportunityCauses,
    opportunityChanges,
    pipelineSnapshots,
    pipelineSnapshotItems,
    alerts,
    emailDeliveries,
  };
}

export function expectFailure<T>(result: ActionResult<T>, code: string) {
  expect(result).toMatchObject({ ok: false, code });
}

export function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.data;
}
