"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { EMAIL_FREQUENCY_OPTIONS, type TEmailFrequency } from "@/lib/schemas/notifications";
import { updateEmailFrequencyAction } from "./actions";

/** How often Revtrace emails this person: one radio per choice, each with what it means. */
export function NotificationsForm({ slug, frequency }: { slug: string; frequency: TEmailFrequency }) {
  const { state, onSubmit, isPending, errors } = useFormAction(updateEmailFrequencyAction.bind(null, slug));
  const id = useId();
  const errorId = `${id}-error`;
  const fieldErrors = errors?.emailFrequency;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <fieldset aria-describedby={fieldErrors?.length ? errorId : undefined}>
        <legend className="text-sm font-medium">How often should Revtrace email you?</legend>
        <div className="mt-2 space-y-2">
          {EMAIL_FREQUENCY_OPTIONS.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 p-3 hover:bg-zinc-50 has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:has-[:checked]:bg-zinc-800"
            >
              <input
                type="radio"
                name="emailFrequency"
                value={option.value}
                defaultChecked={option.value === frequency}
                aria-labelledby={`${id}-${option.value}-label`}
                aria-describedby={`${id}-${option.value}-hint`}
                className="mt-0.5 size-4 shrink-0 accent-accent-600"
              />
              <span className="min-w-0">
                <span id={`${id}-${option.value}-label`} className="block text-sm font-medium">
                  {option.label}
                </span>
                <span id={`${id}-${option.value}-hint`} className="block text-sm text-zinc-600 dark:text-zinc-400">
                  {option.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors?.length ? (
          <p id={errorId} className="mt-2 text-sm text-red-700 dark:text-red-400">
            {fieldErrors[0]}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save email notifications"}
      </Button>
    </form>
  );
}
