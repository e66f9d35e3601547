import "server-only";
import type { KpiUnit } from "@db/enums";
import type { z } from "zod";
import { defaultAggregation, formatKpiValue, parseKpiValue } from "@/lib/kpi";
import { dbDateToMonth, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import {
  CHOOSE_CURRENCY_AGGREGATION,
  ZCreateKpiInput,
  ZKpiIdInput,
  ZSetKpiValuesInput,
  ZUpdateKpiInput,
} from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound, type FieldErrors } from "../errors";
import { assertMonthsOpen, getClosedMonths } from "../periods/open-months";
import { getOrganizationMoney } from "../organizations/queries";
import { cellToken, changedFields, createOnce, lastAuditedChange, listText, staleSave } from "../concurrency";
import type { TTenantContext } from "../tenant";
import { departmentForWrite } from "./guards";

async function parseTarget(tx: Tx, ctx: TTenantContext, text: string, unit: KpiUnit): Promise<bigint | null> {
  if (!text) return null;
  const { currency } = await getOrganizationMoney(tx, ctx);
  const parsed = parseKpiValue(text, unit, currency);
  if (!parsed.ok) throw new AppError("VALIDATION", `Target: ${parsed.reason}`, { target: [parsed.reason] });
  return parsed.value;
}

async function getKpi(tx: Tx, ctx: TTenantContext, kpiId: string) {
  const kpi = await tx.kpi.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: kpiId } },
  });
  if (!kpi) throw notFound("That KPI");
  return kpi;
}

const nameTaken = () =>
  new AppError("CONFLICT", "This department already has a KPI with that name.", {
    name: ["This department already has a KPI with that name."],
  });

/**
 * The conflict for a KPI value changed since the form loaded (`loaded`: its version token then):
 * who set it to what and when — the value's own row, or the audit of its removal.
 */
async function staleKpiValue(
  tx: Tx,
  ctx: TTenantContext,
  kpi: { id: string; name: string; unit: KpiUnit } | undefined,
  month: MonthKey,
  currency: string,
  loaded: string | undefined,
) {
  const { organizationId } = ctx;
  if (!kpi) return notFound("That KPI");
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  const current = await tx.kpiValue.findUnique({
    where: { organizationId_kpiId_month: { organizationId, kpiId: kpi.id, month: monthToDbDate(month) } },
    include: { updatedBy: { select: { name: true } } },
  });
  const loadedId = loaded?.split(":")[0];
  const error = current
    ? await staleSave(
        `changed ${kpi.name} for ${monthLabel(month)} to ${formatKpiValue(current.valueScaled, kpi.unit, currency)}`,
        { by: current.updatedBy?.name ?? "Someone", at: current.updatedAt },
        timeZone,
      )
    : await staleSave(
        `removed ${kpi.name}'s value for ${monthLabel(month)}`,
        loadedId ? await lastAuditedChange(tx, ctx, "KpiValue", loadedId) : null,
        timeZone,
      );
  return new AppError("CONFLICT", error.message, { [`values.${kpi.id}`]: [error.message] });
}

const KPI_FIELDS = {
  name: "name",
  unit: "unit",
  direction: "direction",
  aggregation: "aggregation",
  targetScaled: "target",
  greenAtBp: "green band",
  amberAtBp: "amber band",
};

/** Who changed the KPI's definition since the form loaded it, what and when. */
async function staleKpi(tx: Tx, ctx: TTenantContext, kpiId: string) {
  const change = await lastAuditedChange(tx, ctx, "Kpi", kpiId, ["kpi.updated", "kpi.created"]);
  const fields = changedFields(change, KPI_FIELDS);
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  return staleSave(`changed this KPI's ${fields.length ? listText(fields) : "definition"}`, change, timeZone);
}

/** OWNER defines a department's KPIs and their targets (DESIGN.md: heads enter values, not their own targets). */
export const createKpi = tenantMutation({
  schema: ZCreateKpiInput,
  permission: "kpiDefinitions.write",
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const found = await db.kpi.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return found && { kpiId: found.id };
      },
      () =>
        db.$transaction(async (tx) => {
          const { organizationId } = ctx;
          const department = await departmentForWrite(tx, ctx, input.departmentId, "kpiDefinitions.write");
          const targetScaled = await parseTarget(tx, ctx, input.target, input.unit);
          if (
            await tx.kpi.findUnique({
              where: {
                organizationId_departmentId_name: { organizationId, departmentId: department.id, name: input.name },
              },
            })
          )
            throw nameTaken();
          const sortOrder = await tx.kpi.count({ where: { organizationId, departmentId: department.id } });
          // The schema refuses a CURRENCY KPI without an aggregation, so the unit's default exists here.
          const aggregation = input.aggregation ?? defaultAggregation(input.unit) ?? "SUM";
          const kpi = await tx.kpi.create({
            data: {
              organizationId,
              departmentId: department.id,
              name: input.name,
              unit: input.unit,
              direction: input.direction,
              aggregation,
              targetScaled,
              greenAtBp: input.greenAt,
              amberAtBp: input.amberAt,
              sortOrder,
              submissionId: input.submissionId,
            },
          });
          await recordAudit(tx, {
            organizationId,
            actor: ctx.actor,
            action: "kpi.created",
            entityType: "Kpi",
            entityId: kpi.id,
            after: kpi,
          });
          return { kpiId: kpi.id };
        }),
    ),
});

/**
 * Changes a KPI's definition. A new target is stamped on the values of open months (a closed month
 * keeps the target it was rated against). The unit cannot change once values exist: their scale
 * would change meaning. The aggregation may change at any time: it changes how a period's figure is
 * combined from the months, never a month's value or status. Absent, it stays as it was (or, with a
 * new unit, takes that unit's default; a new CURRENCY unit must name one).
 */
export const updateKpi = tenantMutation({
  schema: ZUpdateKpiInput,
  permission: "kpiDefinitions.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getKpi(tx, ctx, input.kpiId);
      if (input.version !== undefined && input.version !== before.version) throw await staleKpi(tx, ctx, before.id);
      if (
        input.unit !== before.unit &&
        (await tx.kpiValue.count({ where: { organizationId, kpiId: before.id } })) > 0
      ) {
        throw new AppError("CONFLICT", "The unit cannot change once the KPI has values.", {
          unit: ["The unit cannot change once the KPI has values; create a new KPI instead."],
        });
      }
      const aggregation =
        input.aggregation ?? (input.unit === before.unit ? before.aggregation : defaultAggregation(input.unit));
      if (!aggregation)
        throw new AppError("VALIDATION", CHOOSE_CURRENCY_AGGREGATION, { aggregation: [CHOOSE_CURRENCY_AGGREGATION] });
      const targetScaled = await parseTarget(tx, ctx, input.target, input.unit);
      const clash = await tx.kpi.findUnique({
        where: {
          organizationId_departmentId_name: { organizationId, departmentId: before.departmentId, name: input.name },
        },
      });
      if (clash && clash.id !== before.id) throw nameTaken();
      const data = {
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        aggregation,
        targetScaled,
        greenAtBp: input.greenAt,
        amberAtBp: input.amberAt,
      };
      const { count } = await tx.kpi.updateMany({
        where: { organizationId, id: before.id, version: before.version },
        data,
      });
      if (count !== 1) throw await staleKpi(tx, ctx, before.id);
      let restamped = 0;
      if (targetScaled !== before.targetScaled) {
        const closed = [...(await getClosedMonths(tx, ctx))].map(monthToDbDate);
        ({ count: restamped } = await tx.kpiValue.updateMany({
          where: { organizationId, kpiId: before.id, month: { notIn: closed } },
          data: { targetScaled },
        }));
      }
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "kpi.updated",
        entityType: "Kpi",
        entityId: before.id,
        before,
        after: { ...before, ...data, restampedValues: restamped },
      });
      return { kpiId: before.id, restamped };
    }),
});

function setArchived(archived: boolean) {
  return tenantMutation({
    schema: ZKpiIdInput,
    permission: "kpiDefinitions.write",
    run: (ctx, input) =>
      db.$transaction(async (tx) => {
        const before = await getKpi(tx, ctx, input.kpiId);
        const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
        await tx.kpi.updateMany({ where: { organizationId: ctx.organizationId, id: before.id }, data: { archivedAt } });
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actor: ctx.actor,
          action: archived ? "kpi.archived" : "kpi.restored",
          entityType: "Kpi",
          entityId: before.id,
          before,
          after: { ...before, archivedAt },
        });
        return { kpiId: before.id };
      }),
  });
}

/** Archived KPIs keep their values but leave the scorecard and the department's status. */
export const archiveKpi = setArchived(true);
export const restoreKpi = setArchived(false);

/**
 * The head enters a month's values for their department's KPIs: one value per KPI and month, an
 * empty text removes it. Every value is parsed before anything is written; only changed values are
 * written, each stamped with the KPI's current target.
 */
export const setKpiValues = tenantMutation({
  schema: ZSetKpiValuesInput,
  permission: { permission: "department.write", department: (input) => input.departmentId },
  run: (ctx, input) => db.$transaction((tx) => writeKpiValuesInTx(tx, ctx, input)),
});

/** The body of setKpiValues inside `tx` (the form and the API). */
export async function writeKpiValuesInTx(tx: Tx, ctx: TTenantContext, input: z.output<typeof ZSetKpiValuesInput>) {
  const { organizationId } = ctx;
  const department = await departmentForWrite(tx, ctx, input.departmentId);
  const ids = Object.keys(input.values);
  const kpis = await tx.kpi.findMany({
    where: { organizationId, departmentId: department.id, id: { in: ids }, archivedAt: null },
  });
  if (kpis.length !== ids.length) throw notFound("That KPI");
  const { currency } = await getOrganizationMoney(tx, ctx);
  const month = monthToDbDate(input.month);
  const existing = new Map(
    (await tx.kpiValue.findMany({ where: { organizationId, kpiId: { in: ids }, month } })).map((v) => [v.kpiId, v]),
  );
  const fieldErrors: FieldErrors = {};
  const writes: { kpiId: string; value: bigint | null }[] = [];
  for (const kpi of kpis) {
    const text = input.values[kpi.id] ?? "";
    let value: bigint | null = null;
    if (text) {
      const parsed = parseKpiValue(text, kpi.unit, currency);
      if (!parsed.ok) {
        fieldErrors[`values.${kpi.id}`] = [`${kpi.name}: ${parsed.reason}`];
        continue;
      }
      value = parsed.value;
    }
    if (value !== (existing.get(kpi.id)?.valueScaled ?? null)) writes.push({ kpiId: kpi.id, value });
  }
  if (Object.keys(fieldErrors).length)
    throw new AppError(
      "VALIDATION",
      `Please correct the highlighted values: ${Object.values(fieldErrors)[0]?.[0]}`,
      fieldErrors,
    );
  if (!writes.length) return { changed: 0 };
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const staleValue = (kpiId: string) =>
    staleKpiValue(tx, ctx, byId.get(kpiId), input.month, currency, input.versions?.[kpiId]);
  // The form sends only the values the user changed, each with the version it was loaded with.
  const versions = input.versions;
  if (versions)
    for (const write of writes)
      if (versions[write.kpiId] !== cellToken(existing.get(write.kpiId))) throw await staleValue(write.kpiId);
  await assertMonthsOpen(tx, ctx, [input.month]);
  for (const write of writes) {
    const before = existing.get(write.kpiId) ?? null;
    // Guarded by the version read above: a save landing in between makes the count 0.
    const guard = before ? { organizationId, id: before.id, version: before.version } : null;
    if (write.value === null) {
      if (!guard || (await tx.kpiValue.deleteMany({ where: guard })).count !== 1) throw await staleValue(write.kpiId);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "kpiValue.cleared",
        entityType: "KpiValue",
        entityId: before?.id ?? write.kpiId,
        before,
      });
      continue;
    }
    const data = {
      valueScaled: write.value,
      targetScaled: byId.get(write.kpiId)?.targetScaled ?? null,
      updatedById: ctx.userId,
      importBatchId: null,
    };
    const { count } = guard
      ? await tx.kpiValue.updateMany({ where: guard, data })
      : await tx.kpiValue.createMany({
          data: [{ organizationId, kpiId: write.kpiId, month, ...data }],
          skipDuplicates: true,
        });
    if (count !== 1) throw await staleValue(write.kpiId);
    const after = await tx.kpiValue.findUniqueOrThrow({
      where: { organizationId_kpiId_month: { organizationId, kpiId: write.kpiId, month } },
    });
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: "kpiValue.set",
      entityType: "KpiValue",
      entityId: after.id,
      before,
      after: { ...after, month: dbDateToMonth(after.month) },
    });
  }
  return { changed: writes.length };
}
