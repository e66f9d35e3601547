import { describe, expect, it } from "vitest";
import { can, canInSomeDepartment, PERMISSIONS, type Permission } from "@/lib/permissions";

const SALES = "dept-sales";
const LEGAL = "dept-legal";

describe("can", () => {
  it("lets an OWNER do everything", () => {
    for (const p of PERMISSIONS) expect(can({ role: "OWNER", departmentId: null }, p, LEGAL)).toBe(true);
  });

  it("lets FINANCE set targets, actuals, close periods and review contributions, and nothing else", () => {
    const finance = { role: "FINANCE", departmentId: null };
    const allowed = PERMISSIONS.filter((p) => can(finance, p, LEGAL));
    expect(allowed).toEqual([
      "targets.write",
      "actuals.write",
      "period.close",
      "contributions.review",
      "profile.update",
      "alerts.snooze",
    ]);
  });

  it("lets a DEPARTMENT_HEAD write only the department it is bound to", () => {
    const head = { role: "DEPARTMENT_HEAD", departmentId: LEGAL };
    expect(can(head, "department.write", LEGAL)).toBe(true);
    expect(can(head, "department.write", SALES)).toBe(false);
    expect(can(head, "department.write")).toBe(false);
    expect(can(head, "kpiDefinitions.write", LEGAL)).toBe(false);
    expect(can(head, "targets.write")).toBe(false);
    expect(can(head, "members.manage")).toBe(false);
  });

  it("lets a SALES_MANAGER keep the pipeline and write its own department", () => {
    const manager = { role: "SALES_MANAGER", departmentId: SALES };
    expect(can(manager, "pipeline.write")).toBe(true);
    expect(can(manager, "department.write", SALES)).toBe(true);
    expect(can(manager, "department.write", LEGAL)).toBe(false);
    expect(can(manager, "period.close")).toBe(false);
  });

  it("keeps reviewing contributions apart from writing them (DESIGN.md: finance confirms, heads claim)", () => {
    const finance = { role: "FINANCE", departmentId: null };
    expect(can(finance, "contributions.review")).toBe(true);
    expect(can(finance, "department.write", LEGAL)).toBe(false);
    expect(can(finance, "kpiDefinitions.write", LEGAL)).toBe(false);
    for (const head of [
      { role: "DEPARTMENT_HEAD", departmentId: LEGAL },
      { role: "SALES_MANAGER", departmentId: SALES },
    ]) {
      expect(can(head, "contributions.review", head.departmentId)).toBe(false);
      expect(can(head, "kpiDefinitions.write", head.departmentId)).toBe(false);
      expect(can(head, "departments.manage")).toBe(false);
    }
    expect(can({ role: "OWNER", departmentId: null }, "department.write", SALES)).toBe(true);
  });

  it("fails closed for a department role without a binding", () => {
    expect(can({ role: "DEPARTMENT_HEAD", departmentId: null }, "department.write", LEGAL)).toBe(false);
  });

  it("refuses a VIEWER every change but their own email preferences", () => {
    expect(PERMISSIONS.filter((p) => can({ role: "VIEWER", departmentId: null }, p, LEGAL))).toEqual([
      "profile.update",
    ]);
  });

  it("lets every role, and no API token, change their own preferences", () => {
    for (const role of ["OWNER", "FINANCE", "DEPARTMENT_HEAD", "SALES_MANAGER", "VIEWER"])
      expect(can({ role, departmentId: null }, "profile.update")).toBe(true);
    expect(
      can(
        { role: null, departmentId: null, scopes: ["READ", "REVENUE_WRITE", "PIPELINE_WRITE", "KPIS_WRITE"] },
        "profile.update",
      ),
    ).toBe(false);
  });

  it("fails closed for an unknown role or permission", () => {
    expect(can({ role: "ADMIN", departmentId: null }, "members.manage")).toBe(false);
    expect(can({ role: "toString", departmentId: null }, "members.manage")).toBe(false);
    expect(can({ role: "OWNER", departmentId: null }, "root.everything" as Permission)).toBe(false);
  });
});

describe("canInSomeDepartment (the role gate of a mutation whose department comes from its record)", () => {
  it("passes owners and bound department roles, and fails closed for the rest", () => {
    expect(canInSomeDepartment({ role: "OWNER", departmentId: null }, "department.write")).toBe(true);
    expect(canInSomeDepartment({ role: "DEPARTMENT_HEAD", departmentId: LEGAL }, "department.write")).toBe(true);
    expect(canInSomeDepartment({ role: "SALES_MANAGER", departmentId: SALES }, "department.write")).toBe(true);
    expect(canInSomeDepartment({ role: "DEPARTMENT_HEAD", departmentId: null }, "department.write")).toBe(false);
    expect(canInSomeDepartment({ role: "FINANCE", departmentId: null }, "department.write")).toBe(false);
    expect(canInSomeDepartment({ role: "VIEWER", departmentId: null }, "department.write")).toBe(false);
    expect(canInSomeDepartment({ role: "ADMIN", departmentId: LEGAL }, "department.write")).toBe(false);
  });
});
