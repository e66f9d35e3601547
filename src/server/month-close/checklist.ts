import "server-only";
import { monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { closeChecklistSummary, type TCloseItem } from "@/lib/close-checklist";
import { unexplainedRedMonths } from "../accountability/month-impacts";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";

// What is still open in a month that finance is about to close. Closing freezes the month: a claim
// still awaiting review could never be confirmed, so claims block the close; the rest (disputes a
// head or finance has not settled, red KPI months nobody explained, KPI values nobody entered) are
// listed and may be closed over, knowingly. Each item links to where it is done.

type TCountRow = { departmentId: string; name: string; count: number };

const scorecard = (slug: string, departmentId: string, month: MonthKey, anchor = "") =>
  `/o/${slug}/departments/${departmentId}?period=m-${month}${anchor}`;

/** The open items of `month`, blocking ones first, each with its department and a link. */
export async function monthCloseChecklist(
  tx: Tx,
  ctx: TTenantContext,
  slug: string,
  month: MonthKey,
): Promise<TCloseItem[]> {
  const { organizationId } = ctx;
  const first = monthToDbDate(month);
  const [contributions, disputedCauses, missingKpis, unexplained] = await Promise.all([
    // Claims awaiting review and disputed claims, per department, in one pass.
    tx.$queryRaw<(TCountRow & { status: "CLAIMED" | "DISPUTED" })[]>`
      SELECT c."departmentId", d.name, c.status, count(*)::int AS count
      FROM "Contribution" c JOIN "Department" d ON d."organizationId" = c."organizationId" AND d.id = c."departmentId"
      WHERE c."organizationId" = ${organizationId} AND c.month = ${first} AND c.status IN ('CLAIMED', 'DISPUTED')
      GROUP BY c."departmentId", d.name, c.status ORDER BY d.name`,
    tx.$queryRaw<TCountRow[]>`
      SELECT c."responsibleDepartmentId" AS "departmentId", d.name, count(*)::int AS count
      FROM "OpportunityCause" c JOIN "Department" d ON d."organizationId" = c."organizationId" AND d.id = c."responsibleDepartmentId"
      WHERE c."organizationId" = ${organizationId} AND c.month = ${first} AND c.status = 'DISPUTED'
      GROUP BY c."responsibleDepartmentId", d.name ORDER BY d.name`,
    // Active KPIs that existed by the month's end and have no value for it.
    tx.$queryRaw<TCountRow[]>`
      SELECT k."departmentId", d.name, count(*)::int AS count
      FROM "Kpi" k JOIN "Department" d ON d."organizationId" = k."organizationId" AND d.id = k."departmentId"
      WHERE k."organizationId" = ${organizationId} AND k."archivedAt" IS NULL AND d."archivedAt" IS NULL
        AND k."createdAt" < (${first}::date + interval '1 month')
        AND NOT EXISTS (SELECT 1 FROM "KpiValue" v WHERE v."organizationId" = k."organizationId" AND v."kpiId" = k.id AND v.month = ${first})
      GROUP BY k."departmentId", d.name ORDER BY d.name`,
    unexplainedRedMonths(ctx, [month], tx),
  ]);
  const label = monthLabel(month);
  const claims = contributions.filter((r) => r.status === "CLAIMED");
  const disputedClaims = contributions.filter((r) => r.status === "DISPUTED");
  return [
    ...claims.map(
      (r): TCloseItem => ({
        kind: "claims",
        blocking: true,
        departmentId: r.departmentId,
        department: r.name,
        count: r.count,
        href: scorecard(slug, r.departmentId, month, "#contributions"),
        label,
      }),
    ),
    ...disputedClaims.map(
      (r): TCloseItem => ({
        kind: "disputedClaims",
        blocking: false,
        departmentId: r.departmentId,
        department: r.name,
        count: r.count,
        href: scorecard(slug, r.departmentId, month, "#contributions"),
        label,
      }),
    ),
    ...disputedCauses.map(
      (r): TCloseItem => ({
        kind: "disputedCauses",
        blocking: false,
        departmentId: r.departmentId,
        department: r.name,
        count: r.count,
        href: scorecard(slug, r.departmentId, month),
        label,
      }),
    ),
    ...unexplained.map(
      (r): TCloseItem => ({
        kind: "redWithoutWhy",
        blocking: false,
        departmentId: r.departmentId,
        department: r.name,
        count: 1,
        href: scorecard(slug, r.departmentId, month),
        label,
      }),
    ),
    ...missingKpis.map(
      (r): TCloseItem => ({
        kind: "missingKpiValues",
        blocking: false,
        departmentId: r.departmentId,
        department: r.name,
        count: r.count,
        href: scorecard(slug, r.departmentId, month),
        label,
      }),
    ),
  ];
}

/** The checklist of a month as the close page shows it (outside a transaction). */
export async function getMonthCloseChecklist(ctx: TTenantContext, slug: string, month: MonthKey) {
  const items = await monthCloseChecklist(db, ctx, slug, month);
  return { items, ...closeChecklistSummary(items) };
}
