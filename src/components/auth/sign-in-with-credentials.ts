import { signIn } from "next-auth/react";
import { retryAfterSeconds } from "@/lib/auth-errors";

export type TSignInOutcome = { status: "ok" } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/** Signs in through next-auth's credentials endpoint without a full-page redirect. */
export async function signInWithCredentials(email: string, password: string): Promise<TSignInOutcome> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (result?.ok && !result.error) return { status: "ok" };
  const seconds = retryAfterSeconds(result?.error);
  return seconds === null ? { status: "invalid" } : { status: "throttled", retryAfterSeconds: seconds };
}
