// The shape every server action returns; forms read it with useActionState.
// UNAVAILABLE: the database could not be reached; nothing was written and the same request can be retried.
export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "UNAVAILABLE"
  | "INTERNAL";
export type FieldErrors = Record<string, string[]>;
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T; message?: string } | ActionFailure;
/** A form's state before its first submission is null. */
export type TFormState<T = unknown> = ActionResult<T> | null;
