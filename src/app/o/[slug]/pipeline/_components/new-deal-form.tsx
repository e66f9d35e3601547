"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { createOpportunityAction } from "../actions";
import type { TEditOptions } from "./types";

/** "New deal": a disclosure above the table; after a save the form empties for the next deal. */
export function NewDealForm({
  slug,
  options,
  defaultOwnerId,
  defaultCloseDate,
  currency,
}: {
  slug: string;
  options: TEditOptions;
  defaultOwnerId: string;
  defaultCloseDate: string;
  currency: string;
}) {
  const [formKey, setFormKey] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  const { state, onSubmit, isPending, errors } = useFormAction(async (prev: unknown, formData: FormData) => {
    const result = await createOpportunityAction(slug, prev, formData);
    if (result.ok) setFormKey((k) => k + 1);
    return result;
  });
  return (
    <details
      className="group rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      open={isOpen}
      onToggle={(e) => setIsOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm font-semibold">New deal</summary>
      <form
        key={formKey}
        aria-label="New deal"
        onSubmit={onSubmit}
        className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        noValidate
      >
        <TextField label="Deal name" name="name" required errors={errors?.name} />
        <TextField label="Account" name="account" required errors={errors?.account} />
        <TextField label={`Amount (${currency})`} name="amount" inputMode="decimal" required errors={errors?.amount} />
        <TextField
          label="Expected close"
          name="expectedCloseDate"
          type="date"
          defaultValue={defaultCloseDate}
          required
          errors={errors?.expectedCloseDate}
        />
        <SelectField label="Stage" name="stageId" options={options.stages} errors={errors?.stageId} />
        <TextField
          label="Probability (%)"
          name="probability"
          inputMode="decimal"
          hint="Empty: the stage's default."
          errors={errors?.probability}
        />
        <SelectField
          label="Forecast category"
          name="forecastCategory"
          options={[{ value: "", label: "From the stage" }, ...options.categories]}
          errors={errors?.forecastCategory}
        />
        <SelectField
          label="Owner"
          name="ownerId"
          defaultValue={defaultOwnerId}
          options={options.owners}
          errors={errors?.ownerId}
        />
        <SelectField
          label="Source department"
          name="sourceDepartmentId"
          options={[{ value: "", label: "None" }, ...options.departments]}
          errors={errors?.sourceDepartmentId}
        />
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Adding…" : "Add deal"}
          </Button>
          <FormMessage state={state} />
          <SubmissionIdField state={state} />
        </div>
      </form>
    </details>
  );
}
