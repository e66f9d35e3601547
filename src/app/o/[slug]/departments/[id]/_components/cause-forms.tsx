"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { TextareaField } from "./textarea-field";
import { useScorecardForm } from "./use-scorecard-form";

type TAction = (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;

/** The charged department's head says why the deal is not theirs; it keeps counting until settled. */
export function DisputeCauseForm({ action, causeId, label }: { action: TAction; causeId: string; label: string }) {
  // The form goes away once the attribution is disputed: the section shows the outcome.
  const { message, onSubmit, isPending, errors } = useScorecardForm(action, { announceTo: "causes" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Dispute ${label}`}>
      <FormMessage state={message} />
      <input type="hidden" name="causeId" value={causeId} />
      <TextareaField
        label="Reason"
        name="reason"
        rows={2}
        errors={errors?.reason}
        hint="Why the department is not responsible. Finance or the owner reads it and settles."
      />
      <Button type="submit" variant="danger" disabled={isPending}>
        {isPending ? "Sending…" : "Dispute"}
      </Button>
    </form>
  );
}

/** FINANCE or OWNER settles a dispute: upheld, it keeps counting; overturned, it leaves the department's bar. */
export function SettleCauseForm({ action, causeId, label }: { action: TAction; causeId: string; label: string }) {
  const { message, onSubmit, isPending, errors } = useScorecardForm(action, { announceTo: "causes" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Settle ${label}`}>
      <FormMessage state={message} />
      <input type="hidden" name="causeId" value={causeId} />
      <TextareaField
        label="Reason"
        name="reason"
        rows={2}
        errors={errors?.reason ?? errors?.decision}
        hint="Required either way."
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="UPHELD" disabled={isPending}>
          Uphold
        </Button>
        <Button type="submit" name="decision" value="OVERTURNED" variant="danger" disabled={isPending}>
          Overturn
        </Button>
      </div>
    </form>
  );
}
