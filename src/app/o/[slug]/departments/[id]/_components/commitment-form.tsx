"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { useScorecardForm } from "./use-scorecard-form";

/** The department promises an action to close its part of the gap: who, by when, worth how much. */
export function CommitmentForm({
  action,
  members,
  defaultOwnerId,
  currency,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  members: { id: string; name: string }[];
  defaultOwnerId: string;
  currency: string;
}) {
  const { state, message, onSubmit, isPending, errors, formRef } = useScorecardForm(action, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a commitment">
      <FormMessage state={message} />
      <SubmissionIdField state={state} />
      <TextField
        label="Action"
        name="title"
        errors={errors?.title}
        placeholder="e.g. Re-run the partner webinar for the Q3 pipeline"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Owner"
          name="ownerId"
          defaultValue={defaultOwnerId}
          errors={errors?.ownerId}
          options={members.map((m) => ({ value: m.id, label: m.name }))}
        />
        <TextField label="Due date" name="dueDate" type="date" errors={errors?.dueDate} />
        <TextField
          label={`Expected impact (${currency})`}
          name="expectedImpact"
          inputMode="decimal"
          errors={errors?.expectedImpact}
          hint="Revenue it should bring back."
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Adding…" : "Add commitment"}
      </Button>
    </form>
  );
}
