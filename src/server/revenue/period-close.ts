import "server-only";
import { dbDateToMonth, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { ZMonthInput } from "@/lib/schemas/revenue";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";

/** The organization's closed months. */
export async function getClosedMonths(tx: Tx, organizationId: string): Promise<Set<MonthKey>> {
  const rows = await tx.periodClose.findMany({ where: { organizationId }, select: { month: true } });
  return new Set(rows.map((r) => dbDateToMonth(r.month)));
}

/**
 * Serializes period closes against writes to the periods: writers take this lock shared, closing and
 * reopening take it exclusive, each until its transaction ends. A month therefore cannot be closed
 * between a writer's check and its commit.
 */
export async function lockPeriods(tx: Tx, organizationId: string, mode: "shared" | "exclusive"): Promise<void> {
  const key = `period-close:${organizationId}`;
  if (mode === "shared") await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock_shared(hashtext(${key}))) AS l`;
  else await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
}

/** Refuses a write that touches a closed month. Call inside the write's transaction. */
export async function assertMonthsOpen(tx: Tx, organizationId: string, months: Iterable<MonthKey>): Promise<void> {
  const wanted = [...new Set(months)];
  if (!wanted.length) return;
  await lockPeriods(tx, organizationId, "shared");
  const closed = await tx.$queryRaw<{ month: Date }[]>`
    SELECT month FROM "PeriodClose"
    WHERE "organizationId" = ${organizationId} AND month = ANY(${wanted.map(monthToDbDate)}::date[])`;
  if (closed.length) {
    const names = closed.map((c) => monthLabel(dbDateToMonth(c.month))).sort();
    throw new AppError("CONFLICT", `${names.join(", ")} ${names.length > 1 ? "are" : "is"} closed. An owner must reopen ${names.length > 1 ? "them" : "it"} before anything in ${names.length > 1 ? "them" : "it"} can change.`);
  }
}

export const closeMonth = tenantMutation({
  schema: ZMonthInput,
  permission: "period.close",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      await lockPeriods(tx, organizationId, "exclusive");
      const month = monthToDbDate(input.month);
      const existing = await tx.periodClose.findUnique({ where: { organizationId_month: { organizationId, month } } });
      if (existing) throw new AppError("CONFLICT", `${monthLabel(input.month)} is already closed.`);
      const close = await tx.periodClose.create({ data: { organizationId, month, closedById: ctx.userId } });
      await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "period.closed", entityType: "PeriodClose", entityId: input.month, after: close });
      return { month: input.month };
    }),
});

export const reopenMonth = tenantMutation({
  schema: ZMonthInput,
  permission: "period.reopen",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      await lockPeriods(tx, organizationId, "exclusive");
      const month = monthToDbDate(input.month);
      const existing = await tx.periodClose.findUnique({ where: { organizationId_month: { organizationId, month } } });
      if (!existing) throw new AppError("NOT_FOUND", `${monthLabel(input.month)} is not closed.`);
      await tx.periodClose.deleteMany({ where: { organizationId, id: existing.id } });
      await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "period.reopened", entityType: "PeriodClose", entityId: input.month, before: existing });
      return { month: input.month };
    }),
});
