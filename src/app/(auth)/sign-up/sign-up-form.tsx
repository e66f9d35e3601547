"use client";

import { useFieldValidation } from "@/components/auth/use-field-validation";
import { useSignUpSubmit } from "@/components/auth/use-sign-up-submit";
import { OrganizationFields } from "@/components/organization/organization-fields";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { ZEmail, ZPassword, ZPersonName } from "@/lib/schemas/auth";
import { ZOrganizationName } from "@/lib/schemas/organization";
import type { TOrganizationOptions } from "@/lib/organization-options";
import { signUpAction } from "./actions";

export function SignUpForm({ options }: { options: TOrganizationOptions }) {
  const { errors, onBlur, onChange, setServerErrors } = useFieldValidation({
    name: ZPersonName,
    email: ZEmail,
    password: ZPassword,
    "organization.name": ZOrganizationName,
  });
  const { onSubmit, message, isPending } = useSignUpSubmit(signUpAction, setServerErrors);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormMessage state={message ? { ok: false, message } : null} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        errors={errors.name}
        onBlur={onBlur}
        onChange={onChange}
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        errors={errors.email}
        onBlur={onBlur}
        onChange={onChange}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        onBlur={onBlur}
        onChange={onChange}
        hint="8 to 128 characters."
      />
      <fieldset className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <legend className="pt-2 text-sm font-semibold">Your organization</legend>
        <OrganizationFields
          prefix="organization."
          errors={errors}
          validation={{ onBlur, onChange }}
          options={options}
        />
      </fieldset>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your organization…" : "Create account and organization"}
      </Button>
    </form>
  );
}
