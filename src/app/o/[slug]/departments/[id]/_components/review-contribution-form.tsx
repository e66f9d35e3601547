"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { TextareaField } from "./textarea-field";
import { useScorecardForm } from "./use-scorecard-form";

/** Finance or the owner confirms a claimed contribution or disputes it, saying why. */
/** `version`: the claim as finance read it; a claim revised since then is not confirmed unseen. */
export function ReviewContributionForm({
  action,
  contributionId,
  version,
  label,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  contributionId: string;
  version: number;
  label: string;
}) {
  // The form goes away once the contribution is no longer claimed: the section shows the outcome.
  const { message, onSubmit, isPending, errors } = useScorecardForm(action, { announceTo: "contributions" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Review ${label}`}>
      <FormMessage state={message} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField
        label="Reason"
        name="reason"
        rows={2}
        errors={errors?.reason}
        hint="Required to dispute; optional to confirm."
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="CONFIRMED" disabled={isPending}>
          Confirm
        </Button>
        <Button type="submit" name="decision" value="DISPUTED" variant="danger" disabled={isPending}>
          Dispute
        </Button>
      </div>
    </form>
  );
}
