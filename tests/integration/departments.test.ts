import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  createDepartment,
  removeDepartment,
  renameDepartment,
  restoreDepartment,
} from "@/server/departments/mutations";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

describe("department mutations", () => {
  it("adds, renames, deletes an unused department and audits each change", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const { departmentId } = expectOk(
      await createDepartment(a.owner.id, slug, { name: "Partnerships", kind: "OTHER" }),
    );
    expectOk(await renameDepartment(a.owner.id, slug, { departmentId, name: "Channel partners" }));
    expect(
      await db.department.findFirst({ where: { organizationId: a.organization.id, id: departmentId } }),
    ).toMatchObject({ name: "Channel partners", kind: "OTHER" });
    expect(expectOk(await removeDepartment(a.owner.id, slug, { departmentId }))).toEqual({ outcome: "deleted" });
    expect(await db.department.count({ where: { organizationId: a.organization.id, id: departmentId } })).toBe(0);
    const actions = await db.auditEvent.findMany({
      where: { organizationId: a.organization.id, entityId: departmentId },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((e) => e.action)).toEqual(["department.created", "department.renamed", "department.deleted"]);
  });

  it("archives a department that has records instead of deleting it, and restores it", async () => {
    const a = await createOrganization("Alpha");
    const legal = a.department("LEGAL");
    await addMember(a.organization.id, "DEPARTMENT_HEAD", legal.id);
    expect(expectOk(await removeDepartment(a.owner.id, a.organization.slug, { departmentId: legal.id }))).toEqual({
      outcome: "archived",
    });
    const archived = await db.department.findFirstOrThrow({
      where: { organizationId: a.organization.id, id: legal.id },
    });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expectOk(await restoreDepartment(a.owner.id, a.organization.slug, { departmentId: legal.id }));
    expect(
      (await db.department.findFirstOrThrow({ where: { organizationId: a.organization.id, id: legal.id } })).archivedAt,
    ).toBeNull();
  });

  it("refuses a second department with the same name on the name field", async () => {
    const a = await createOrganization("Alpha");
    const result = await createDepartment(a.owner.id, a.organization.slug, { name: "Legal", kind: "LEGAL" });
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.fieldErrors?.name?.[0]).toMatch(/already exists/);
    const renamed = await renameDepartment(a.owner.id, a.organization.slug, {
      departmentId: a.department("AUDIT").id,
      name: "Legal",
    });
    expectFailure(renamed, "CONFLICT");
    expect(
      (
        await db.department.findFirstOrThrow({
          where: { organizationId: a.organization.id, id: a.department("AUDIT").id },
        })
      ).name,
    ).toBe("Audit");
  });

  it("refuses FINANCE and VIEWER", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    for (const role of ["FINANCE", "VIEWER"] as const) {
      const { user } = await addMember(a.organization.id, role);
      const before = await snapshotOrganization(a.organization.id);
      expectFailure(await createDepartment(user.id, slug, { name: "Shadow", kind: "OTHER" }), "FORBIDDEN");
      expectFailure(
        await renameDepartment(user.id, slug, { departmentId: a.department("LEGAL").id, name: "Shadow" }),
        "FORBIDDEN",
      );
      expectFailure(await removeDepartment(user.id, slug, { departmentId: a.department("LEGAL").id }), "FORBIDDEN");
      expectFailure(await restoreDepartment(user.id, slug, { departmentId: a.department("LEGAL").id }), "FORBIDDEN");
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    }
  });

  it("answers not-found to another organization's owner, through either slug, and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const legalA = a.department("LEGAL").id;
    const before = await snapshotOrganization(a.organization.id);
    for (const slug of [a.organization.slug, b.organization.slug]) {
      expectFailure(await renameDepartment(b.owner.id, slug, { departmentId: legalA, name: "Hijacked" }), "NOT_FOUND");
      expectFailure(await removeDepartment(b.owner.id, slug, { departmentId: legalA }), "NOT_FOUND");
      expectFailure(await restoreDepartment(b.owner.id, slug, { departmentId: legalA }), "NOT_FOUND");
    }
    expectFailure(
      await createDepartment(b.owner.id, a.organization.slug, { name: "Planted", kind: "OTHER" }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });
});
