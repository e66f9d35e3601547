"use server";

import { formToObject } from "@/server/action";
import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { acceptInvitation, signUpWithInvitation } from "@/server/invitations/accept";

export async function acceptInvitationAction(token: string) {
  const user = await getSessionUser();
  return acceptInvitation(user?.id ?? null, token);
}

export async function signUpWithInvitationAction(token: string, formData: FormData) {
  return signUpWithInvitation({ ...formToObject(formData), token }, await now());
}
