import { describe, expect, it } from "vitest";
import { canOpenSettings, SETTINGS_SECTIONS, settingsNavigationFor, settingsPath } from "@/lib/settings-sections";

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
    ]);
  });

  it("offers no section to a role that may open none (each page would answer Not allowed)", () => {
    for (const role of ["FINANCE", "VIEWER"])
      expect(settingsNavigationFor("acme", { role, departmentId: null })).toEqual([]);
    // An API token holds no role: whatever its scopes, it opens no settings (not even its own kind's).
    expect(
      settingsNavigationFor("acme", {
        role: null,
        departmentId: null,
        scopes: ["READ", "REVENUE_WRITE", "PIPELINE_WRITE", "KPIS_WRITE"],
      }),
    ).toEqual([]);
    expect(settingsNavigationFor("acme", { role: "DEPARTMENT_HEAD", departmentId: "dept-legal" })).toEqual([]);
    expect(settingsNavigationFor("acme", { role: "SALES_MANAGER", departmentId: "dept-sales" })).toEqual([]);
    expect(settingsNavigationFor("acme", { role: "SOMETHING_ELSE", departmentId: null })).toEqual([]);
  });
});

describe("canOpenSettings", () => {
  it("asks each section's own permission, and agrees with the navigation", () => {
    for (const section of SETTINGS_SECTIONS) {
      expect(canOpenSettings(OWNER, section.segment)).toBe(true);
      expect(canOpenSettings({ role: "FINANCE", departmentId: null }, section.segment)).toBe(false);
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
    ]);
  });
});
