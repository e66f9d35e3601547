import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@db/client";

import type { ActionFailure, ErrorCode, FieldErrors } from "@/lib/action-result";
import { amountBoundMessage, isWithinAmountBound } from "@/lib/money";

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

export const UNAVAILABLE_MESSAGE = "The service is unavailable; nothing was saved. Try again in a moment.";

// Prisma's codes for "no usable connection" (P1001 unreachable, P1002/P1008 timed out, P1017 closed
// by the server, P2024 no connection from the pool), the driver adapter's kinds of the same, and
// PostgreSQL's SQLSTATEs for a server shutting down or refusing connections (57P01–57P03, class 08).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const isUnavailableSqlState = (code: unknown) =>
  typeof code === "string" && (/^57P0[123]$/.test(code) || /^08...$/.test(code) || code === "53300");

/** Whether `error` (or what it wraps) says the database could not be reached or dropped the connection. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  };
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (
    typeof e.code === "string" &&
    (PRISMA_UNAVAILABLE.has(e.code) || NODE_UNAVAILABLE.has(e.code) || isUnavailableSqlState(e.code))
  )
    return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter && (ADAPTER_UNAVAILABLE.has(String(adapter.kind)) || isUnavailableSqlState(adapter.originalCode)))
    return true;
  if (
    typeof e.message === "string" &&
    /Connection terminated|Client has encountered a connection error|server closed the connection/i.test(e.message)
  )
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * Turns any thrown value into a failure the UI can show. Expected errors keep their message;
 * Prisma's unique and missing-row errors become conflict and not-found; anything else is logged
 * with a request id and shown as a generic message, never as a stack trace.
 */
export function toFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.fieldErrors && { fieldErrors: error.fieldErrors }),
    };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return { ok: false, code: "CONFLICT", message: "That already exists." };
    if (error.code === "P2025") return { ok: false, code: "NOT_FOUND", message: "That record was not found." };
  }
  const requestId = randomUUID();
  if (isDatabaseUnavailable(error)) {
    console.error(`[${requestId}] database unavailable`, error instanceof Error ? error.message : error);
    return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE };
  }
  console.error(`[${requestId}] unexpected error`, error);
  return {
    ok: false,
    code: "INTERNAL",
    message: `Something went wrong on our side (reference ${requestId}). Nothing was saved.`,
  };
}

/** Refuses an amount past the one money bound (lib/money.ts), naming the field and the limit in the organization's currency. */
export function assertAmountBound(minor: bigint | null, currency: string, field: string): void {
  if (minor === null || isWithinAmountBound(minor)) return;
  const message = amountBoundMessage(currency);
  throw new AppError("VALIDATION", message, { [field]: [message] });
}
