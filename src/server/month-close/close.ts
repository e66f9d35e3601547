import "server-only";
import { closeChecklistSummary, closeDecision } from "@/lib/close-checklist";
import { plural } from "@/lib/format";
import { monthKey, monthLabel, monthToDbDate } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZCloseMonthInput, ZMonthInput } from "@/lib/schemas/revenue";
import { now } from "../clock";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { lockPeriods } from "../periods/open-months";
import { monthCloseChecklist } from "./checklist";

/**
 * Closes a month that has ended, through its checklist (./checklist.ts):
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
        if (decision.reason === "inProgress")
          throw new AppError(
            "VALIDATION",
            `${label} has not ended yet; a month can be closed from the day after its last day.`,
            { month: [`${label} is not over yet.`] },
          );
        if (decision.reason === "blocked")
          throw new AppError(
            "CONFLICT",
            `${label} cannot close while ${plural(blockingCount, "department")} ${blockingCount === 1 ? "has" : "have"} claims awaiting review: confirm or dispute them first.`,
          );
        throw new AppError(
          "CONFLICT",
          `${label} still has ${plural(openCount, "open item")}. Confirm that you close it over them.`,
          { confirmOpenItems: [`Confirm closing over ${plural(openCount, "open item")}.`] },
        );
      }
      const close = await tx.periodClose.create({ data: { organizationId, month, closedById: ctx.userId } });
      const openItems = items.map(({ kind, departmentId, count }) => ({ kind, departmentId, count }));
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "period.closed",
        entityType: "PeriodClose",
        entityId: input.month,
        after: { ...close, openItems },
      });
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
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "period.reopened",
        entityType: "PeriodClose",
        entityId: input.month,
        before: existing,
      });
      return { month: input.month };
    }),
});
