import "server-only";
import type { Role } from "@db/enums";
import { roleNeedsDepartment } from "@/lib/permissions";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";

/**
 * The department a membership or invitation with `role` is bound to: required (and active) for a
 * department head, and a sales department for a sales manager; always null for other roles.
 */
export async function resolveDepartmentBinding(
  tx: Tx,
  ctx: TTenantContext,
  role: Role,
  departmentId: string | null,
): Promise<string | null> {
  const { organizationId } = ctx;
  if (!roleNeedsDepartment(role)) return null;
  const fieldError = (message: string) => new AppError("VALIDATION", message, { departmentId: [message] });
  if (!departmentId) throw fieldError("Choose the department this person leads.");
  const department = await tx.department.findUnique({
    where: { organizationId_id: { organizationId, id: departmentId } },
    select: { kind: true, archivedAt: true },
  });
  if (!department || department.archivedAt) throw fieldError("Choose an active department of this organization.");
  if (role === "SALES_MANAGER" && department.kind !== "SALES")
    throw fieldError("A sales manager is bound to a sales department.");
  return departmentId;
}
