"use client";

import { useState } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/action-result";

/**
 * Validates one field on blur with the same zod schema the server uses, and merges in the
 * server's field errors after a submission. Cheap checks only; the server always re-validates.
 */
export function useFieldValidation(fields: Record<string, z.ZodType>) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  function validate(name: string, value: string) {
    const schema = fields[name];
    if (!schema) return;
    const result = schema.safeParse(value);
    setClientErrors((prev) => ({ ...prev, [name]: result.success ? [] : result.error.issues.map((i) => i.message) }));
    setServerErrors((prev) => ({ ...prev, [name]: [] }));
  }

  const errors: FieldErrors = {};
  for (const key of new Set([...Object.keys(clientErrors), ...Object.keys(serverErrors)])) {
    const list = serverErrors[key]?.length ? serverErrors[key] : clientErrors[key];
    if (list?.length) errors[key] = list;
  }
  return { errors, validate, setServerErrors };
}
