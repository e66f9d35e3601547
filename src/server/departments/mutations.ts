import "server-only";
import { ZCreateDepartmentInput, ZDepartmentIdInput, ZRenameDepartmentInput } from "@/lib/schemas/departments";
import { tenantMutation } from "../action";
import type { TTenantContext } from "../tenant";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { isUniqueViolation } from "../organizations/mutations";
import { lastAuditedChange, staleSave } from "../concurrency";

const nameTaken = () =>
  new AppError("CONFLICT", "A department with this name already exists (it may be archived).", {
    name: ["A department with this name already exists (it may be archived)."],
  });

async function getDepartment(tx: Tx, organizationId: string, id: string) {
  const department = await tx.department.findUnique({ where: { organizationId_id: { organizationId, id } } });
  if (!department) throw notFound("That department");
  return department;
}

export const createDepartment = tenantMutation({
  schema: ZCreateDepartmentInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const department = await tx.department
        .create({ data: { organizationId: ctx.organizationId, name: input.name, kind: input.kind } })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? nameTaken() : e;
        });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: "department.created",
        entityType: "Department",
        entityId: department.id,
        after: department,
      });
      return { departmentId: department.id };
    }),
});

/** Who renamed the department since the form loaded, to what, and when. */
async function staleDepartment(tx: Tx, ctx: TTenantContext, departmentId: string) {
  const change = await lastAuditedChange(tx, ctx, "Department", departmentId, ["department.renamed"]);
  const { timeZone } = ctx.organization;
  const name = typeof change?.after.name === "string" ? ` to “${change.after.name}”` : "";
  return staleSave(`renamed this department${name}`, change, timeZone);
}

export const renameDepartment = tenantMutation({
  schema: ZRenameDepartmentInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getDepartment(tx, organizationId, input.departmentId);
      if (input.version !== undefined && input.version !== before.version)
        throw await staleDepartment(tx, ctx, before.id);
      const { count } = await tx.department
        .updateMany({ where: { organizationId, id: before.id, version: before.version }, data: { name: input.name } })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? nameTaken() : e;
        });
      if (count !== 1) throw await staleDepartment(tx, ctx, before.id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "department.renamed",
        entityType: "Department",
        entityId: before.id,
        before,
        after: { ...before, name: input.name },
      });
      return { departmentId: before.id };
    }),
});

/** Records that point at a department; while any exist it is archived rather than deleted. */
async function countDepartmentRecords(tx: Tx, organizationId: string, departmentId: string): Promise<number> {
  const where = { organizationId, departmentId };
  const counts = await Promise.all([
    tx.membership.count({ where }),
    tx.invitation.count({ where }),
    tx.contribution.count({ where }),
    tx.kpi.count({ where }),
    tx.commitment.count({ where }),
    tx.narrative.count({ where }),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

export const removeDepartment = tenantMutation({
  schema: ZDepartmentIdInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getDepartment(tx, organizationId, input.departmentId);
      const where = { organizationId, id: before.id };
      const audit = { organizationId, actor: ctx.actor, entityType: "Department", entityId: before.id, before };
      if ((await countDepartmentRecords(tx, organizationId, before.id)) > 0) {
        const archivedAt = before.archivedAt ?? new Date();
        await tx.department.updateMany({ where, data: { archivedAt } });
        await recordAudit(tx, { ...audit, action: "department.archived", after: { ...before, archivedAt } });
        return { outcome: "archived" as const };
      }
      await tx.department.deleteMany({ where });
      await recordAudit(tx, { ...audit, action: "department.deleted" });
      return { outcome: "deleted" as const };
    }),
});

export const restoreDepartment = tenantMutation({
  schema: ZDepartmentIdInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getDepartment(tx, organizationId, input.departmentId);
      await tx.department.updateMany({ where: { organizationId, id: before.id }, data: { archivedAt: null } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "department.restored",
        entityType: "Department",
        entityId: before.id,
        before,
        after: { ...before, archivedAt: null },
      });
      return { departmentId: before.id };
    }),
});
