import { signIn } from "next-auth/react";

/** Signs in through next-auth's credentials endpoint without a full-page redirect. */
export async function signInWithCredentials(email: string, password: string): Promise<boolean> {
  const result = await signIn("credentials", { email, password, redirect: false });
  return Boolean(result?.ok && !result.error);
}

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : fallback;
}
