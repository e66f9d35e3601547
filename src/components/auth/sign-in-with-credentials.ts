import { signIn } from "next-auth/react";
import { retryAfterSeconds, SIGN_IN_UNAVAILABLE } from "@/lib/auth-errors";

export type TSignInOutcome =
  | { status: "ok" }
  | { status: "invalid" }
  | { status: "unavailable" }
  | { status: "throttled"; retryAfterSeconds: number };

/** Signs in through next-auth's credentials endpoint without a full-page redirect. */
export async function signInWithCredentials(email: string, password: string): Promise<TSignInOutcome> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (result?.ok && !result.error) return { status: "ok" };
  if (result?.error === SIGN_IN_UNAVAILABLE) return { status: "unavailable" };
  const seconds = retryAfterSeconds(result?.error);
  return seconds === null ? { status: "invalid" } : { status: "throttled", retryAfterSeconds: seconds };
}
