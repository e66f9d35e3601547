import "server-only";
import type { z } from "zod";
import type { ZApiKpiValuesBody } from "@/lib/schemas/api";
import { writeKpiValuesInTx } from "../accountability/kpis";
import type { Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import type { TTenantContext } from "../tenant";

type TBody = z.output<typeof ZApiKpiValuesBody>;

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Sets a month's KPI values named by department and KPI name, through the form's own write (units,
 * closed months, audit): every name is resolved first, then each department's values are written in
 * the caller's transaction, so one bad name or value writes nothing at all.
 */
export async function putKpiValues(tx: Tx, ctx: TTenantContext, body: TBody) {
  const { organizationId } = ctx;
  const [departments, kpis] = await Promise.all([
    tx.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } }),
    tx.kpi.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true, departmentId: true },
    }),
  ]);
  const errors: FieldErrors = {};
  const byDepartment = new Map<
    string,
    { name: string; values: Record<string, string>; positions: Map<string, number> }
  >();
  body.values.forEach((item, index) => {
    const department = departments.find((d) => fold(d.name) === fold(item.department));
    if (!department) {
      errors[`values.${index}.department`] = [
        `Use one of this organization's departments: ${departments.map((d) => d.name).join(", ")}.`,
      ];
      return;
    }
    const kpi = kpis.find((k) => k.departmentId === department.id && fold(k.name) === fold(item.kpi));
    if (!kpi) {
      const own = kpis.filter((k) => k.departmentId === department.id).map((k) => k.name);
      errors[`values.${index}.kpi`] = [
        own.length ? `${department.name}'s KPIs are: ${own.join(", ")}.` : `${department.name} has no KPIs yet.`,
      ];
      return;
    }
    const group = byDepartment.get(department.id) ?? {
      name: department.name,
      values: {},
      positions: new Map<string, number>(),
    };
    if (group.positions.has(kpi.id))
      errors[`values.${index}.kpi`] = [`${kpi.name} is sent twice for ${department.name}.`];
    group.positions.set(kpi.id, index);
    group.values[kpi.id] = item.value;
    byDepartment.set(department.id, group);
  });
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", `Please correct the values: ${Object.values(errors)[0]?.[0]}`, errors);
  let changed = 0;
  for (const [departmentId, group] of byDepartment) {
    try {
      const result = await writeKpiValuesInTx(tx, ctx, { departmentId, month: body.month, values: group.values });
      changed += result.changed;
    } catch (error) {
      // The form names a value by KPI id; the API by its position in the request.
      if (error instanceof AppError && error.fieldErrors) {
        const fields: FieldErrors = {};
        for (const [key, messages] of Object.entries(error.fieldErrors)) {
          const kpiId = key.startsWith("values.") ? key.slice("values.".length) : null;
          const index = kpiId ? group.positions.get(kpiId) : undefined;
          fields[index === undefined ? key : `values.${index}.value`] = messages;
        }
        throw new AppError(error.code, error.message, fields);
      }
      throw error;
    }
  }
  return { changed, departments: [...byDepartment.values()].map((g) => g.name) };
}
