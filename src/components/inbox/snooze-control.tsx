"use client";

import { BellOff } from "lucide-react";
import { useEffect, useRef } from "react";
import type { TFormState } from "@/lib/action-result";
import { SNOOZE_DAYS } from "@/lib/inbox/rules";
import { Button, buttonClass } from "../ui/button";
import { Dialog, type TDialogHandle } from "../ui/dialog";
import { FormMessage, SelectField, TextAreaField } from "../ui/field";
import { useFormAction } from "../ui/use-form-action";

type TAction<T> = (prev: TFormState<T>, formData: FormData) => Promise<TFormState<T>>;

/** "Snooze" on a My work item: for how long and why (the reason is kept in the audit trail). */
export function SnoozeControl({
  itemKey,
  title,
  action,
}: {
  itemKey: string;
  title: string;
  action: TAction<{ until: string }>;
}) {
  const dialog = useRef<TDialogHandle>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.open()}
        className={buttonClass("secondary", "shrink-0 self-start sm:self-center")}
        aria-label={`Snooze: ${title}`}
      >
        <BellOff aria-hidden className="size-4" /> Snooze
      </button>
      <Dialog ref={dialog} title="Snooze this item" description={title}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormMessage state={state && !state.ok ? state : null} />
          <input type="hidden" name="key" value={itemKey} />
          <SelectField
            label="Snooze for"
            name="days"
            defaultValue="3"
            errors={errors?.days}
            options={SNOOZE_DAYS.map((d) => ({ value: String(d), label: d === 1 ? "1 day" : `${d} days` }))}
            hint="It comes back on that day if it is still owed; emails skip it meanwhile."
          />
          <TextAreaField
            label="Reason"
            name="reason"
            rows={3}
            required
            errors={errors?.reason}
            hint="Kept in the organization's activity, e.g. “Waiting for the October invoices”."
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Snoozing…" : "Snooze"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** "Wake up" on a snoozed item: back in My work today. */
export function WakeControl({ itemKey, title, action }: { itemKey: string; title: string; action: TAction<unknown> }) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="shrink-0 self-start sm:self-center">
      <input type="hidden" name="key" value={itemKey} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-label={`Wake up: ${title}`}>
        {isPending ? "Waking…" : "Wake up"}
      </Button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
