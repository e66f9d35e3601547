import "server-only";
import { can } from "@/lib/permissions";
import { monthKey, monthLabel, monthToDbDate } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZDepartmentMonthInput, ZSaveNarrativeInput } from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { getOrganizationMoney } from "../revenue/targets";
import { departmentForWrite } from "./guards";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "./status";
import { now } from "@/server/clock";

/** The head's "why" and "what next" for a month of their department. */
export const saveNarrative = tenantMutation({
  schema: ZSaveNarrativeInput,
  permission: (ctx, input) => can(ctx, "department.write", input.departmentId),
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const department = await departmentForWrite(tx, ctx, input.departmentId);
      const month = monthToDbDate(input.month);
      const key = { organizationId_departmentId_month: { organizationId, departmentId: department.id, month } };
      const before = await tx.narrative.findUnique({ where: key });
      if (before?.reviewedAt && (!input.why || !input.whatNext)) {
        const status = statusByDepartmentMonth(await ratedKpiValues(organizationId, [input.month], department.id, tx)).get(statusKey(department.id, input.month));
        if (status === "RED") throw redNeedsNarrative(input.month, input);
      }
      const data = { why: input.why, whatNext: input.whatNext, updatedById: ctx.userId };
      const after = await tx.narrative.upsert({ where: key, create: { organizationId, departmentId: department.id, month, ...data }, update: data });
      await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "narrative.saved", entityType: "Narrative", entityId: after.id, before, after });
      return { narrativeId: after.id };
    }),
});

function redNeedsNarrative(month: ReturnType<typeof monthKey>, text: { why: string; whatNext: string }) {
  const reason = `${monthLabel(month)} is red: write why, and what happens next, before it is marked reviewed.`;
  return new AppError("VALIDATION", reason, {
    ...(!text.why && { why: ["Say why the month is red."] }),
    ...(!text.whatNext && { whatNext: ["Say what happens next."] }),
  });
}

/**
 * The head signs a month of their scorecard off as reviewed. A red month needs its narrative (both
 * "why" and "what next") first; a month that has not started cannot be reviewed.
 */
export const markMonthReviewed = tenantMutation({
  schema: ZDepartmentMonthInput,
  permission: (ctx, input) => can(ctx, "department.write", input.departmentId),
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const department = await departmentForWrite(tx, ctx, input.departmentId);
      const { timeZone } = await getOrganizationMoney(tx, organizationId);
      const today = todayIn(timeZone, await now());
      if (input.month > monthKey(today.year, today.month)) throw new AppError("VALIDATION", `${monthLabel(input.month)} has not started yet.`, { month: ["Choose a month that has started."] });
      const month = monthToDbDate(input.month);
      const key = { organizationId_departmentId_month: { organizationId, departmentId: department.id, month } };
      const before = await tx.narrative.findUnique({ where: key });
      if (before?.reviewedAt) throw new AppError("CONFLICT", `${monthLabel(input.month)} is already marked reviewed.`);
      const status = statusByDepartmentMonth(await ratedKpiValues(organizationId, [input.month], department.id, tx)).get(statusKey(department.id, input.month));
      if (status === "RED" && (!before?.why || !before.whatNext)) throw redNeedsNarrative(input.month, { why: before?.why ?? "", whatNext: before?.whatNext ?? "" });
      const data = { reviewedAt: new Date(), reviewedById: ctx.userId };
      const alreadyReviewed = () => new AppError("CONFLICT", `${monthLabel(input.month)} was marked reviewed a moment ago by someone else.`);
      // Conditional writes, so two heads clicking at once cannot both review the month.
      if (before) {
        const { count } = await tx.narrative.updateMany({ where: { organizationId, id: before.id, reviewedAt: null }, data });
        if (count !== 1) throw alreadyReviewed();
      } else {
        const { count } = await tx.narrative.createMany({ data: [{ organizationId, departmentId: department.id, month, ...data }], skipDuplicates: true });
        if (count !== 1) throw alreadyReviewed();
      }
      const after = await tx.narrative.findUniqueOrThrow({ where: key });
      await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "narrative.reviewed", entityType: "Narrative", entityId: after.id, before, after });
      return { month: input.month, status: status ?? null };
    }),
});
