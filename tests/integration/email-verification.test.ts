import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import {
  describeVerificationLink,
  resendVerificationEmail,
  sendVerificationEmail,
  verifyEmail,
} from "@/server/email/verification";
import { acceptInvitation, signUpWithInvitation } from "@/server/invitations/accept";
import { inviteMember } from "@/server/members/mutations";
import { signUp } from "@/server/organizations/mutations";
import { createOrganization, createUser } from "../factories";
import { expectFailure, expectOk } from "../support/assertions";

// A real SMTP server in this process: every message the app sends lands in `inbox`, parsed.
// Recipients starting with "refused" are refused, as a mail server refuses a bad mailbox.
const inbox: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("refused")) return callback(new Error("550 Mailbox unavailable"));
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream).then(
      (mail) => {
        inbox.push(mail);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
// Before the first env() call (the setup file's first query runs in beforeEach, after this).
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const T0 = new Date("2026-03-02T09:00:00.000Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

beforeEach(() => {
  inbox.length = 0;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const signUpInput = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  password: "analytical-engine",
  organization: { name: "Engines", currency: "GBP", fiscalYearStartMonth: "4", timeZone: "Europe/London" },
};

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((t) => t.value.map((v) => v.address));

/** The verification link of a message: its URL, token and invite parameter. */
function linkIn(mail: ParsedMail) {
  const match = mail.text?.match(/https?:\/\/\S+\/verify-email\?\S+/);
  if (!match) throw new Error(`no verification link in: ${mail.text}`);
  const url = new URL(match[0]);
  return { url, token: url.searchParams.get("token") ?? "", invite: url.searchParams.get("invite") };
}

const verifiedAt = async (email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerifiedAt: true } })).emailVerifiedAt;

async function invite(email: string) {
  const a = await createOrganization("Alpha");
  const { token } = expectOk(await inviteMember(a.owner.id, a.organization.slug, { email, role: "VIEWER" }));
  return { ...a, token };
}

describe("sign-up sends a verification email", () => {
  it("sends one message to the new address whose link verifies it", async () => {
    expectOk(await signUp(signUpInput, T0));
    expect(await verifiedAt("ada@example.com")).toBeNull();

    expect(inbox).toHaveLength(1);
    const [mail] = inbox as [ParsedMail];
    expect(recipients(mail)).toEqual(["ada@example.com"]);
    expect(mail.subject).toBe("Verify your email address for Revtrace");
    expect(mail.text).toContain("This message is for Ada Lovelace <ada@example.com>");
    expect(mail.text).toContain("The link expires in 48 hours.");
    const link = linkIn(mail);
    expect(link.url.pathname).toBe("/verify-email");
    expect(link.invite).toBeNull();
    // The HTML body carries the same link (its & escaped as HTML requires).
    expect(mail.html).toContain(`href="${link.url.toString().replaceAll("&", "&amp;")}"`);

    // Opening the page (a GET) only reads.
    expect(await describeVerificationLink(link.token, at(1))).toEqual({
      state: "valid",
      email: "ada@example.com",
      isVerified: false,
    });
    expect(await verifiedAt("ada@example.com")).toBeNull();

    // The button verifies; pressing it again is fine and keeps the first time.
    expect(expectOk(await verifyEmail(link.token, at(1)))).toEqual({
      email: "ada@example.com",
      wasAlreadyVerified: false,
    });
    expect(await verifiedAt("ada@example.com")).toEqual(at(1));
    expect(expectOk(await verifyEmail(link.token, at(2)))).toEqual({
      email: "ada@example.com",
      wasAlreadyVerified: true,
    });
    expect(await verifiedAt("ada@example.com")).toEqual(at(1));
  });

  it("completes the sign-up when the mail server refuses the message, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { slug } = expectOk(await signUp({ ...signUpInput, email: "refused.ada@example.com" }, T0));
    expect(inbox).toHaveLength(0);
    expect(await db.organization.count({ where: { slug } })).toBe(1);
    expect(await verifiedAt("refused.ada@example.com")).toBeNull();
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^verification email to user \S+ could not be sent$/),
      expect.anything(),
    );
  });
});

describe("verification links that must not work", () => {
  it("refuses a forged link (another subject, expiry or signature) and changes nothing", async () => {
    const ada = await createUser({ email: "ada@example.com", verified: false });
    const eve = await createUser({ email: "eve@example.com", verified: false });
    await sendVerificationEmail(eve, T0);
    const [subject, expiry, signature] = linkIn(inbox[0] as ParsedMail).token.split(".") as [string, string, string];
    const flipped = signature.endsWith("A") ? `${signature.slice(0, -1)}B` : `${signature.slice(0, -1)}A`;
    const forgeries = [
      `${ada.id}.${expiry}.${signature}`, // Eve's link pointed at Ada's account
      `${subject}.${Number(expiry) + 3600}.${signature}`, // a later expiry
      `${subject}.${expiry}.${flipped}`, // a changed signature
      `${subject}.${expiry}`,
      "",
    ];
    for (const token of forgeries) {
      const result = await verifyEmail(token, at(1));
      expectFailure(result, "NOT_FOUND");
      expect(!result.ok && result.message).toBe("This link is not valid. Check that you copied all of it.");
      expect(await describeVerificationLink(token, at(1))).toEqual({ state: "invalid" });
    }
    expect(await verifiedAt("ada@example.com")).toBeNull();
    expect(await verifiedAt("eve@example.com")).toBeNull();
  });

  it("refuses a link 49 hours after it was sent, and takes one 47 hours after", async () => {
    await createUser({ email: "ada@example.com", verified: false });
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    await sendVerificationEmail(user, T0);
    const { token } = linkIn(inbox[0] as ParsedMail);

    vi.setSystemTime(at(49));
    const result = await verifyEmail(token, new Date());
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe("This link has expired — sign in and send a new one.");
    expect(await describeVerificationLink(token, new Date())).toEqual({ state: "expired" });
    expect(await verifiedAt("ada@example.com")).toBeNull();

    vi.setSystemTime(at(47));
    expectOk(await verifyEmail(token, new Date()));
    expect(await verifiedAt("ada@example.com")).toEqual(at(47));
  });
});

describe("invitations need a verified address", () => {
  it("refuses an unverified user (no membership) and lets a verified one join", async () => {
    const unverified = await createUser({ email: "new.person@example.com", verified: false });
    const a = await invite("new.person@example.com");
    const where = { organizationId: a.organization.id };
    const before = await db.membership.count({ where });

    const refused = await acceptInvitation(unverified.id, a.token);
    expectFailure(refused, "FORBIDDEN");
    expect(!refused.ok && refused.message).toBe(
      "Verify your email address first: we sent a link to new.person@example.com.",
    );
    expect(await db.membership.count({ where })).toBe(before);

    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: T0 } });
    expectOk(await acceptInvitation(unverified.id, a.token));
    expect(await db.membership.count({ where })).toBe(before + 1);
    expect(await db.membership.count({ where: { ...where, userId: unverified.id, role: "VIEWER" } })).toBe(1);
  });

  it("signs up through an invitation unverified and not a member; joins after verifying and accepting", async () => {
    const a = await invite("new.person@example.com");
    const where = { organizationId: a.organization.id };
    const result = expectOk(
      await signUpWithInvitation({ token: a.token, name: "New Person", password: "a-good-password" }, T0),
    );
    expect(result).toEqual({ slug: a.organization.slug, href: `/invite/${a.token}`, email: "new.person@example.com" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(await db.membership.count({ where: { ...where, userId: user.id } })).toBe(0);
    expect((await db.invitation.findFirstOrThrow({ where })).acceptedAt).toBeNull();

    // The one message leads back to the invitation.
    expect(inbox).toHaveLength(1);
    expect(recipients(inbox[0] as ParsedMail)).toEqual(["new.person@example.com"]);
    const link = linkIn(inbox[0] as ParsedMail);
    expect(link.invite).toBe(a.token);

    expectFailure(await acceptInvitation(user.id, a.token), "FORBIDDEN");
    expect(await db.membership.count({ where: { ...where, userId: user.id } })).toBe(0);

    expectOk(await verifyEmail(link.token, at(1)));
    expectOk(await acceptInvitation(user.id, a.token));
    expect(await db.membership.count({ where: { ...where, userId: user.id, role: "VIEWER" } })).toBe(1);
  });

  it("creates no account and sends nothing for a revoked or used invitation", async () => {
    const a = await invite("new.person@example.com");
    await db.invitation.updateMany({ where: { organizationId: a.organization.id }, data: { revokedAt: T0 } });
    const result = await signUpWithInvitation({ token: a.token, name: "New Person", password: "a-good-password" }, T0);
    expectFailure(result, "CONFLICT");
    expect(await db.user.count({ where: { email: "new.person@example.com" } })).toBe(0);
    expect(inbox).toHaveLength(0);
  });
});

describe("sending a new link", () => {
  it("sends at most one link a minute to an unverified user", async () => {
    const user = await createUser({ email: "ada@example.com", verified: false });
    expect(expectOk(await resendVerificationEmail(user.id, T0))).toEqual({ email: "ada@example.com" });
    expect(inbox).toHaveLength(1);

    const again = await resendVerificationEmail(user.id, new Date(T0.getTime() + 30_000));
    expectFailure(again, "CONFLICT");
    expect(!again.ok && again.message).toContain("try again in 30 s");
    expect(inbox).toHaveLength(1);

    expectOk(await resendVerificationEmail(user.id, new Date(T0.getTime() + 60_000)));
    expect(inbox).toHaveLength(2);
    // Either link works.
    expectOk(await verifyEmail(linkIn(inbox[0] as ParsedMail).token, at(1)));
    expectOk(await verifyEmail(linkIn(inbox[1] as ParsedMail).token, at(1)));
  });

  it("carries a well-formed invitation token, refuses a malformed one, and sends nothing to a verified user", async () => {
    const user = await createUser({ email: "ada@example.com", verified: false });
    expectFailure(await resendVerificationEmail(user.id, T0, "not a token"), "VALIDATION");
    expect(inbox).toHaveLength(0);
    expectOk(await resendVerificationEmail(user.id, T0, "org1.secret_-1"));
    expect(linkIn(inbox[0] as ParsedMail).invite).toBe("org1.secret_-1");

    const verified = await createUser({ email: "bob@example.com" });
    const result = await resendVerificationEmail(verified.id, T0);
    expect(result).toMatchObject({ ok: true, message: "bob@example.com is already verified." });
    expect(inbox).toHaveLength(1);
    expectFailure(await resendVerificationEmail(null, T0), "UNAUTHENTICATED");
  });
});
