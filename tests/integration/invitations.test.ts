import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth";
import { db } from "@/server/db";
import { acceptInvitation, describeInvitation, signUpWithInvitation } from "@/server/invitations/accept";
import { inviteMember, revokeInvitation } from "@/server/members/mutations";
import { createOrganization, createUser } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Verification emails go to files in a folder of this run, not the developer's .data/mail
// (set before the first env() call, which the setup file's first query makes).
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "revtrace-invitations-mail-"));

/** The client address sign-in attempts are counted against. */
const CLIENT = "203.0.113.7";

async function invite(role: "VIEWER" | "DEPARTMENT_HEAD" = "VIEWER", email = "new.person@example.com") {
  const a = await createOrganization("Alpha");
  const departmentId = role === "DEPARTMENT_HEAD" ? a.department("MARKETING").id : undefined;
  const { token, invitationId } = expectOk(
    await inviteMember(a.owner.id, a.organization.slug, { email, role, departmentId }),
  );
  return { ...a, token, invitationId };
}

describe("signUpWithInvitation", () => {
  it("creates the account for the invited email, and joins with the invited role and department once verified", async () => {
    const a = await invite("DEPARTMENT_HEAD");
    expect(await describeInvitation(a.token)).toMatchObject({
      state: "valid",
      email: "new.person@example.com",
      role: "DEPARTMENT_HEAD",
      departmentName: "Marketing",
      hasAccount: false,
      organization: { name: "Alpha" },
    });
    const { slug, href } = expectOk(
      await signUpWithInvitation({ token: a.token, name: "New Person", password: "a-good-password" }),
    );
    expect(slug).toBe(a.organization.slug);
    // Signed in, the new account goes back to the invitation: it is not a member yet.
    expect(href).toBe(`/invite/${a.token}`);
    const user = await authenticate("new.person@example.com", "a-good-password", CLIENT);
    expect(user).not.toBeNull();
    const membership = { where: { organizationId: a.organization.id, userId: user?.id } };
    expect(await db.membership.count(membership)).toBe(0);
    expect(await describeInvitation(a.token)).toMatchObject({ state: "valid", hasAccount: true });

    // The address proven (tests/integration/email-verification.test.ts follows the emailed link).
    await db.user.update({ where: { email: "new.person@example.com" }, data: { emailVerifiedAt: new Date() } });
    expectOk(await acceptInvitation(user?.id ?? null, a.token));
    expect(await db.membership.findFirst(membership)).toMatchObject({
      role: "DEPARTMENT_HEAD",
      departmentId: a.department("MARKETING").id,
    });
    expect((await describeInvitation(a.token)).state).toBe("accepted");
  });

  it("refuses a short password and writes nothing", async () => {
    const a = await invite();
    const result = await signUpWithInvitation({ token: a.token, name: "New Person", password: "short" });
    expectFailure(result, "VALIDATION");
    expect(await db.user.count({ where: { email: "new.person@example.com" } })).toBe(0);
    expect((await describeInvitation(a.token)).state).toBe("valid");
  });
});

describe("acceptInvitation", () => {
  it("lets an existing user with the invited email join", async () => {
    const existing = await createUser({ email: "existing@example.com" });
    const a = await invite("VIEWER", "existing@example.com");
    expect((await describeInvitation(a.token)).hasAccount).toBe(true);
    expectOk(await acceptInvitation(existing.id, a.token));
    expect(
      await db.membership.count({ where: { organizationId: a.organization.id, userId: existing.id, role: "VIEWER" } }),
    ).toBe(1);
  });

  it("works once: a second acceptance is refused", async () => {
    const existing = await createUser({ email: "existing@example.com" });
    const a = await invite("VIEWER", "existing@example.com");
    expectOk(await acceptInvitation(existing.id, a.token));
    expectFailure(await acceptInvitation(existing.id, a.token), "CONFLICT");
  });

  it("refuses a signed-in user whose email is not the invited one", async () => {
    const other = await createUser({ email: "other@example.com" });
    const a = await invite();
    const before = await snapshotOrganization(a.organization.id);
    const result = await acceptInvitation(other.id, a.token);
    expectFailure(result, "FORBIDDEN");
    expect(!result.ok && result.message).toContain("new.person@example.com");
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });

  it("refuses revoked and expired invitations", async () => {
    const existing = await createUser({ email: "new.person@example.com" });
    const a = await invite();
    expectOk(await revokeInvitation(a.owner.id, a.organization.slug, { invitationId: a.invitationId }));
    expect((await describeInvitation(a.token)).state).toBe("revoked");
    expectFailure(await acceptInvitation(existing.id, a.token), "CONFLICT");

    const { token, invitationId } = expectOk(
      await inviteMember(a.owner.id, a.organization.slug, { email: "new.person@example.com", role: "VIEWER" }),
    );
    await db.invitation.updateMany({
      where: { organizationId: a.organization.id, id: invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await describeInvitation(token)).state).toBe("expired");
    expectFailure(await acceptInvitation(existing.id, token), "CONFLICT");
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("refuses an invitation whose department was archived since", async () => {
    const existing = await createUser({ email: "new.person@example.com" });
    const a = await invite("DEPARTMENT_HEAD");
    await db.department.updateMany({
      where: { organizationId: a.organization.id, id: a.department("MARKETING").id },
      data: { archivedAt: new Date() },
    });
    const result = await acceptInvitation(existing.id, a.token);
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toMatch(/archived/);
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("does not let a token's secret be replayed against another organization", async () => {
    const existing = await createUser({ email: "new.person@example.com" });
    const a = await invite();
    const b = await createOrganization("Beta");
    const forged = `${b.organization.id}.${a.token.split(".")[1]}`;
    expect((await describeInvitation(forged)).state).toBe("invalid");
    expectFailure(await acceptInvitation(existing.id, forged), "NOT_FOUND");
    expectFailure(await acceptInvitation(existing.id, "garbage"), "NOT_FOUND");
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });
});
