import "server-only";
import { can, type Permission } from "@/lib/permissions";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { TTenantContext } from "../tenant";

export const forbidden = () => new AppError("FORBIDDEN", "Your role does not allow this change.");

/**
 * The department a write names, in this organization only (another organization's id is simply not
 * found), checked against `permission` for that department. Archived departments take no new records.
 */
export async function departmentForWrite(
  tx: Tx,
  ctx: TTenantContext,
  departmentId: string,
  permission: Permission = "department.write",
) {
  const department = await tx.department.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: departmentId } },
    select: { id: true, name: true, kind: true, archivedAt: true },
  });
  if (!department) throw notFound("That department");
  if (!can(ctx, permission, department.id)) throw forbidden();
  if (department.archivedAt)
    throw new AppError("CONFLICT", `${department.name} is archived. Restore it in settings before adding to it.`);
  return department;
}

/** For mutations that name a record rather than a department: the record's department decides. */
export function assertDepartmentWrite(
  ctx: TTenantContext,
  departmentId: string,
  permission: Permission = "department.write",
) {
  if (!can(ctx, permission, departmentId)) throw forbidden();
}
