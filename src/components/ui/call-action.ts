"use client";

import type { TFormState } from "@/lib/action-result";
import { SERVER_ACTION_BODY_LIMIT_MB } from "@/lib/upload-limits";

const LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024;

/** The size of the form's text as it will be sent (multipart framing left out, so judged with a margin). */
function formBytes(formData: FormData): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const [key, value] of formData.entries())
    total += encoder.encode(key).length + (typeof value === "string" ? encoder.encode(value).length : value.size) + 64;
  return total;
}

/**
 * Calls a form's server action so that every failure is answered in the form, which keeps what the
 * user typed: a body over the server's limit (next.config serverActions.bodySizeLimit) is refused
 * here with the limit named, and a request that never got an answer (the server unreachable, or it
 * failed before the action's own error handling) becomes a message rather than the error page.
 */
export async function callFormAction<T>(
  serverAction: (prev: TFormState<T>, formData: FormData) => Promise<TFormState<T>>,
  prev: TFormState<T>,
  formData: FormData,
): Promise<TFormState<T>> {
  if (formBytes(formData) > LIMIT_BYTES) {
    return {
      ok: false,
      code: "VALIDATION",
      message: `This form is larger than ${SERVER_ACTION_BODY_LIMIT_MB} MB, the most the server accepts. Shorten what you typed and send it again.`,
    };
  }
  try {
    return await serverAction(prev, formData);
  } catch {
    return {
      ok: false,
      code: "UNAVAILABLE",
      message: "The service could not be reached; what you typed is kept. Try again in a moment.",
    };
  }
}
