"use server";

import { endAllSessions, getSessionUser } from "@/server/auth";

/** Ends every session of the signed-in user, in every browser (the caller then clears its cookie). */
export async function signOutEverywhereAction(): Promise<{ ok: true }> {
  const user = await getSessionUser();
  if (user) await endAllSessions(user.id);
  return { ok: true };
}
