import "server-only";
import { dbDateToMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import { db, type Tx } from "../db";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "./status";
import type { TTenantContext } from "../tenant";

export type TMonthImpact = { confirmedMinor: bigint; claimedMinor: bigint; pipelineMinor: bigint };

/**
 * Each department's revenue impact per month, as the bridge counts it (confirmed contributions, and
 * lost or slipped deals charged to it unless overturned or replaced by a confirmed contribution
 * linked to the deal), with its claims awaiting finance beside. Keyed by statusKey(department, month),
 * so the heat map can show impact next to status. Two GROUP BYs; nothing is summed in JavaScript
 * but the few grouped rows.
 */
export async function impactsByDepartmentMonth(
  ctx: TTenantContext,
  months: MonthKey[],
): Promise<Map<string, TMonthImpact>> {
  const { organizationId } = ctx;
  if (!months.length) return new Map();
  const dates = months.map(monthToDbDate);
  const [contributions, causes] = await Promise.all([
    db.$queryRaw<{ departmentId: string; month: Date; confirmed: string; claimed: string }[]>`
      SELECT "departmentId", month,
             COALESCE(SUM("amountMinor") FILTER (WHERE status = 'CONFIRMED'), 0)::text AS confirmed,
             COALESCE(SUM("amountMinor") FILTER (WHERE status = 'CLAIMED'), 0)::text AS claimed
      FROM "Contribution"
      WHERE "organizationId" = ${organizationId} AND month = ANY(${dates}::date[]) AND status <> 'DISPUTED'
      GROUP BY "departmentId", month`,
    db.$queryRaw<{ departmentId: string; month: Date; total: string }[]>`
      SELECT c."responsibleDepartmentId" AS "departmentId", c.month, (-SUM(c."amountMinor"))::text AS total
      FROM "OpportunityCause" c
      WHERE c."organizationId" = ${organizationId} AND c.month = ANY(${dates}::date[]) AND c.status <> 'OVERTURNED'
        AND NOT EXISTS (SELECT 1 FROM "Contribution" k
                        WHERE k."organizationId" = c."organizationId" AND k."opportunityId" = c."opportunityId" AND k.status = 'CONFIRMED')
      GROUP BY c."responsibleDepartmentId", c.month`,
  ]);
  const result = new Map<string, TMonthImpact>();
  const entry = (departmentId: string, month: Date) => {
    const key = statusKey(departmentId, dbDateToMonth(month));
    const found = result.get(key) ?? { confirmedMinor: 0n, claimedMinor: 0n, pipelineMinor: 0n };
    result.set(key, found);
    return found;
  };
  // Sums arrive as text (numeric in SQL, so no count of rows within the money bound can overflow),
  // turned into BigInt once.
  for (const r of contributions) {
    const e = entry(r.departmentId, r.month);
    e.confirmedMinor += BigInt(r.confirmed);
    e.claimedMinor += BigInt(r.claimed);
  }
  for (const r of causes) entry(r.departmentId, r.month).pipelineMinor += BigInt(r.total);
  return result;
}

export type TUnexplainedRed = { departmentId: string; name: string; months: MonthKey[] };

/**
 * Departments whose scorecard is red in one of `months` without a "why" for that month: the red
 * nobody has explained yet, named under the bridge's unattributed bar.
 */
export async function unexplainedRedMonths(
  ctx: TTenantContext,
  months: MonthKey[],
  tx: Tx = db,
): Promise<TUnexplainedRed[]> {
  const { organizationId } = ctx;
  if (!months.length) return [];
  const [departments, rated, explained] = await Promise.all([
    tx.department.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    ratedKpiValues(ctx, months, undefined, tx),
    tx.narrative.findMany({
      where: { organizationId, month: { in: months.map(monthToDbDate) }, NOT: { why: "" } },
      select: { departmentId: true, month: true },
    }),
  ]);
  const status = statusByDepartmentMonth(rated);
  const hasWhy = new Set(explained.map((n) => statusKey(n.departmentId, dbDateToMonth(n.month))));
  return departments
    .map((d) => ({
      departmentId: d.id,
      name: d.name,
      months: months.filter((m) => status.get(statusKey(d.id, m)) === "RED" && !hasWhy.has(statusKey(d.id, m))),
    }))
    .filter((d) => d.months.length > 0);
}

/**
 * The pipeline's part of each department's bridge bar over `months`: −Σ amount of the lost and
 * slipped deals naming it responsible, unless overturned, and unless a contribution linked to the
 * deal is counted in the bridge (it replaces the derived amount, so nothing counts twice).
 */
export async function pipelineImpacts(
  ctx: TTenantContext,
  months: MonthKey[],
  includeClaimed: boolean,
): Promise<Map<string, bigint>> {
  const { organizationId } = ctx;
  if (!months.length) return new Map();
  const counted = includeClaimed ? ["CONFIRMED", "CLAIMED"] : ["CONFIRMED"];
  const rows = await db.$queryRaw<{ departmentId: string; total: string }[]>`
    SELECT c."responsibleDepartmentId" AS "departmentId", (-SUM(c."amountMinor"))::text AS total
    FROM "OpportunityCause" c
    WHERE c."organizationId" = ${organizationId} AND c.month = ANY(${months.map(monthToDbDate)}::date[]) AND c.status <> 'OVERTURNED'
      AND NOT EXISTS (SELECT 1 FROM "Contribution" k
                      WHERE k."organizationId" = c."organizationId" AND k."opportunityId" = c."opportunityId"
                        AND k.status::text = ANY(${counted}::text[]))
    GROUP BY c."responsibleDepartmentId"`;
  return new Map(rows.map((r) => [r.departmentId, BigInt(r.total)]));
}
