import { describe, expect, it } from "vitest";
import {
  canOpenSettings,
  hasSettingsNavigation,
  SETTINGS_SECTIONS,
  settingsNavigationFor,
  settingsPath,
} from "@/lib/settings-sections";

const OWNER = { role: "OWNER", departmentId: null };

describe("settingsPath", () => {
  it("is the settings' own page for the organization and a sub-page for every other section", () => {
    expect(settingsPath("acme")).toBe("/o/acme/settings");
    expect(settingsPath("acme", "members")).toBe("/o/acme/settings/members");
    expect(settingsPath("acme", "categories")).toBe("/o/acme/settings/categories");
  });
});

describe("settingsNavigationFor", () => {
  it("offers the owner every section, organization first, each at its own address", () => {
    expect(settingsNavigationFor("acme", OWNER)).toEqual([
      { href: "/o/acme/settings", label: "Organization" },
      { href: "/o/acme/settings/departments", label: "Departments" },
      { href: "/o/acme/settings/categories", label: "Contribution categories" },
      { href: "/o/acme/settings/pipeline", label: "Pipeline" },
      { href: "/o/acme/settings/members", label: "Members" },
      { href: "/o/acme/settings/invitations", label: "Invitations" },
      { href: "/o/acme/settings/api", label: "API tokens" },
      { href: "/o/acme/settings/activity", label: "Activity" },
      { href: "/o/acme/settings/board-pack", label: "Board pack" },
      { href: "/o/acme/settings/jobs", label: "Scheduled jobs" },
      { href: "/o/acme/settings/notifications", label: "Email notifications" },
    ]);
  });

  it("offers every other role only its own email notifications (each other page would answer Not allowed)", () => {
    const own = [{ href: "/o/acme/settings/notifications", label: "Email notifications" }];
    for (const role of ["FINANCE", "VIEWER"]) {
      expect(settingsNavigationFor("acme", { role, departmentId: null })).toEqual(own);
      expect(hasSettingsNavigation({ role, departmentId: null })).toBe(false);
    }
    expect(settingsNavigationFor("acme", { role: "DEPARTMENT_HEAD", departmentId: "dept-legal" })).toEqual(own);
    expect(settingsNavigationFor("acme", { role: "SALES_MANAGER", departmentId: "dept-sales" })).toEqual(own);
    expect(hasSettingsNavigation(OWNER)).toBe(true);
    // An API token holds no role: whatever its scopes, it opens no settings (not even its own kind's).
    expect(
      settingsNavigationFor("acme", {
        role: null,
        departmentId: null,
        scopes: ["READ", "REVENUE_WRITE", "PIPELINE_WRITE", "KPIS_WRITE"],
      }),
    ).toEqual([]);
    expect(settingsNavigationFor("acme", { role: "SOMETHING_ELSE", departmentId: null })).toEqual([]);
  });
});

describe("canOpenSettings", () => {
  it("asks each section's own permission, and agrees with the navigation", () => {
    for (const section of SETTINGS_SECTIONS) {
      expect(canOpenSettings(OWNER, section.segment)).toBe(true);
      expect(canOpenSettings({ role: "FINANCE", departmentId: null }, section.segment)).toBe(
        section.segment === "notifications",
      );
    }
    expect(SETTINGS_SECTIONS.map((s) => [s.segment, s.permission])).toEqual([
      ["", "organization.update"],
      ["departments", "departments.manage"],
      ["categories", "departments.manage"],
      ["pipeline", "pipeline.configure"],
      ["members", "members.manage"],
      ["invitations", "members.manage"],
      ["api", "apiTokens.manage"],
      ["activity", "auditTrail.read"],
      ["board-pack", "organization.update"],
      ["jobs", "auditTrail.read"],
      ["notifications", "profile.update"],
    ]);
  });
});
