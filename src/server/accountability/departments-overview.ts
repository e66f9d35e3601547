import "server-only";
import { ratePeriodKpi, worstKpi, worstRag, type TRag } from "@/lib/kpi";
import { dbDateToMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import { db } from "../db";
import { listDepartments } from "../departments/queries";
import type { TTenantContext } from "../tenant";
import { departmentImpacts } from "./dashboard";

// The departments list for a period (issue 12): per department its status and worst KPI by the
// scorecard's own rule (each KPI aggregated over the period as its unit says, then rated), its net
// impact (confirmed and claimed contributions), what waits for review, and who heads it.

export type TDepartmentOverview = {
  id: string;
  name: string;
  kind: string;
  status: TRag | null;
  worstKpi: { name: string; rag: TRag } | null;
  confirmedMinor: bigint;
  claimedMinor: bigint;
  /** Σ −amount of lost and slipped deals charged to the department in the period. */
  pipelineMinor: bigint;
  /** Claims awaiting finance's review in the period. */
  claimsPending: number;
  /** Lost or slipped deals charged to the department whose cause is disputed and not settled. */
  causesDisputed: number;
  heads: string[];
};

export async function departmentsOverview(ctx: TTenantContext, months: MonthKey[]): Promise<TDepartmentOverview[]> {
  const { organizationId } = ctx;
  const dbMonths = months.map(monthToDbDate);
  const [departments, kpis, values, impacts, claims, causes, heads] = await Promise.all([
    listDepartments(ctx),
    db.kpi.findMany({
      where: { organizationId, archivedAt: null },
      select: {
        id: true,
        name: true,
        departmentId: true,
        unit: true,
        aggregation: true,
        direction: true,
        greenAtBp: true,
        amberAtBp: true,
      },
    }),
    // KPIs × months: small whatever the number of records elsewhere.
    db.kpiValue.findMany({
      where: { organizationId, month: { in: dbMonths }, kpi: { archivedAt: null } },
      select: { kpiId: true, month: true, valueScaled: true, targetScaled: true },
    }),
    departmentImpacts(ctx, months),
    months.length
      ? db.$queryRaw<{ departmentId: string; count: number }[]>`
          SELECT "departmentId", count(*)::int AS count FROM "Contribution"
          WHERE "organizationId" = ${organizationId} AND month = ANY(${dbMonths}::date[]) AND status = 'CLAIMED'
          GROUP BY "departmentId"`
      : [],
    months.length
      ? db.$queryRaw<{ departmentId: string; count: number }[]>`
          SELECT "responsibleDepartmentId" AS "departmentId", count(*)::int AS count FROM "OpportunityCause"
          WHERE "organizationId" = ${organizationId} AND month = ANY(${dbMonths}::date[]) AND status = 'DISPUTED'
          GROUP BY "responsibleDepartmentId"`
      : [],
    db.membership.findMany({
      where: { organizationId, role: "DEPARTMENT_HEAD", departmentId: { not: null } },
      select: { departmentId: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const valuesByKpi = new Map<string, { month: MonthKey; valueScaled: bigint; targetScaled: bigint | null }[]>();
  for (const v of values)
    valuesByKpi.set(v.kpiId, [
      ...(valuesByKpi.get(v.kpiId) ?? []),
      { month: dbDateToMonth(v.month), valueScaled: v.valueScaled, targetScaled: v.targetScaled },
    ]);
  const rated = kpis.map((kpi) => ({ kpi, ...ratePeriodKpi(kpi, valuesByKpi.get(kpi.id) ?? []) }));
  const impactOf = new Map(impacts.map((i) => [i.departmentId, i]));
  const claimsOf = new Map(claims.map((c) => [c.departmentId, c.count]));
  const causesOf = new Map(causes.map((c) => [c.departmentId, c.count]));
  return departments.map((d) => {
    const own = rated.filter((r) => r.kpi.departmentId === d.id);
    const worst = worstKpi(
      own.map((r) => ({
        item: r,
        rag: r.rag,
        actual: r.period.ratedActual,
        target: r.period.target,
        direction: r.kpi.direction,
      })),
    );
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      status: worstRag(own.map((r) => r.rag)),
      worstKpi: worst?.rag ? { name: worst.item.kpi.name, rag: worst.rag } : null,
      confirmedMinor: impactOf.get(d.id)?.confirmedMinor ?? 0n,
      claimedMinor: impactOf.get(d.id)?.claimedMinor ?? 0n,
      pipelineMinor: impactOf.get(d.id)?.pipelineMinor ?? 0n,
      claimsPending: claimsOf.get(d.id) ?? 0,
      causesDisputed: causesOf.get(d.id) ?? 0,
      heads: heads.filter((h) => h.departmentId === d.id).map((h) => h.user.name),
    };
  });
}
