import "server-only";
import { z } from "zod";
import { db } from "../db";
import { appUrl, signLink, verifyLink } from "../email/signed-links";

// Unsubscribing needs no sign-in: the link proves itself (signLink("unsubscribe", userId), no
// expiry). It sets the person's email frequency to NONE, which applies to every organization,
// as the setting does. A forged or altered token changes nothing.

/** A token as it may arrive from a URL; anything longer or shorter names no one. */
const ZToken = z.string().min(5).max(300);

const token = (userId: string) => encodeURIComponent(signLink("unsubscribe", userId));

/** The page a person opens from the email body: it asks before it changes anything. */
export const unsubscribePageUrl = (userId: string) => appUrl(`/unsubscribe?token=${token(userId)}`);

/** The RFC 8058 one-click address for the List-Unsubscribe header: a mail client POSTs to it. */
export const oneClickUnsubscribeUrl = (userId: string) => appUrl(`/api/unsubscribe?token=${token(userId)}`);

export type TUnsubscribeTarget = { ok: true; userId: string; email: string } | { ok: false };

/** The person a genuine token names (and who still exists); anything else is not valid. */
export async function readUnsubscribeToken(rawToken: unknown, now: Date): Promise<TUnsubscribeTarget> {
  const parsed = ZToken.safeParse(rawToken);
  if (!parsed.success) return { ok: false };
  const check = verifyLink("unsubscribe", parsed.data, now);
  if (!check.ok) return { ok: false };
  const user = await db.user.findUnique({ where: { id: check.subject }, select: { id: true, email: true } });
  return user ? { ok: true, userId: user.id, email: user.email } : { ok: false };
}

/** Stops every Revtrace email to the person the token names; an invalid token changes nothing. */
export async function unsubscribe(rawToken: unknown, now: Date): Promise<TUnsubscribeTarget> {
  const target = await readUnsubscribeToken(rawToken, now);
  if (!target.ok) return target;
  await db.user.update({ where: { id: target.userId }, data: { emailFrequency: "NONE" } });
  return target;
}
