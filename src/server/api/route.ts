import "server-only";
import { createHash } from "node:crypto";
import type { ApiScope } from "@db/enums";
import type { z } from "zod";
import { Prisma } from "@db/client";
import { validationError } from "../action";
import { db, type Tx } from "../db";
import { AppError, toFailure } from "../errors";
import type { TTenantContext } from "../tenant";
import { apiRateLimiter } from "./rate-limit";
import { apiError, failureResponse, json } from "./respond";
import { verifyBearer } from "./tokens";

// The one wrapper of every /api/v1 request: Bearer token → tenant context (401 otherwise), the
// token's per-minute budget (429 with Retry-After), the declared scope (403), zod validation of
// query and body (400 naming the fields), then the handler; writes run in one transaction with
// their Idempotency-Key (same key and body → the first answer again; other body → 409).

const UNAUTHENTICATED_MESSAGES = {
  missing: "Send an API token: Authorization: Bearer rvt_….",
  malformed: "That is not a Revtrace API token. Send Authorization: Bearer rvt_….",
  unknown: "That API token is not valid.",
  revoked: "That API token was revoked. Ask an owner for a new one.",
  expired: "That API token has expired. Ask an owner for a new one.",
} as const;

export const SCOPE_NAMES: Record<ApiScope, string> = {
  READ: "read",
  REVENUE_WRITE: "revenue:write",
  PIPELINE_WRITE: "pipeline:write",
  KPIS_WRITE: "kpis:write",
};

/** A handler's answer: the status (200 unless said) and a JSON body (money already as strings). */
export type TApiAnswer = { status?: number; body: unknown };

type TParams = Record<string, string | string[] | undefined>;

type TRouteContext = { params: Promise<TParams> };

export type TReadDefinition<Q extends z.ZodType> = {
  scope: ApiScope;
  query: Q;
  run: (ctx: TTenantContext, args: { query: z.output<Q>; params: TParams }) => Promise<TApiAnswer>;
};

export type TWriteDefinition<B extends z.ZodType> = {
  scope: ApiScope;
  body: B;
  /** Runs inside the transaction that also stores the Idempotency-Key's answer. */
  run: (tx: Tx, ctx: TTenantContext, args: { body: z.output<B>; params: TParams }) => Promise<TApiAnswer>;
};

async function authenticate(
  request: Request,
  scope: ApiScope,
): Promise<{ ctx: TTenantContext; tokenId: string } | Response> {
  const verdict = await verifyBearer(request.headers.get("authorization"));
  if (!verdict.ok)
    return apiError("UNAUTHENTICATED", UNAUTHENTICATED_MESSAGES[verdict.reason], undefined, {
      "www-authenticate": 'Bearer realm="revtrace"',
    });
  const { ctx, tokenId } = verdict;
  const rate = await apiRateLimiter().consume(tokenId);
  if (!rate.ok) {
    return apiError(
      "RATE_LIMITED",
      `Too many requests with this token; try again in ${rate.retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(rate.retryAfterSeconds) },
    );
  }
  if (!ctx.scopes.includes(scope)) return apiError("FORBIDDEN", `This token lacks the ${SCOPE_NAMES[scope]} scope.`);
  return { ctx, tokenId };
}

const asResponse = (answer: TApiAnswer) => json(answer.status ?? 200, answer.body);

function fail(error: unknown): Response {
  return failureResponse(toFailure(error));
}

/** A GET endpoint: query parameters validated by `query`. */
export function apiRead<Q extends z.ZodType>(definition: TReadDefinition<Q>) {
  return async (request: Request, route: TRouteContext): Promise<Response> => {
    try {
      const caller = await authenticate(request, definition.scope);
      if (caller instanceof Response) return caller;
      const { ctx } = caller;
      const parsed = definition.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) throw validationError(parsed.error);
      return asResponse(await definition.run(ctx, { query: parsed.data, params: await route.params }));
    } catch (error) {
      return fail(error);
    }
  };
}

const ZKey = /^[\x21-\x7e]{1,255}$/;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON.", { body: ["Send a JSON object."] });
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A write endpoint (POST/PUT). The Idempotency-Key is required: the answer is stored with the
 * write in one transaction, so a replay (even one racing the first request) gets the first answer
 * and writes nothing. A request that fails writes nothing and stores nothing: the same key can be
 * sent again with a corrected body.
 */
export function apiWrite<B extends z.ZodType>(definition: TWriteDefinition<B>) {
  return async (request: Request, route: TRouteContext): Promise<Response> => {
    try {
      const caller = await authenticate(request, definition.scope);
      if (caller instanceof Response) return caller;
      const { ctx, tokenId } = caller;
      const key = request.headers.get("idempotency-key");
      if (!key || !ZKey.test(key)) {
        return apiError(
          "VALIDATION",
          "Send an Idempotency-Key header (1–255 visible ASCII characters, e.g. a UUID) with every write.",
          { "Idempotency-Key": ["Required: 1–255 visible ASCII characters."] },
        );
      }
      const raw = await readJson(request);
      const params = await route.params;
      const requestHash = createHash("sha256")
        .update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(raw)}`)
        .digest("hex");
      const where = { organizationId_apiTokenId_key: { organizationId: ctx.organizationId, apiTokenId: tokenId, key } };
      const replay = async (): Promise<Response | null> => {
        const stored = await db.apiIdempotencyKey.findUnique({
          where,
          select: { requestHash: true, status: true, response: true },
        });
        if (!stored) return null;
        if (stored.requestHash !== requestHash)
          return apiError(
            "IDEMPOTENCY_CONFLICT",
            "This Idempotency-Key was used with another request body. Use a new key for a new request.",
            { "Idempotency-Key": ["Already used with another body."] },
          );
        return json(stored.status, stored.response, { "idempotent-replayed": "true" });
      };
      const earlier = await replay();
      if (earlier) return earlier;
      const parsed = definition.body.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error);
      try {
        const answer = await db.$transaction(
          async (tx) => {
            // First: a concurrent request with the same key waits here until this one commits, then conflicts.
            await tx.apiIdempotencyKey.create({
              data: {
                organizationId: ctx.organizationId,
                apiTokenId: tokenId,
                key,
                requestHash,
                status: 0,
                response: {},
              },
            });
            const result = await definition.run(tx, ctx, { body: parsed.data, params });
            const status = result.status ?? 200;
            await tx.apiIdempotencyKey.update({
              where,
              data: { status, response: result.body as Prisma.InputJsonValue },
            });
            return { status, body: result.body };
          },
          { timeout: 120_000, maxWait: 30_000 },
        );
        return asResponse(answer);
      } catch (error) {
        if (isUniqueViolation(error)) {
          const raced = await replay();
          if (raced) return raced;
        }
        throw error;
      }
    } catch (error) {
      return fail(error);
    }
  };
}
