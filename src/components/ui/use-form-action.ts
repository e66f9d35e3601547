"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { FieldErrors, TFormState } from "@/lib/action-result";
import { callFormAction } from "./call-action";

/**
 * useActionState for a form whose inputs must survive a failed submission: submitting through
 * onSubmit (not the form's action attribute) stops React from resetting the fields, so a user
 * who gets a validation error keeps what they typed.
 */
export function useFormAction<T>(serverAction: (prev: TFormState<T>, formData: FormData) => Promise<TFormState<T>>) {
  const [state, dispatch, isPending] = useActionState(
    (prev: TFormState<T>, formData: FormData) => callFormAction(serverAction, prev, formData),
    null,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  const errors: FieldErrors | undefined = state && !state.ok ? state.fieldErrors : undefined;
  return { state, onSubmit, isPending, errors };
}
