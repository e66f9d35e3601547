"use server";

import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { resendVerificationEmail, verifyEmail } from "@/server/email/verification";

/** The verification page's button: the only path that writes (a GET never does). */
export async function verifyEmailAction(token: string) {
  return verifyEmail(token, await now());
}

/** "Send a new link" for the signed-in user, optionally leading back to an invitation. */
export async function resendVerificationAction(invite: string | null) {
  const user = await getSessionUser();
  return resendVerificationEmail(user?.id ?? null, await now(), invite);
}
