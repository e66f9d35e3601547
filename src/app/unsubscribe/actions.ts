"use server";

import { now } from "@/server/clock";
import { unsubscribe } from "@/server/notifications/unsubscribe";

export type TUnsubscribeState = { done: true; email: string } | { done: false; invalid: true } | null;

/** The button of the unsubscribe page: the token alone says whose email stops (no sign-in). */
export async function unsubscribeAction(_prev: TUnsubscribeState, formData: FormData): Promise<TUnsubscribeState> {
  const result = await unsubscribe(formData.get("token"), await now());
  return result.ok ? { done: true, email: result.email } : { done: false, invalid: true };
}
