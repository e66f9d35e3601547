"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInWithCredentials, type TSignInOutcome } from "@/components/auth/sign-in-with-credentials";
import { Button } from "@/components/ui/button";
import { SIGN_IN_UNAVAILABLE_MESSAGE, tooManyAttemptsMessage } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { FormMessage, TextField } from "@/components/ui/field";

function failureMessage(outcome: Exclude<TSignInOutcome, { status: "ok" }>): string {
  if (outcome.status === "throttled") return tooManyAttemptsMessage(outcome.retryAfterSeconds);
  if (outcome.status === "unavailable") return SIGN_IN_UNAVAILABLE_MESSAGE;
  // One message for an unknown email and a wrong password: which one is not revealed.
  return "That email and password do not match an account.";
}

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string | null; defaultEmail: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const outcome = await signInWithCredentials(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    if (outcome.status !== "ok") {
      setPending(false);
      setError(failureMessage(outcome));
      return;
    }
    // Only a path on this origin, as the browser would parse it (src/lib/safe-redirect.ts).
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormMessage state={error ? { ok: false, message: error } : null} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={defaultEmail} required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
