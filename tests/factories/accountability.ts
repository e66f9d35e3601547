import type { DepartmentKind, KpiAggregation, KpiDirection, KpiUnit } from "@db/enums";
import { defaultAggregation } from "@/lib/kpi";
import { db } from "@/server/db";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { addMember, createOrganization } from "./index";

/**
 * An organization with one member of every role: heads of Legal and Billing, the Sales manager,
 * finance and a viewer (the owner comes from createOrganization).
 */
export async function createAccountabilityOrganization(name?: string) {
  const org = await createOrganization(name);
  const organizationId = org.organization.id;
  const legal = org.department("LEGAL");
  const billing = org.department("BILLING");
  const sales = org.department("SALES");
  const [legalHead, billingHead, salesManager, finance, viewer] = await Promise.all([
    addMember(organizationId, "DEPARTMENT_HEAD", legal.id),
    addMember(organizationId, "DEPARTMENT_HEAD", billing.id),
    addMember(organizationId, "SALES_MANAGER", sales.id),
    addMember(organizationId, "FINANCE"),
    addMember(organizationId, "VIEWER"),
  ]);
  return {
    ...org,
    organizationId,
    slug: org.organization.slug,
    legal,
    billing,
    sales,
    users: {
      owner: org.owner,
      legalHead: legalHead.user,
      billingHead: billingHead.user,
      salesManager: salesManager.user,
      finance: finance.user,
      viewer: viewer.user,
    },
  };
}

/** The id of one of the organization's categories for `kind` (the first default when no name is given). */
export async function categoryId(organizationId: string, kind: DepartmentKind, name?: string): Promise<string> {
  const category = await db.contributionCategory.findFirstOrThrow({
    where: { organizationId, kind, ...(name && { name }) },
    orderBy: { name: "asc" },
  });
  return category.id;
}

/**
 * A KPI written straight to the database, for tests about queries rather than the KPI mutations; its
 * aggregation is the unit's default (SUM for currency) unless given.
 */
export async function insertKpi(
  organizationId: string,
  departmentId: string,
  fields: {
    name: string;
    unit?: KpiUnit;
    direction?: KpiDirection;
    aggregation?: KpiAggregation;
    targetScaled?: bigint | null;
    greenAtBp?: number;
    amberAtBp?: number;
  },
) {
  const aggregation = fields.aggregation ?? defaultAggregation(fields.unit ?? "COUNT") ?? "SUM";
  return db.kpi.create({
    data: {
      organizationId,
      departmentId,
      unit: "COUNT",
      direction: "HIGHER_IS_BETTER",
      targetScaled: null,
      ...fields,
      aggregation,
    },
  });
}

export async function insertKpiValue(
  organizationId: string,
  kpiId: string,
  month: MonthKey,
  valueScaled: bigint,
  targetScaled: bigint | null,
) {
  return db.kpiValue.create({
    data: { organizationId, kpiId, month: monthToDbDate(month), valueScaled, targetScaled },
  });
}

/** Audit actions of an organization, oldest first, optionally for one entity. */
export async function auditActions(organizationId: string, entityId?: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({
    where: { organizationId, ...(entityId && { entityId }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true },
  });
  return events.map((e) => e.action);
}
