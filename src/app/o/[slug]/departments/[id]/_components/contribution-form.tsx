"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { MonthSelect, type TMonthOption } from "./month-select";
import { TextareaField } from "./textarea-field";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { useScorecardForm } from "./use-scorecard-form";

/** `version`: the contribution as loaded; a revision from an older copy is refused. */
export type TContributionDraft = {
  contributionId: string;
  version: number;
  month: string;
  categoryId: string;
  amount: string;
  description: string;
  evidenceUrl: string;
  opportunityId: string;
  opportunityLabel: string;
};

/**
 * Logs a department's signed revenue impact for a month, or revises one (`draft`) that finance has
 * not confirmed. The effect (added or cost revenue) signs the amount: positive purifies, negative taints.
 */
export function ContributionForm({
  action,
  months,
  defaultMonth,
  categories,
  currency,
  deals,
  draft,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  months: TMonthOption[];
  defaultMonth: string;
  categories: { id: string; name: string }[];
  currency: string;
  deals: { value: string; label: string }[];
  draft?: TContributionDraft;
}) {
  const { state, message, onSubmit, isPending, errors, formRef } = useScorecardForm(action, { resetOnSuccess: !draft });
  // A revised contribution keeps its deal even when that deal is no longer among those listed.
  const draftIsCost = draft?.amount.startsWith("-") ?? false;
  const dealOptions =
    draft?.opportunityId && !deals.some((d) => d.value === draft.opportunityId)
      ? [...deals, { value: draft.opportunityId, label: draft.opportunityLabel }]
      : deals;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-label={draft ? "Revise the contribution" : "Log a contribution"}
    >
      <FormMessage state={message} />
      {draft ? (
        <>
          <input type="hidden" name="contributionId" value={draft.contributionId} />
          <input type="hidden" name="version" value={draft.version} />
        </>
      ) : (
        <SubmissionIdField state={state} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <MonthSelect name="month" months={months} defaultValue={draft?.month ?? defaultMonth} errors={errors?.month} />
        <SelectField
          label="Category"
          name="categoryId"
          defaultValue={draft?.categoryId}
          errors={errors?.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Effect on revenue</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="effect" value="ADDED" defaultChecked={!draftIsCost} /> Added revenue (purified)
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="effect" value="COST" defaultChecked={draftIsCost} /> Cost revenue (tainted)
            </label>
          </div>
          {errors?.effect && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.effect.join(" ")}</p>}
        </fieldset>
        <TextField
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          defaultValue={draftIsCost ? draft?.amount.slice(1) : draft?.amount}
          errors={errors?.amount}
          hint="How much revenue, without a sign, e.g. 12000."
        />
        <TextField
          label="Evidence link (optional)"
          name="evidenceUrl"
          type="url"
          placeholder="https://"
          defaultValue={draft?.evidenceUrl}
          errors={errors?.evidenceUrl}
        />
        {dealOptions.length > 0 && (
          <SelectField
            label="Deal (optional)"
            name="opportunityId"
            defaultValue={draft?.opportunityId ?? ""}
            errors={errors?.opportunityId}
            options={[{ value: "", label: "No deal" }, ...dealOptions]}
            hint="A lost or slipped deal charged to this department. Once counted, this contribution replaces the deal's amount in the gap bridge."
          />
        )}
      </div>
      <TextareaField
        label="Description"
        name="description"
        defaultValue={draft?.description}
        errors={errors?.description}
        rows={2}
        hint="What happened, and how the amount was estimated."
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : draft ? "Save and send for review" : "Log contribution"}
      </Button>
    </form>
  );
}
