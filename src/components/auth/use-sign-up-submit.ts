"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { signInWithCredentials } from "./sign-in-with-credentials";

/**
 * Submits a sign-up form to its server action, then signs the new user in with the password they
 * typed and opens their organization (where their role lands, when the action says). Field errors go to `setServerErrors`, anything else to `message`.
 */
export function useSignUpSubmit(
  action: (formData: FormData) => Promise<ActionResult<{ slug: string; email: string; href?: string }>>,
  setServerErrors: (errors: FieldErrors) => void,
) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await action(formData);
    if (!result.ok) {
      setPending(false);
      setServerErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors ? "Please correct the fields marked below." : result.message);
      return;
    }
    const outcome = await signInWithCredentials(result.data.email, String(formData.get("password")));
    router.replace(outcome.status === "ok" ? (result.data.href ?? `/o/${result.data.slug}`) : "/sign-in");
    router.refresh();
  }

  return { onSubmit, message, isPending };
}
