import type { ApiScope, Role } from "@db/enums";

// The one permission map (DESIGN.md "Users and roles"). It fails closed: an action or role that
// is not listed here is refused, and department-bound permissions need a bound department.
export const PERMISSIONS = [
  "organization.update",
  "members.manage",
  "departments.manage",
  "targets.write",
  "actuals.write",
  "period.close",
  "period.reopen",
  "contributions.review",
  "kpiDefinitions.write",
  "department.write",
  "pipeline.write",
  "pipeline.configure",
  "apiTokens.manage",
  /** The organization's audit trail names members, tokens and what they changed: owners only. */
  "auditTrail.read",
  /** The member's own preferences (how often they get email): every role. */
  "profile.update",
  /** Snoozing one's own My work items (with a reason, audited): everyone who is given work. */
  "alerts.snooze",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

type Grant = "all" | "ownDepartment";

const MAP: Record<Role, Partial<Record<Permission, Grant>>> = {
  OWNER: Object.fromEntries(PERMISSIONS.map((p) => [p, "all"])),
  FINANCE: {
    "targets.write": "all",
    "actuals.write": "all",
    "period.close": "all",
    "contributions.review": "all",
    "profile.update": "all",
    "alerts.snooze": "all",
  },
  DEPARTMENT_HEAD: { "department.write": "ownDepartment", "profile.update": "all", "alerts.snooze": "all" },
  SALES_MANAGER: {
    "department.write": "ownDepartment",
    "pipeline.write": "all",
    "profile.update": "all",
    "alerts.snooze": "all",
  },
  VIEWER: { "profile.update": "all" },
};

/**
 * What an API token's scopes grant (DESIGN.md "Public API"). A token writes for the whole
 * organization: its grants are never department-bound. READ grants no write.
 */
const SCOPE_GRANTS: Record<ApiScope, readonly Permission[]> = {
  READ: [],
  REVENUE_WRITE: ["actuals.write"],
  PIPELINE_WRITE: ["pipeline.write"],
  KPIS_WRITE: ["department.write"],
};

/** Whoever asks: a member (role, department binding) or a token (scopes, no role). */
export type TPermissionHolder = { role: string | null; departmentId: string | null; scopes?: readonly ApiScope[] };

function grantOf(holder: TPermissionHolder, permission: Permission): Grant | undefined {
  if (holder.role === null)
    return holder.scopes?.some(
      (scope) => Object.hasOwn(SCOPE_GRANTS, scope) && SCOPE_GRANTS[scope].includes(permission),
    )
      ? "all"
      : undefined;
  if (!Object.hasOwn(MAP, holder.role)) return undefined;
  return MAP[holder.role as Role][permission];
}

/**
 * Whether `actor` holds `permission` for at least one department: the role-level gate of a mutation
 * whose department comes from the record it changes (read inside the mutation, then checked with
 * `can(actor, permission, departmentId)`). A department-bound role without a binding holds nothing.
 */
export function canInSomeDepartment(actor: TPermissionHolder, permission: Permission): boolean {
  const grant = grantOf(actor, permission);
  return grant === "all" || (grant === "ownDepartment" && actor.departmentId !== null);
}

/**
 * Whether `actor` may perform `permission`. For department-bound grants, `departmentId` names the
 * department being written; a missing binding or a different department is refused.
 */
export function can(actor: TPermissionHolder, permission: Permission, departmentId?: string): boolean {
  const grant = grantOf(actor, permission);
  if (grant === "all") return true;
  if (grant === "ownDepartment") {
    return actor.departmentId !== null && departmentId !== undefined && actor.departmentId === departmentId;
  }
  return false;
}

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  FINANCE: "Finance",
  DEPARTMENT_HEAD: "Department head",
  SALES_MANAGER: "Sales manager",
  VIEWER: "Viewer",
};

/** Roles that must be bound to a department (SALES_MANAGER to a sales department). */
export function roleNeedsDepartment(role: Role): boolean {
  return role === "DEPARTMENT_HEAD" || role === "SALES_MANAGER";
}
