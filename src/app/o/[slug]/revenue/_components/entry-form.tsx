"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { addRevenueEntryAction } from "../actions";

/** One dated actual; a month's total is an entry dated in that month. */
export function EntryForm({ slug, currency, today }: { slug: string; currency: string; today: string }) {
  const { state, onSubmit, isPending, errors } = useFormAction(addRevenueEntryAction.bind(null, slug));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a revenue entry">
      <FormMessage state={state} />
      <SubmissionIdField state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Date" name="date" type="date" defaultValue={today} errors={errors?.date} />
        <TextField
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          errors={errors?.amount}
          hint="A refund is negative, e.g. -250 or (250)."
        />
        <TextField label="Reference (invoice or order)" name="reference" errors={errors?.reference} />
        <TextField label="Customer" name="customer" errors={errors?.customer} />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Adding…" : "Add entry"}
      </Button>
    </form>
  );
}
