import { signIn } from "next-auth/react";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth-errors";

export type TSignInOutcome = "ok" | "invalid" | "locked";

/** Signs in through next-auth's credentials endpoint without a full-page redirect. */
export async function signInWithCredentials(email: string, password: string): Promise<TSignInOutcome> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (result?.ok && !result.error) return "ok";
  return result?.error === TOO_MANY_ATTEMPTS ? "locked" : "invalid";
}

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : fallback;
}
