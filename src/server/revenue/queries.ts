import "server-only";
import { dbDateToMonth, monthRange, monthToDbDate, type MonthKey } from "@/lib/period";
import type { TMonthFigures } from "@/lib/metrics";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/**
 * Σ revenue entries per month for `months` (consecutive), bucketed in the organization's time zone.
 * One GROUP BY over an index-only range scan of (organizationId, occurredAt, amountMinor).
 */
export async function monthlyActuals(organizationId: string, timeZone: string, months: MonthKey[]): Promise<Map<MonthKey, bigint>> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return new Map();
  const start = monthRange(first, timeZone).start;
  const end = monthRange(last, timeZone).end;
  const rows = await db.$queryRaw<{ month: string; total: bigint }[]>`
    SELECT to_char(date_trunc('month', "occurredAt" AT TIME ZONE ${timeZone}), 'YYYY-MM') AS month,
           SUM("amountMinor")::bigint AS total
    FROM "RevenueEntry"
    WHERE "organizationId" = ${organizationId} AND "occurredAt" >= ${start} AND "occurredAt" < ${end}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.month as MonthKey, BigInt(r.total)]));
}

export async function monthlyTargets(organizationId: string, months: MonthKey[]): Promise<Map<MonthKey, bigint>> {
  const rows = await db.revenueTarget.findMany({
    where: { organizationId, month: { in: months.map(monthToDbDate) } },
    select: { month: true, amountMinor: true },
  });
  return new Map(rows.map((r) => [dbDateToMonth(r.month), r.amountMinor]));
}

export async function closedMonths(organizationId: string, months: MonthKey[]): Promise<Map<MonthKey, { closedAt: Date; closedBy: string | null }>> {
  const rows = await db.periodClose.findMany({
    where: { organizationId, month: { in: months.map(monthToDbDate) } },
    select: { month: true, closedAt: true, closedBy: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [dbDateToMonth(r.month), { closedAt: r.closedAt, closedBy: r.closedBy?.name ?? null }]));
}

/** Target and actual of each month, in order. */
export async function getMonthFigures(ctx: TTenantContext, timeZone: string, months: MonthKey[]): Promise<TMonthFigures[]> {
  const [targets, actuals] = await Promise.all([monthlyTargets(ctx.organizationId, months), monthlyActuals(ctx.organizationId, timeZone, months)]);
  return months.map((month) => ({ month, targetMinor: targets.get(month) ?? null, actualMinor: actuals.get(month) ?? 0n }));
}

export function listRecentEntries(ctx: TTenantContext, take = 20) {
  return db.revenueEntry.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, occurredAt: true, amountMinor: true, source: true, reference: true, customer: true, createdBy: { select: { name: true } } },
  });
}
