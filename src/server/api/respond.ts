import "server-only";
import type { ActionFailure, ErrorCode, FieldErrors } from "@/lib/action-result";

// Answers of /api/v1 (DESIGN.md "Public API"): JSON, errors as { error: { code, message, fields } }.

export type TApiErrorCode = ErrorCode | "RATE_LIMITED" | "IDEMPOTENCY_CONFLICT" | "METHOD_NOT_ALLOWED";

export const API_STATUS: Record<TApiErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

const NO_STORE = { "cache-control": "no-store" };

/** JSON with money as decimal strings: BigInt never reaches JSON.stringify. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

export function apiError(
  code: TApiErrorCode,
  message: string,
  fields?: FieldErrors,
  headers?: Record<string, string>,
): Response {
  return json(API_STATUS[code], { error: { code, message, fields: fields ?? {} } }, headers);
}

export function failureResponse(failure: ActionFailure): Response {
  return apiError(failure.code, failure.message, failure.fieldErrors);
}
