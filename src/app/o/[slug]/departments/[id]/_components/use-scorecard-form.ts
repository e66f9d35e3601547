"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { FieldErrors, TFormState } from "@/lib/action-result";
import { callFormAction } from "@/components/ui/call-action";
import { announce } from "./section-flash";

/**
 * The kit's useFormAction (submit through onSubmit, so a failed submission keeps what was typed),
 * plus what the scorecard's forms need: the clicked button's name and value are sent (a form with
 * "Confirm" and "Dispute", or "Save" and "Mark reviewed"); a form that goes away with its success
 * (a review form once the record is confirmed) hands its message to the section (`announceTo`);
 * a form for a new record (`resetOnSuccess`) empties itself for the next one.
 */
export function useScorecardForm<T>(
  serverAction: (prev: TFormState<T>, formData: FormData) => Promise<TFormState<T>>,
  options: { announceTo?: string; resetOnSuccess?: boolean; prepare?: (formData: FormData) => void } = {},
) {
  const { announceTo, resetOnSuccess, prepare } = options;
  // Announced as the result arrives, not in an effect: the refreshed page that comes with a success
  // may already have removed this form, and an unmounted form's effects never run.
  const [state, dispatch, isPending] = useActionState(async (prev: TFormState<T>, formData: FormData) => {
    const result = await callFormAction(serverAction, prev, formData);
    if (result?.ok && announceTo) announce(announceTo, result.message);
    return result;
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(
      event.currentTarget,
      submitter instanceof HTMLButtonElement && submitter.name ? submitter : null,
    );
    prepare?.(formData);
    startTransition(() => dispatch(formData));
  };
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const errors: FieldErrors | undefined = state && !state.ok ? state.fieldErrors : undefined;
  // An announced success is shown by the section; the form itself shows only its failures.
  const message = announceTo && state?.ok ? null : state;
  return { state, message, onSubmit, isPending, errors, formRef };
}
