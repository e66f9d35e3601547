"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { useScorecardForm } from "./use-scorecard-form";

/** Marks an open commitment done or missed, with what it actually delivered. */
export function ResolveCommitmentForm({
  action,
  commitmentId,
  version,
  title,
  currency,
  expected,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  commitmentId: string;
  version: number;
  title: string;
  currency: string;
  expected: string;
}) {
  // Once resolved the row offers Reopen instead: the section shows the outcome.
  const { message, onSubmit, isPending, errors } = useScorecardForm(action, { announceTo: "commitments" });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-2xl gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      aria-label={`Resolve ${title}`}
    >
      <div className="sm:col-span-3">
        <FormMessage state={message} />
      </div>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        label="Outcome"
        name="status"
        defaultValue="DONE"
        errors={errors?.status}
        options={[
          { value: "DONE", label: "Done" },
          { value: "MISSED", label: "Missed" },
        ]}
      />
      <TextField
        label={`Delivered (${currency}, optional)`}
        name="delivered"
        inputMode="decimal"
        errors={errors?.delivered}
        hint={`Empty: ${expected} if done, nothing if missed.`}
      />
      <Button type="submit" disabled={isPending} className="sm:mt-6">
        {isPending ? "Saving…" : "Resolve"}
      </Button>
    </form>
  );
}
