import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@db/client";

import type { ActionFailure, ErrorCode, FieldErrors } from "@/lib/action-result";

export type { ActionFailure, ActionResult, ErrorCode, FieldErrors } from "@/lib/action-result";

/** An expected failure whose message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") => new AppError("NOT_FOUND", `${what} was not found.`);


/**
 * Turns any thrown value into a failure the UI can show. Expected errors keep their message;
 * Prisma's unique and missing-row errors become conflict and not-found; anything else is logged
 * with a request id and shown as a generic message, never as a stack trace.
 */
export function toFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return { ok: false, code: "CONFLICT", message: "That already exists." };
    if (error.code === "P2025") return { ok: false, code: "NOT_FOUND", message: "That record was not found." };
  }
  const requestId = randomUUID();
  console.error(`[${requestId}] unexpected error`, error);
  return { ok: false, code: "INTERNAL", message: `Something went wrong on our side (reference ${requestId}). Nothing was saved.` };
}
