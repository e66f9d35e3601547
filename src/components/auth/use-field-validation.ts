"use client";

import { useState, type ChangeEvent, type FocusEvent } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/action-result";

type TControl = HTMLInputElement | HTMLSelectElement;

/**
 * Validates a field when the user leaves it, with the same zod schema the server uses, and clears
 * its error as soon as they edit it. Leaving a field for the submit button does not validate: a
 * message appearing then would move the button away from under the pointer and lose the click
 * (the server validates the submission anyway).
 */
export function useFieldValidation(fields: Record<string, z.ZodType>) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  function validate(name: string, value: string) {
    const schema = fields[name];
    if (!schema) return;
    const result = schema.safeParse(value);
    setClientErrors((prev) => ({ ...prev, [name]: result.success ? [] : result.error.issues.map((i) => i.message) }));
  }

  function onBlur(event: FocusEvent<TControl>) {
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === "submit") return;
    validate(event.target.name, event.target.value);
  }

  function onChange(event: ChangeEvent<TControl>) {
    const { name } = event.target;
    if (clientErrors[name]?.length || serverErrors[name]?.length) {
      setClientErrors((prev) => ({ ...prev, [name]: [] }));
      setServerErrors((prev) => ({ ...prev, [name]: [] }));
    }
  }

  const errors: FieldErrors = {};
  for (const key of new Set([...Object.keys(clientErrors), ...Object.keys(serverErrors)])) {
    const list = serverErrors[key]?.length ? serverErrors[key] : clientErrors[key];
    if (list?.length) errors[key] = list;
  }
  return { errors, onBlur, onChange, setServerErrors };
}
