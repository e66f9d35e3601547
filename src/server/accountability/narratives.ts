import "server-only";
import { monthKey, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZDepartmentMonthInput, ZSaveNarrativeInput } from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { cellToken, changedFields, lastAuditedChange, listText, staleSave } from "../concurrency";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { AppError } from "../errors";
import { getOrganizationMoney } from "../organizations/queries";
import { departmentForWrite } from "./guards";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "./status";
import { now } from "@/server/clock";

/** The head's "why" and "what next" for a month of their department. */
export const saveNarrative = tenantMutation({
  schema: ZSaveNarrativeInput,
  permission: { permission: "department.write", department: (input) => input.departmentId },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const department = await departmentForWrite(tx, ctx, input.departmentId);
      const month = monthToDbDate(input.month);
      const key = { organizationId_departmentId_month: { organizationId, departmentId: department.id, month } };
      const before = await tx.narrative.findUnique({ where: key });
      if (before?.reviewedAt && (!input.why || !input.whatNext)) {
        const status = statusByDepartmentMonth(await ratedKpiValues(ctx, [input.month], department.id, tx)).get(
          statusKey(department.id, input.month),
        );
        if (status === "RED") throw redNeedsNarrative(input.month, input);
      }
      const isSame = before !== null && before.why === input.why && before.whatNext === input.whatNext;
      if (input.version !== undefined && input.version !== cellToken(before) && !isSame)
        throw await staleNarrative(tx, ctx, department.id, input.month);
      const data = { why: input.why, whatNext: input.whatNext, updatedById: ctx.userId };
      // Guarded by the version read above: a save landing in between makes the count 0.
      const { count } = before
        ? await tx.narrative.updateMany({ where: { organizationId, id: before.id, version: before.version }, data })
        : await tx.narrative.createMany({
            data: [{ organizationId, departmentId: department.id, month, ...data }],
            skipDuplicates: true,
          });
      if (count !== 1) throw await staleNarrative(tx, ctx, department.id, input.month);
      const after = await tx.narrative.findUniqueOrThrow({ where: key });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "narrative.saved",
        entityType: "Narrative",
        entityId: after.id,
        before,
        after,
      });
      return { narrativeId: after.id };
    }),
});

/** Who changed which of the two texts, and when, since the form loaded. */
async function staleNarrative(tx: Tx, ctx: TTenantContext, departmentId: string, month: MonthKey) {
  const { organizationId } = ctx;
  const current = await tx.narrative.findUnique({
    where: { organizationId_departmentId_month: { organizationId, departmentId, month: monthToDbDate(month) } },
    select: { id: true },
  });
  const change = current ? await lastAuditedChange(tx, ctx, "Narrative", current.id, ["narrative.saved"]) : null;
  const fields = changedFields(change, { why: "“why”", whatNext: "“what next”" });
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  return staleSave(
    `changed ${fields.length ? listText(fields) : "the narrative"} for ${monthLabel(month)}`,
    change,
    timeZone,
  );
}

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
  permission: { permission: "department.write", department: (input) => input.departmentId },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const department = await departmentForWrite(tx, ctx, input.departmentId);
      const { timeZone } = await getOrganizationMoney(tx, ctx);
      const today = todayIn(timeZone, await now());
      if (input.month > monthKey(today.year, today.month))
        throw new AppError("VALIDATION", `${monthLabel(input.month)} has not started yet.`, {
          month: ["Choose a month that has started."],
        });
      const month = monthToDbDate(input.month);
      const key = { organizationId_departmentId_month: { organizationId, departmentId: department.id, month } };
      const before = await tx.narrative.findUnique({ where: key });
      if (before?.reviewedAt) throw new AppError("CONFLICT", `${monthLabel(input.month)} is already marked reviewed.`);
      const status = statusByDepartmentMonth(await ratedKpiValues(ctx, [input.month], department.id, tx)).get(
        statusKey(department.id, input.month),
      );
      if (status === "RED" && (!before?.why || !before.whatNext))
        throw redNeedsNarrative(input.month, { why: before?.why ?? "", whatNext: before?.whatNext ?? "" });
      const data = { reviewedAt: new Date(), reviewedById: ctx.userId };
      const alreadyReviewed = () =>
        new AppError("CONFLICT", `${monthLabel(input.month)} was marked reviewed a moment ago by someone else.`);
      // Conditional writes, so two heads clicking at once cannot both review the month.
      if (before) {
        const { count } = await tx.narrative.updateMany({
          where: { organizationId, id: before.id, reviewedAt: null },
          data,
        });
        if (count !== 1) throw alreadyReviewed();
      } else {
        const { count } = await tx.narrative.createMany({
          data: [{ organizationId, departmentId: department.id, month, ...data }],
          skipDuplicates: true,
        });
        if (count !== 1) throw alreadyReviewed();
      }
      const after = await tx.narrative.findUniqueOrThrow({ where: key });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "narrative.reviewed",
        entityType: "Narrative",
        entityId: after.id,
        before,
        after,
      });
      return { month: input.month, status: status ?? null };
    }),
});
