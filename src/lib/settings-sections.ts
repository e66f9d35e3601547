// Settings' sections, each its own page under /o/[slug]/settings, and who may open each. The
// sub-navigation offers only the sections the role may open (a page that would answer "Not
// allowed" is not offered), and each page checks the same permission.
import { can, type Permission, type TPermissionHolder } from "./permissions";

export type TSettingsSection = {
  /** The path under /o/[slug]/settings: "" is the settings' own page (the organization). */
  segment:
    | ""
    | "departments"
    | "categories"
    | "pipeline"
    | "members"
    | "invitations"
    | "api"
    | "activity"
    | "jobs"
    | "board-pack"
    | "notifications";
  label: string;
  permission: Permission;
};

export const SETTINGS_SECTIONS: readonly TSettingsSection[] = [
  { segment: "", label: "Organization", permission: "organization.update" },
  { segment: "departments", label: "Departments", permission: "departments.manage" },
  { segment: "categories", label: "Contribution categories", permission: "departments.manage" },
  { segment: "pipeline", label: "Pipeline", permission: "pipeline.configure" },
  { segment: "members", label: "Members", permission: "members.manage" },
  { segment: "invitations", label: "Invitations", permission: "members.manage" },
  { segment: "api", label: "API tokens", permission: "apiTokens.manage" },
  { segment: "activity", label: "Activity", permission: "auditTrail.read" },
  { segment: "board-pack", label: "Board pack", permission: "organization.update" },
  { segment: "jobs", label: "Scheduled jobs", permission: "auditTrail.read" },
  // The person's own setting: every member may open it (from the user menu when Settings is not theirs).
  { segment: "notifications", label: "Email notifications", permission: "profile.update" },
];

/**
 * Whether settings show their heading and sections' list: for those who may change the
 * organization. Everyone else reaches only their own section (Email notifications), from the user
 * menu, and every other section answers Not allowed, as before.
 */
export function hasSettingsNavigation(actor: TPermissionHolder): boolean {
  return can(actor, "organization.update");
}

/** The URL of a settings section, e.g. settingsPath("acme", "members") → "/o/acme/settings/members". */
export function settingsPath(slug: string, segment: TSettingsSection["segment"] = ""): string {
  return `/o/${encodeURIComponent(slug)}/settings${segment ? `/${segment}` : ""}`;
}

export type TSettingsNavItem = { href: string; label: string };

/** The sections `actor` may open, in order, as links. */
export function settingsNavigationFor(slug: string, actor: TPermissionHolder): TSettingsNavItem[] {
  return SETTINGS_SECTIONS.filter((s) => can(actor, s.permission)).map((s) => ({
    href: settingsPath(slug, s.segment),
    label: s.label,
  }));
}

/** Whether `actor` may open the section at `segment`: the check each section's page makes. */
export function canOpenSettings(actor: TPermissionHolder, segment: TSettingsSection["segment"]): boolean {
  const section = SETTINGS_SECTIONS.find((s) => s.segment === segment);
  return section !== undefined && can(actor, section.permission);
}
