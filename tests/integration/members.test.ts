import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/server/members/mutations";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

describe("inviteMember", () => {
  it("creates a pending invitation with a hashed token and audits it", async () => {
    const a = await createOrganization("Alpha");
    const legal = a.department("LEGAL");
    const { token, invitationId } = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, {
        email: "Lee@Example.com",
        role: "DEPARTMENT_HEAD",
        departmentId: legal.id,
      }),
    );
    expect(token.startsWith(`${a.organization.id}.`)).toBe(true);
    const invitation = await db.invitation.findFirstOrThrow({
      where: { organizationId: a.organization.id, id: invitationId },
    });
    expect(invitation).toMatchObject({
      email: "lee@example.com",
      role: "DEPARTMENT_HEAD",
      departmentId: legal.id,
      acceptedAt: null,
      revokedAt: null,
    });
    expect(invitation.tokenHash).not.toContain(token.split(".")[1]);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(
      await db.auditEvent.count({
        where: { organizationId: a.organization.id, action: "invitation.created", entityId: invitationId },
      }),
    ).toBe(1);
  });

  it("replaces a pending invitation to the same address", async () => {
    const a = await createOrganization("Alpha");
    const first = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, { email: "lee@example.com", role: "VIEWER" }),
    );
    expectOk(await inviteMember(a.owner.id, a.organization.slug, { email: "lee@example.com", role: "FINANCE" }));
    const old = await db.invitation.findFirstOrThrow({
      where: { organizationId: a.organization.id, id: first.invitationId },
    });
    expect(old.revokedAt).toBeInstanceOf(Date);
  });

  it("binds department roles to a department of the right kind in this organization", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const slug = a.organization.slug;
    const errorOf = async (input: object) => {
      const result = await inviteMember(a.owner.id, slug, { email: "x@example.com", ...input });
      expectFailure(result, "VALIDATION");
      return !result.ok && result.fieldErrors?.departmentId?.[0];
    };
    expect(await errorOf({ role: "DEPARTMENT_HEAD" })).toBe("Choose the department this person leads.");
    expect(await errorOf({ role: "SALES_MANAGER", departmentId: a.department("LEGAL").id })).toBe(
      "A sales manager is bound to a sales department.",
    );
    expect(await errorOf({ role: "DEPARTMENT_HEAD", departmentId: b.department("LEGAL").id })).toBe(
      "Choose an active department of this organization.",
    );
    expect(await db.invitation.count()).toBe(0);
    // A role without a binding ignores a department sent along.
    const { invitationId } = expectOk(
      await inviteMember(a.owner.id, slug, {
        email: "v@example.com",
        role: "VIEWER",
        departmentId: a.department("LEGAL").id,
      }),
    );
    expect(
      (await db.invitation.findFirstOrThrow({ where: { organizationId: a.organization.id, id: invitationId } }))
        .departmentId,
    ).toBeNull();
  });

  it("refuses to invite an existing member", async () => {
    const a = await createOrganization("Alpha");
    const result = await inviteMember(a.owner.id, a.organization.slug, { email: a.owner.email, role: "VIEWER" });
    expectFailure(result, "CONFLICT");
  });
});

describe("revokeInvitation", () => {
  it("revokes a pending invitation once", async () => {
    const a = await createOrganization("Alpha");
    const { invitationId } = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, { email: "lee@example.com", role: "VIEWER" }),
    );
    expectOk(await revokeInvitation(a.owner.id, a.organization.slug, { invitationId }));
    expectFailure(await revokeInvitation(a.owner.id, a.organization.slug, { invitationId }), "NOT_FOUND");
  });
});

describe("changeMemberRole and removeMember", () => {
  it("changes a role and department binding, audited with before and after", async () => {
    const a = await createOrganization("Alpha");
    const { membership } = await addMember(a.organization.id, "VIEWER");
    const sales = a.department("SALES").id;
    expectOk(
      await changeMemberRole(a.owner.id, a.organization.slug, {
        membershipId: membership.id,
        role: "SALES_MANAGER",
        departmentId: sales,
      }),
    );
    expect(
      await db.membership.findFirstOrThrow({ where: { organizationId: a.organization.id, id: membership.id } }),
    ).toMatchObject({ role: "SALES_MANAGER", departmentId: sales });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: a.organization.id, action: "membership.updated" },
    });
    expect(event).toMatchObject({
      before: { role: "VIEWER", departmentId: null },
      after: { role: "SALES_MANAGER", departmentId: sales },
    });
  });

  it("never demotes or removes the last owner", async () => {
    const a = await createOrganization("Alpha");
    const ownerMembership = await db.membership.findFirstOrThrow({
      where: { organizationId: a.organization.id, userId: a.owner.id },
    });
    const before = await snapshotOrganization(a.organization.id);
    const demoted = await changeMemberRole(a.owner.id, a.organization.slug, {
      membershipId: ownerMembership.id,
      role: "VIEWER",
    });
    expectFailure(demoted, "CONFLICT");
    expect(!demoted.ok && demoted.message).toMatch(/at least one owner/);
    expectFailure(
      await removeMember(a.owner.id, a.organization.slug, { membershipId: ownerMembership.id }),
      "CONFLICT",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });

  it("lets an owner step down once another owner exists", async () => {
    const a = await createOrganization("Alpha");
    const second = await addMember(a.organization.id, "OWNER");
    const ownerMembership = await db.membership.findFirstOrThrow({
      where: { organizationId: a.organization.id, userId: a.owner.id },
    });
    expectOk(await removeMember(second.user.id, a.organization.slug, { membershipId: ownerMembership.id }));
    expect(await db.membership.count({ where: { organizationId: a.organization.id } })).toBe(1);
  });

  it("refuses roles other than OWNER every member change", async () => {
    const a = await createOrganization("Alpha");
    const target = await addMember(a.organization.id, "VIEWER");
    const { invitationId } = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, { email: "lee@example.com", role: "VIEWER" }),
    );
    for (const role of ["FINANCE", "DEPARTMENT_HEAD", "VIEWER"] as const) {
      const { user } = await addMember(
        a.organization.id,
        role,
        role === "DEPARTMENT_HEAD" ? a.department("LEGAL").id : null,
      );
      const before = await snapshotOrganization(a.organization.id);
      const slug = a.organization.slug;
      expectFailure(await revokeInvitation(user.id, slug, { invitationId }), "FORBIDDEN");
      expectFailure(await inviteMember(user.id, slug, { email: "z@example.com", role: "OWNER" }), "FORBIDDEN");
      expectFailure(
        await changeMemberRole(user.id, slug, { membershipId: target.membership.id, role: "OWNER" }),
        "FORBIDDEN",
      );
      expectFailure(await removeMember(user.id, slug, { membershipId: target.membership.id }), "FORBIDDEN");
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    }
  });

  it("answers not-found to another organization's owner for every member action, and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const target = await addMember(a.organization.id, "VIEWER");
    const { invitationId } = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, { email: "lee@example.com", role: "VIEWER" }),
    );
    const before = await snapshotOrganization(a.organization.id);
    for (const slug of [a.organization.slug, b.organization.slug]) {
      expectFailure(
        await changeMemberRole(b.owner.id, slug, { membershipId: target.membership.id, role: "OWNER" }),
        "NOT_FOUND",
      );
      expectFailure(await removeMember(b.owner.id, slug, { membershipId: target.membership.id }), "NOT_FOUND");
      expectFailure(await revokeInvitation(b.owner.id, slug, { invitationId }), "NOT_FOUND");
    }
    expectFailure(
      await inviteMember(b.owner.id, a.organization.slug, { email: "spy@example.com", role: "OWNER" }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });
});
