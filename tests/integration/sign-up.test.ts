import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticate, TooManyAttemptsError } from "@/server/auth";
import { db } from "@/server/db";
import { signUp } from "@/server/organizations/mutations";
import { expectFailure, expectOk } from "../support/assertions";

// The verification email goes to files in a folder of this run, not the developer's .data/mail
// (set before the first env() call, which the setup file's first query makes).
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "revtrace-sign-up-mail-"));

/** The client address sign-in attempts are counted against. */
const CLIENT = "203.0.113.7";

const input = {
  name: "Ada Lovelace",
  email: "Ada@Example.com",
  password: "analytical-engine",
  organization: {
    name: "Analytical Engines Ltd",
    currency: "GBP",
    fiscalYearStartMonth: "4",
    timeZone: "Europe/London",
  },
};

describe("signUp", () => {
  it("creates the user, an organization they own, its default departments and an audit event", async () => {
    const { slug, email } = expectOk(await signUp(input));
    expect(slug).toBe("analytical-engines-ltd");
    expect(email).toBe("ada@example.com");

    const organization = await db.organization.findUniqueOrThrow({ where: { slug } });
    expect(organization).toMatchObject({
      name: "Analytical Engines Ltd",
      currency: "GBP",
      fiscalYearStartMonth: 4,
      timeZone: "Europe/London",
      onTrackThresholdBp: 10000,
      atRiskThresholdBp: 9000,
    });
    const where = { organizationId: organization.id };
    expect(await db.department.count({ where })).toBe(9);
    const [membership] = await db.membership.findMany({ where, include: { user: true } });
    expect(membership).toMatchObject({
      role: "OWNER",
      departmentId: null,
      user: { email: "ada@example.com", name: "Ada Lovelace", emailVerifiedAt: null },
    });
    expect(await db.auditEvent.findMany({ where, select: { action: true, actorId: true } })).toEqual([
      { action: "organization.created", actorId: membership?.userId },
    ]);
  });

  it("stores an argon2id hash (19 MiB, t=2) that signs in, never the password", async () => {
    expectOk(await signUp(input));
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(input.password);
    expect(await authenticate("ada@example.com", input.password, CLIENT)).toMatchObject({ id: user.id });
  });

  it("gives the second organization with the same name a different slug", async () => {
    expectOk(await signUp(input));
    const second = expectOk(await signUp({ ...input, email: "charles@example.com" }));
    expect(second.slug).toMatch(/^analytical-engines-ltd-[0-9a-f]{6}$/);
  });

  it("refuses a duplicate email on the email field and writes nothing", async () => {
    expectOk(await signUp(input));
    const result = await signUp({
      ...input,
      email: " ADA@example.com",
      organization: { ...input.organization, name: "Other" },
    });
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.fieldErrors?.email).toEqual([
      "An account with this email already exists. Sign in instead.",
    ]);
    expect(await db.organization.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const result = await signUp({ ...input, email: "ada@", password: "short" });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["email", "password"]);
    expect(await db.user.count()).toBe(0);
    expect(await db.organization.count()).toBe(0);
  });
});

describe("authenticate", () => {
  it("returns null for a wrong password and for an unknown email alike", async () => {
    expectOk(await signUp(input));
    expect(await authenticate("ada@example.com", "wrong-password", CLIENT)).toBeNull();
    expect(await authenticate("nobody@example.com", input.password, CLIENT)).toBeNull();
    expect(await authenticate("ada@example.com", "", CLIENT)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("refuses an account from a client address after 10 failures there, even the right password, and leaves other accounts alone", async () => {
    const email = "throttled@example.com";
    expectOk(await signUp({ ...input, email }));
    expectOk(
      await signUp({
        ...input,
        email: "bystander@example.com",
        organization: { ...input.organization, name: "Other Ltd" },
      }),
    );
    for (let i = 0; i < 10; i++) expect(await authenticate(email, `wrong-${i}`, CLIENT)).toBeNull();
    await expect(authenticate(email, input.password, CLIENT)).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(await authenticate("bystander@example.com", input.password, CLIENT)).not.toBeNull();
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const email = "forgetful@example.com";
    expectOk(await signUp({ ...input, email }));
    for (let i = 0; i < 9; i++) await authenticate(email, "wrong", CLIENT);
    expect(await authenticate(email, input.password, CLIENT)).not.toBeNull();
    for (let i = 0; i < 9; i++) await authenticate(email, "wrong", CLIENT);
    expect(await authenticate(email, input.password, CLIENT)).not.toBeNull();
  });
});
