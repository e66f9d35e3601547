import "server-only";
import { z } from "zod";
import { escapeHtml } from "@/lib/html";
import { db } from "../db";
import { AppError, toFailure, type ActionResult } from "../errors";
import { sendMail, type TSent } from "./mailer";
import { appUrl, signLink, verifyLink } from "./signed-links";

// Sign-up proves the address with a signed, expiring link (signed-links.ts); an unverified account
// cannot accept an invitation (invitations/accept.ts), so nobody can squat a colleague's invited
// address. The link only ever writes on a POST from the page it opens: mail scanners prefetch GETs.

export const VERIFY_LINK_HOURS = 48;
/** At most one new link per user per minute (counted in PostgreSQL, shared by every app instance). */
export const RESEND_WINDOW_SECONDS = 60;

export const INVALID_LINK = "This link is not valid. Check that you copied all of it.";
export const EXPIRED_LINK = "This link has expired — sign in and send a new one.";

/** An invitation token carried through the verification link, so the page can lead back to it. */
const ZInviteToken = z
  .string()
  .max(200, "invite: an invitation token is at most 200 characters")
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "invite: not an invitation token");

/** The invitation token if it is well formed; anything else is dropped (it only builds a link). */
export const inviteTokenOrNull = (value: unknown): string | null => {
  const parsed = ZInviteToken.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export type TVerifyUser = { id: string; email: string; name: string };

/** The link of the verification email: /verify-email?token=…[&invite=…], valid for 48 hours from `now`. */
export function verificationUrl(userId: string, now: Date, invite?: string | null): string {
  const token = signLink("verify-email", userId, new Date(now.getTime() + VERIFY_LINK_HOURS * 3_600_000));
  const query = new URLSearchParams({ token });
  if (invite) query.set("invite", invite);
  return appUrl(`/verify-email?${query.toString()}`);
}

/** Sends the verification email (HTML and plain text). Throws when the mail server refuses. */
export async function sendVerificationEmail(
  user: TVerifyUser,
  now: Date,
  options: { invite?: string | null } = {},
): Promise<TSent> {
  const url = verificationUrl(user.id, now, options.invite);
  const next = options.invite
    ? "Once your address is verified, the page leads you back to your invitation."
    : "Once your address is verified, you can accept invitations to other organizations.";
  const text = [
    `Hello ${user.name},`,
    "",
    `This message is for ${user.name} <${user.email}>. To confirm that this address is yours, open the link below and press "Verify my address":`,
    "",
    url,
    "",
    `The link expires in ${VERIFY_LINK_HOURS} hours. ${next}`,
    "",
    "If you did not create a Revtrace account, ignore this message: nothing changes without the link.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Hello ${escapeHtml(user.name)},</p>
<p>This message is for ${escapeHtml(user.name)} &lt;${escapeHtml(user.email)}&gt;. To confirm that this address is yours, open the link below and press “Verify my address”:</p>
<p><a href="${escapeHtml(url)}">Verify my address</a></p>
<p style="font-size:13px;color:#52525b">Or copy this link: ${escapeHtml(url)}</p>
<p>The link expires in ${VERIFY_LINK_HOURS} hours. ${escapeHtml(next)}</p>
<p style="font-size:13px;color:#52525b">If you did not create a Revtrace account, ignore this message: nothing changes without the link.</p>
</body></html>`;
  return sendMail({ to: user.email, subject: "Verify your email address for Revtrace", text, html });
}

/**
 * Sends the verification email after the account's transaction has committed. A failure does not
 * undo the sign-up (the user can ask for a new link from the app); it is logged.
 */
export async function sendVerificationEmailAfterSignUp(
  user: TVerifyUser,
  now: Date,
  options: { invite?: string | null } = {},
): Promise<boolean> {
  try {
    await sendVerificationEmail(user, now, options);
    return true;
  } catch (error) {
    console.error(`verification email to user ${user.id} could not be sent`, error);
    return false;
  }
}

export type TLinkState = { state: "invalid" | "expired" } | { state: "valid"; email: string; isVerified: boolean };

/** What the verification page shows before its button is pressed: reads, never writes. */
export async function describeVerificationLink(token: unknown, now: Date): Promise<TLinkState> {
  if (typeof token !== "string" || token.length > 300) return { state: "invalid" };
  const check = verifyLink("verify-email", token, now);
  if (!check.ok) return { state: check.reason };
  const user = await db.user.findUnique({
    where: { id: check.subject },
    select: { email: true, emailVerifiedAt: true },
  });
  if (!user) return { state: "invalid" };
  return { state: "valid", email: user.email, isVerified: user.emailVerifiedAt !== null };
}

/**
 * Marks the address of the link's user as verified. Idempotent: a second press (or a second tab)
 * answers success and keeps the first verification time.
 */
export async function verifyEmail(
  token: unknown,
  now: Date,
): Promise<ActionResult<{ email: string; wasAlreadyVerified: boolean }>> {
  try {
    if (typeof token !== "string" || token.length > 300) throw new AppError("NOT_FOUND", INVALID_LINK);
    const check = verifyLink("verify-email", token, now);
    if (!check.ok) {
      throw check.reason === "expired"
        ? new AppError("CONFLICT", EXPIRED_LINK)
        : new AppError("NOT_FOUND", INVALID_LINK);
    }
    const { count } = await db.user.updateMany({
      where: { id: check.subject, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    });
    const user = await db.user.findUnique({ where: { id: check.subject }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND", INVALID_LINK);
    return { ok: true, data: { email: user.email, wasAlreadyVerified: count === 0 } };
  } catch (error) {
    return toFailure(error);
  }
}

/** Whether the user's address is verified (the org shell's banner, the invitation page). */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return user?.emailVerifiedAt != null;
}

/**
 * One more send for this user within the window? Counted in the shared SignInThrottle table under
 * its own key prefix (rate-limiter-flexible's rows there are "addr:", "acct:" and "api:"), with the
 * caller's clock so tests can move it.
 */
async function takeResendSlot(userId: string, now: Date): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
  const at = BigInt(now.getTime());
  const until = at + BigInt(RESEND_WINDOW_SECONDS * 1000);
  const [row] = await db.$queryRaw<{ points: number; expire: bigint }[]>`
    INSERT INTO "SignInThrottle" (key, points, expire) VALUES (${`verify:${userId}`}, 1, ${until})
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN "SignInThrottle".expire IS NULL OR "SignInThrottle".expire <= ${at}
                    THEN 1 ELSE "SignInThrottle".points + 1 END,
      expire = CASE WHEN "SignInThrottle".expire IS NULL OR "SignInThrottle".expire <= ${at}
                    THEN ${until} ELSE "SignInThrottle".expire END
    RETURNING points, expire`;
  if (!row || row.points <= 1) return { ok: true };
  return { ok: false, retryAfter: Math.max(1, Math.ceil(Number(BigInt(row.expire) - at) / 1000)) };
}

/** "Send a new link" for the signed-in user; optionally leading back to an invitation. */
export async function resendVerificationEmail(
  userId: string | null,
  now: Date,
  rawInvite?: unknown,
): Promise<ActionResult<{ email: string }>> {
  try {
    if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const invite = rawInvite === undefined || rawInvite === null ? null : ZInviteToken.safeParse(rawInvite);
    if (invite && !invite.success)
      throw new AppError("VALIDATION", invite.error.issues[0]?.message ?? "invite: invalid");
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, emailVerifiedAt: true },
    });
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    if (user.emailVerifiedAt)
      return { ok: true, data: { email: user.email }, message: `${user.email} is already verified.` };
    const slot = await takeResendSlot(user.id, now);
    if (!slot.ok) {
      throw new AppError(
        "CONFLICT",
        `A link was sent to ${user.email} less than a minute ago. Check your inbox, or try again in ${slot.retryAfter} s.`,
      );
    }
    try {
      await sendVerificationEmail(user, now, { invite: invite?.data ?? null });
    } catch (error) {
      console.error(`verification email to user ${user.id} could not be sent`, error);
      throw new AppError("UNAVAILABLE", "The email could not be sent just now. Try again in a minute.");
    }
    return { ok: true, data: { email: user.email }, message: `We sent a new link to ${user.email}.` };
  } catch (error) {
    return toFailure(error);
  }
}
