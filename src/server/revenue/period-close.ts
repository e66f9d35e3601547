import "server-only";
import { closeChecklistSummary, closeDecision } from "@/lib/close-checklist";
import { plural } from "@/lib/format";
import { dbDateToMonth, monthKey, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZCloseMonthInput, ZMonthInput } from "@/lib/schemas/revenue";
import { now } from "../clock";
import { monthCloseChecklist } from "../periods/close-checklist";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";

/** The organization's closed months. */
export async function getClosedMonths(tx: Tx, ctx: TTenantContext): Promise<Set<MonthKey>> {
  const { organizationId } = ctx;
  const rows = await tx.periodClose.findMany({ where: { organizationId }, select: { month: true } });
  return new Set(rows.map((r) => dbDateToMonth(r.month)));
}

/**
 * Serializes period closes against writes to the periods: writers take this lock shared, closing and
 * reopening take it exclusive, each until its transaction ends. A month therefore cannot be closed
 * between a writer's check and its commit.
 */
export async function lockPeriods(tx: Tx, ctx: TTenantContext, mode: "shared" | "exclusive"): Promise<void> {
  const { organizationId } = ctx;
  const key = `period-close:${organizationId}`;
  if (mode === "shared") await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock_shared(hashtext(${key}))) AS l`;
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
    throw new AppError("CONFLICT", `${names.join(", ")} ${names.length > 1 ? "are" : "is"} closed. An owner must reopen ${names.length > 1 ? "them" : "it"} before anything in ${names.length > 1 ? "them" : "it"} can change.`);
  }
}

/**
 * Closes a month that has ended, through its checklist (src/server/periods/close-checklist.ts):
 * refused while a claim awaits review; over other open items only with `confirmOpenItems`, and the
 * items closed over are recorded in the audit event. Read under the exclusive period lock, so no
 * claim can be logged between the check and the close.
 */
export const closeMonth = tenantMutation({
  schema: ZCloseMonthInput,
  permission: "period.close",
  run: async (ctx, input) => {
    const today = await now();
    return db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      await lockPeriods(tx, ctx, "exclusive");
      const month = monthToDbDate(input.month);
      const label = monthLabel(input.month);
      const existing = await tx.periodClose.findUnique({ where: { organizationId_month: { organizationId, month } } });
      if (existing) throw new AppError("CONFLICT", `${label} is already closed.`);
      const { timeZone } = ctx.organization;
      const local = todayIn(timeZone, today);
      const items = await monthCloseChecklist(tx, ctx, ctx.slug, input.month);
      const decision = closeDecision(input.month, monthKey(local.year, local.month), items, input.confirmOpenItems);
      if (!decision.ok) {
        const { blockingCount, openCount } = closeChecklistSummary(items);
        if (decision.reason === "inProgress") throw new AppError("VALIDATION", `${label} has not ended yet; a month can be closed from the day after its last day.`, { month: [`${label} is not over yet.`] });
        if (decision.reason === "blocked") throw new AppError("CONFLICT", `${label} cannot close while ${plural(blockingCount, "department")} ${blockingCount === 1 ? "has" : "have"} claims awaiting review: confirm or dispute them first.`);
        throw new AppError("CONFLICT", `${label} still has ${plural(openCount, "open item")}. Confirm that you close it over them.`, { confirmOpenItems: [`Confirm closing over ${plural(openCount, "open item")}.`] });
      }
      const close = await tx.periodClose.create({ data: { organizationId, month, closedById: ctx.userId } });
      const openItems = items.map(({ kind, departmentId, count }) => ({ kind, departmentId, count }));
      await recordAudit(tx, { organizationId, actor: ctx.actor, action: "period.closed", entityType: "PeriodClose", entityId: input.month, after: { ...close, openItems } });
      return { month: input.month, closedOver: items.length };
    });
  },
});

export const reopenMonth = tenantMutation({
  schema: ZMonthInput,
  permission: "period.reopen",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      await lockPeriods(tx, ctx, "exclusive");
      const month = monthToDbDate(input.month);
      const existing = await tx.periodClose.findUnique({ where: { organizationId_month: { organizationId, month } } });
      if (!existing) throw new AppError("NOT_FOUND", `${monthLabel(input.month)} is not closed.`);
      await tx.periodClose.deleteMany({ where: { organizationId, id: existing.id } });
      await recordAudit(tx, { organizationId, actor: ctx.actor, action: "period.reopened", entityType: "PeriodClose", entityId: input.month, before: existing });
      return { month: input.month };
    }),
});
