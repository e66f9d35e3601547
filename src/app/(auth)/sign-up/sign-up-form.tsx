"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth/sign-in-with-credentials";
import { useFieldValidation } from "@/components/auth/use-field-validation";
import { OrganizationFields } from "@/components/organization/organization-fields";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { ZEmail, ZPassword, ZPersonName } from "@/lib/schemas/auth";
import { ZOrganizationName } from "@/lib/schemas/organization";
import type { TOrganizationOptions } from "@/lib/organization-options";
import { signUpAction } from "./actions";

export function SignUpForm({ options }: { options: TOrganizationOptions }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const { errors, validate, setServerErrors } = useFieldValidation({
    name: ZPersonName,
    email: ZEmail,
    password: ZPassword,
    "organization.name": ZOrganizationName,
  });
  const onBlur = (e: React.FocusEvent<HTMLInputElement>) => validate(e.target.name, e.target.value);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await signUpAction(formData);
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
      <TextField label="Your name" name="name" autoComplete="name" errors={errors.name} onBlur={onBlur} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" errors={errors.email} onBlur={onBlur} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} onBlur={onBlur} hint="8 to 128 characters." />
      <fieldset className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <legend className="pt-2 text-sm font-semibold">Your organization</legend>
        <OrganizationFields prefix="organization." errors={errors} onBlur={validate} options={options} />
      </fieldset>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your organization…" : "Create account and organization"}
      </Button>
    </form>
  );
}
