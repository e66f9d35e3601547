"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/schemas/api-tokens";
import { createApiTokenAction } from "../actions";

/** The token's value, once: it lives only in this component's state, so a reload loses it for good. */
function BearerOnce({ name, bearer }: { name: string; bearer: string }) {
  const titleId = useId();
  return (
    <div
      role="region"
      aria-labelledby={titleId}
      className="rounded-md border-2 border-accent-600 bg-accent-50 p-4 dark:border-accent-400 dark:bg-zinc-800"
    >
      <h3 id={titleId} className="text-sm font-semibold">
        Copy the token “{name}” now
      </h3>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        It will not be shown again. Store it where the system that uses it keeps secrets; if it is lost, revoke it and
        create another.
      </p>
      <code
        data-testid="api-token-bearer"
        className="mt-3 block rounded bg-white px-3 py-2 font-mono text-sm break-all text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {bearer}
      </code>
      <div className="mt-3">
        <CopyButton text={bearer} label="Copy token" />
      </div>
    </div>
  );
}

function ScopeChoices({ errors }: { errors: string[] | undefined }) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium">Scopes</legend>
      <p className="text-xs text-zinc-500">What the token may do. Give it only what its system needs.</p>
      <ul className="mt-2 space-y-2">
        {API_SCOPES.map((scope) => (
          <li key={scope}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} className="mt-0.5 size-4 accent-accent-600" />
              <span>
                <span className="font-medium">{API_SCOPE_LABELS[scope].label}</span>
                <span className="text-zinc-600 dark:text-zinc-400">: {API_SCOPE_LABELS[scope].grants}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Creates a token; a success shows its value once and clears the form for the next one. */
export function ApiTokenForm({ slug, minExpiresOn }: { slug: string; minExpiresOn: string }) {
  const { state, onSubmit, isPending, errors } = useFormAction(createApiTokenAction.bind(null, slug));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const scopeErrors = errors?.scopes ?? Object.entries(errors ?? {}).find(([key]) => key.startsWith("scopes."))?.[1];
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state?.ok && <BearerOnce name={state.data.name} bearer={state.data.bearer} />}
      <form ref={form} onSubmit={onSubmit} noValidate aria-label="Create an API token" className="space-y-4">
        <TextField
          label="Name"
          name="name"
          maxLength={80}
          hint="Name it after the system that will use it, e.g. Billing sync."
          errors={errors?.name}
        />
        <ScopeChoices errors={scopeErrors} />
        <TextField
          label="Expires on (optional)"
          name="expiresOn"
          type="date"
          min={minExpiresOn}
          className="max-w-48"
          hint="It stops working at 00:00 UTC that day. Leave empty for a token that does not expire."
          errors={errors?.expiresOn}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
