import "server-only";
import type { KpiDirection } from "@db/enums";
import { ragOf, worstRag, type TRag } from "@/lib/kpi";
import { dbDateToMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import type { Tx } from "../db";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

export type TRatedValue = { departmentId: string; kpiId: string; month: MonthKey; rag: TRag | null };

/**
 * Every value of the active KPIs in `months` (of one department, or all), rated against the target
 * stamped on it. At most one row per KPI and month, so this stays small (KPIs × months) and the
 * rating logic lives once, in lib/kpi.ts.
 */
export async function ratedKpiValues(
  ctx: TTenantContext,
  months: MonthKey[],
  departmentId?: string,
  tx: Tx = db,
): Promise<TRatedValue[]> {
  const { organizationId } = ctx;
  if (!months.length) return [];
  const rows = await tx.$queryRaw<
    {
      departmentId: string;
      kpiId: string;
      month: Date;
      valueScaled: bigint;
      targetScaled: bigint | null;
      direction: KpiDirection;
      greenAtBp: number;
      amberAtBp: number;
    }[]
  >`
    SELECT k."departmentId", v."kpiId", v.month, v."valueScaled", v."targetScaled", k.direction, k."greenAtBp", k."amberAtBp"
    FROM "KpiValue" v
    JOIN "Kpi" k ON k."organizationId" = v."organizationId" AND k.id = v."kpiId"
    WHERE v."organizationId" = ${organizationId}
      AND v.month = ANY(${months.map(monthToDbDate)}::date[])
      AND k."archivedAt" IS NULL
      AND (${departmentId ?? null}::text IS NULL OR k."departmentId" = ${departmentId ?? null}::text)`;
  return rows.map((r) => ({
    departmentId: r.departmentId,
    kpiId: r.kpiId,
    month: dbDateToMonth(r.month),
    rag: ragOf(BigInt(r.valueScaled), r.targetScaled === null ? null : BigInt(r.targetScaled), r.direction, {
      greenAtBp: r.greenAtBp,
      amberAtBp: r.amberAtBp,
    }),
  }));
}

/** Department × month → status: red if any KPI is red, amber if any is amber, green if all rated ones are. */
export function statusByDepartmentMonth(values: TRatedValue[]): Map<string, TRag | null> {
  const grouped = new Map<string, (TRag | null)[]>();
  for (const v of values) {
    const key = `${v.departmentId}|${v.month}`;
    const list = grouped.get(key) ?? [];
    list.push(v.rag);
    grouped.set(key, list);
  }
  return new Map([...grouped].map(([key, rags]) => [key, worstRag(rags)]));
}

export const statusKey = (departmentId: string, month: MonthKey) => `${departmentId}|${month}`;
