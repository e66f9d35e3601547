import "server-only";
import { buildBridge, type TDepartmentImpact } from "@/lib/bridge";
import { commitmentAccuracy, type TCommitmentAccuracy, type TCommitmentTally } from "@/lib/commitments";
import type { TRag } from "@/lib/kpi";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import type { CommitmentStatus, ContributionStatus } from "@db/enums";
import { db } from "../db";
import { pipelineImpacts } from "./month-impacts";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "./status";
import type { TTenantContext } from "../tenant";

/** Σ contributions per department and status over `months`: one GROUP BY on the bridge index (an index-only scan), names joined after grouping. */
export async function departmentImpacts(ctx: TTenantContext, months: MonthKey[]): Promise<TDepartmentImpact[]> {
  const { organizationId } = ctx;
  if (!months.length) return [];
  const rows = await db.$queryRaw<{ departmentId: string; name: string; status: ContributionStatus; total: string }[]>`
    SELECT g."departmentId", d.name, g.status, g.total
    FROM (SELECT "departmentId", status, SUM("amountMinor")::text AS total FROM "Contribution"
          WHERE "organizationId" = ${organizationId} AND month = ANY(${months.map(monthToDbDate)}::date[]) AND status <> 'DISPUTED'
          GROUP BY "departmentId", status) g
    JOIN "Department" d ON d."organizationId" = ${organizationId} AND d.id = g."departmentId"`;
  const byDepartment = new Map<string, TDepartmentImpact>();
  for (const r of rows) {
    const d = byDepartment.get(r.departmentId) ?? {
      departmentId: r.departmentId,
      name: r.name,
      confirmedMinor: 0n,
      claimedMinor: 0n,
    };
    if (r.status === "CONFIRMED") d.confirmedMinor += BigInt(r.total);
    else d.claimedMinor += BigInt(r.total);
    byDepartment.set(r.departmentId, d);
  }
  return [...byDepartment.values()];
}

/** The gap bridge of a range (null without a target). */
export async function getBridge(
  ctx: TTenantContext,
  months: MonthKey[],
  figures: { targetMinor: bigint | null; actualMinor: bigint },
  includeClaimed: boolean,
) {
  const { organizationId } = ctx;
  const [contributions, pipeline] = await Promise.all([
    departmentImpacts(ctx, months),
    pipelineImpacts(ctx, months, includeClaimed),
  ]);
  // Departments charged only through pipeline causes still need their names.
  const known = new Set(contributions.map((d) => d.departmentId));
  const missing = [...pipeline.keys()].filter((id) => !known.has(id));
  const names = missing.length
    ? await db.department.findMany({ where: { organizationId, id: { in: missing } }, select: { id: true, name: true } })
    : [];
  const impacts: TDepartmentImpact[] = [
    ...contributions.map((d) => ({ ...d, pipelineMinor: pipeline.get(d.departmentId) ?? 0n })),
    ...names.map((d) => ({
      departmentId: d.id,
      name: d.name,
      confirmedMinor: 0n,
      claimedMinor: 0n,
      pipelineMinor: pipeline.get(d.id) ?? 0n,
    })),
  ];
  return { bridge: buildBridge({ ...figures, impacts, includeClaimed }), impacts };
}

export type THeatMapRow = {
  departmentId: string;
  name: string;
  cells: { month: MonthKey; status: TRag | null; reviewed: boolean }[];
};

/** Departments × months of scorecard status (active departments, in name order). */
export async function getHeatMap(ctx: TTenantContext, months: MonthKey[]): Promise<THeatMapRow[]> {
  const { organizationId } = ctx;
  const [departments, rated, reviewed] = await Promise.all([
    db.department.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    ratedKpiValues(ctx, months),
    db.narrative.findMany({
      where: { organizationId, month: { in: months.map(monthToDbDate) }, reviewedAt: { not: null } },
      select: { departmentId: true, month: true },
    }),
  ]);
  const status = statusByDepartmentMonth(rated);
  const reviewedKeys = new Set(
    reviewed.map((r) => statusKey(r.departmentId, r.month.toISOString().slice(0, 7) as MonthKey)),
  );
  return departments.map((d) => ({
    departmentId: d.id,
    name: d.name,
    cells: months.map((month) => ({
      month,
      status: status.get(statusKey(d.id, month)) ?? null,
      reviewed: reviewedKeys.has(statusKey(d.id, month)),
    })),
  }));
}

export type TDepartmentAccuracy = { departmentId: string; name: string; accuracy: TCommitmentAccuracy };

/**
 * Commitment accuracy per department, all time: counts and sums per status in one GROUP BY, plus
 * the open commitments whose due date is before `today` (YYYY-MM-DD in the organization's zone).
 * Only departments with commitments are listed. Pass `departmentId` for one department.
 */
export async function commitmentAccuracyByDepartment(
  ctx: TTenantContext,
  today: string,
  departmentId?: string,
): Promise<TDepartmentAccuracy[]> {
  const { organizationId } = ctx;
  const rows = await db.$queryRaw<
    {
      departmentId: string;
      name: string;
      status: CommitmentStatus;
      count: number;
      expected: string;
      delivered: string;
      overdue: number;
    }[]
  >`
    SELECT c."departmentId", d.name, c.status, COUNT(*)::int AS count,
           SUM(c."expectedImpactMinor")::text AS expected,
           COALESCE(SUM(c."deliveredImpactMinor"), 0)::text AS delivered,
           COUNT(*) FILTER (WHERE c.status = 'OPEN' AND c."dueDate" < ${today}::date)::int AS overdue
    FROM "Commitment" c
    JOIN "Department" d ON d."organizationId" = c."organizationId" AND d.id = c."departmentId"
    WHERE c."organizationId" = ${organizationId} AND (${departmentId ?? null}::text IS NULL OR c."departmentId" = ${departmentId ?? null}::text)
    GROUP BY c."departmentId", d.name, c.status`;
  const grouped = new Map<string, { name: string; tallies: TCommitmentTally[]; overdue: number }>();
  for (const r of rows) {
    const g = grouped.get(r.departmentId) ?? { name: r.name, tallies: [], overdue: 0 };
    g.tallies.push({
      status: r.status,
      count: r.count,
      expectedMinor: BigInt(r.expected),
      deliveredMinor: BigInt(r.delivered),
    });
    g.overdue += r.overdue;
    grouped.set(r.departmentId, g);
  }
  return [...grouped]
    .map(([id, g]) => ({ departmentId: id, name: g.name, accuracy: commitmentAccuracy(g.tallies, g.overdue) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
