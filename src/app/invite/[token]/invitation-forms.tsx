"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFieldValidation } from "@/components/auth/use-field-validation";
import { useSignUpSubmit } from "@/components/auth/use-sign-up-submit";
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
      router.replace(result.data.href);
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
  const { errors, onBlur, onChange, setServerErrors } = useFieldValidation({ name: ZPersonName, password: ZPassword });
  const { onSubmit, message, isPending } = useSignUpSubmit(
    (formData) => signUpWithInvitationAction(decodeURIComponent(token), formData),
    setServerErrors,
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormMessage state={message ? { ok: false, message } : null} />
      <p className="text-sm">
        <span className="block font-medium">Email</span>
        <span className="text-zinc-700 dark:text-zinc-300">{email}</span>
      </p>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        errors={errors.name}
        onBlur={onBlur}
        onChange={onChange}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        hint="8 to 128 characters."
        onBlur={onBlur}
        onChange={onChange}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        We will email a link to {email} to verify the address; you join once it is verified.
      </p>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}
