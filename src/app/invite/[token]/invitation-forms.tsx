"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth/sign-in-with-credentials";
import { useFieldValidation } from "@/components/auth/use-field-validation";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { ZPassword, ZPersonName } from "@/lib/schemas/auth";
import { acceptInvitationAction, signUpWithInvitationAction } from "./actions";

export function AcceptButton({ token }: { token: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const accept = () =>
    startTransition(async () => {
      const result = await acceptInvitationAction(decodeURIComponent(token));
      if (!result.ok) return setMessage(result.message);
      router.replace(`/o/${result.data.slug}`);
      router.refresh();
    });
  return (
    <div className="mt-4 space-y-3">
      <FormMessage state={message ? { ok: false, message } : null} />
      <Button onClick={accept} disabled={isPending}>
        {isPending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}

export function InvitationSignUpForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const { errors, validate, setServerErrors } = useFieldValidation({ name: ZPersonName, password: ZPassword });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    const result = await signUpWithInvitationAction(decodeURIComponent(token), formData);
    if (!result.ok) {
      setPending(false);
      setServerErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors ? "Please correct the fields marked below." : result.message);
      return;
    }
    const isSignedIn = await signInWithCredentials(result.data.email, String(formData.get("password")));
    router.replace(isSignedIn ? `/o/${result.data.slug}` : "/sign-in");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormMessage state={message ? { ok: false, message } : null} />
      <TextField label="Email" name="emailShown" value={email} readOnly disabled />
      <TextField label="Your name" name="name" autoComplete="name" errors={errors.name} onBlur={(e) => validate("name", e.target.value)} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} hint="8 to 128 characters." onBlur={(e) => validate("password", e.target.value)} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}
