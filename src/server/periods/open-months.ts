import "server-only";
import { dbDateToMonth, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";

// Which months are closed, and the lock that keeps a month from closing under a write. Every domain
// that writes into a month (revenue, targets, KPIs, contributions, organization settings) checks
// here; closing and reopening a month are in src/server/month-close.

/** The organization's closed months. */
export async function getClosedMonths(tx: Tx, ctx: TTenantContext): Promise<Set<MonthKey>> {
  const { organizationId } = ctx;
  const rows = await tx.periodClose.findMany({ where: { organizationId }, select: { month: true } });
  return new Set(rows.map((r) => dbDateToMonth(r.month)));
}

/** The organization's closed months, for a page (outside any transaction). */
export function listClosedMonths(ctx: TTenantContext): Promise<Set<MonthKey>> {
  return getClosedMonths(db, ctx);
}

/**
 * Serializes period closes against writes to the periods: writers take this lock shared, closing and
 * reopening take it exclusive, each until its transaction ends. A month therefore cannot be closed
 * between a writer's check and its commit.
 */
export async function lockPeriods(tx: Tx, ctx: TTenantContext, mode: "shared" | "exclusive"): Promise<void> {
  const { organizationId } = ctx;
  const key = `period-close:${organizationId}`;
  if (mode === "shared")
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock_shared(hashtext(${key}))) AS l`;
  else await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
}

/** Refuses a write that touches a closed month. Call inside the write's transaction. */
export async function assertMonthsOpen(tx: Tx, ctx: TTenantContext, months: Iterable<MonthKey>): Promise<void> {
  const { organizationId } = ctx;
  const wanted = [...new Set(months)];
  if (!wanted.length) return;
  await lockPeriods(tx, ctx, "shared");
  const closed = await tx.$queryRaw<{ month: Date }[]>`
    SELECT month FROM "PeriodClose"
    WHERE "organizationId" = ${organizationId} AND month = ANY(${wanted.map(monthToDbDate)}::date[])`;
  if (closed.length) {
    const names = closed.map((c) => monthLabel(dbDateToMonth(c.month))).sort();
    throw new AppError(
      "CONFLICT",
      `${names.join(", ")} ${names.length > 1 ? "are" : "is"} closed. An owner must reopen ${names.length > 1 ? "them" : "it"} before anything in ${names.length > 1 ? "them" : "it"} can change.`,
    );
  }
}
