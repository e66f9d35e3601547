import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/env";

// Links that prove themselves: "<subject>.<expiry>.<signature>", the signature an HMAC-SHA256 of
// purpose, subject and expiry under NEXTAUTH_SECRET. A link for one purpose (unsubscribe) never
// works for another (verify an address); a changed subject or expiry breaks the signature.

export type TLinkPurpose = "unsubscribe" | "verify-email";

const sign = (purpose: TLinkPurpose, subject: string, expiry: string) =>
  createHmac("sha256", env().NEXTAUTH_SECRET).update(`${purpose}\n${subject}\n${expiry}`).digest("base64url");

/** A token for `subject` (a user id), valid until `expiresAt` (or forever). */
export function signLink(purpose: TLinkPurpose, subject: string, expiresAt?: Date): string {
  const expiry = expiresAt ? String(Math.floor(expiresAt.getTime() / 1000)) : "0";
  return `${subject}.${expiry}.${sign(purpose, subject, expiry)}`;
}

export type TLinkCheck = { ok: true; subject: string } | { ok: false; reason: "invalid" | "expired" };

/** The subject of a genuine, unexpired token; forged, altered or expired tokens are refused. */
export function verifyLink(purpose: TLinkPurpose, token: string, now: Date): TLinkCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [subject = "", expiry = "", signature = ""] = parts;
  if (!subject || !/^\d+$/.test(expiry)) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(purpose, subject, expiry));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (expiry !== "0" && Number(expiry) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, subject };
}

/** The app's public address for links in email (NEXTAUTH_URL, as sign-in redirects use). */
export function appUrl(pathname: string): string {
  const base = env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(pathname, base).toString();
}
