import "server-only";
import type { Role } from "@db/enums";
import { db } from "./db";

export type TTenantContext = {
  userId: string;
  organizationId: string;
  slug: string;
  role: Role;
  /** The department a DEPARTMENT_HEAD or SALES_MANAGER is bound to. */
  departmentId: string | null;
};

/**
 * The tenant is the organization named by the URL slug, and only if this user is a member of it.
 * Anything else (no such slug, not a member) is indistinguishable: null.
 */
export async function resolveTenant(userId: string, slug: string): Promise<TTenantContext | null> {
  const membership = await db.membership.findFirst({
    where: { userId, organization: { slug } },
    select: { organizationId: true, role: true, departmentId: true },
  });
  if (!membership) return null;
  return { userId, slug, ...membership };
}
