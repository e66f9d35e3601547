import "server-only";
import { createDocument } from "zod-openapi";
import { ZApiError } from "@/lib/schemas/api";
import { ENDPOINTS } from "./endpoints";
import { SCOPE_NAMES } from "./route";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ZApiError } },
});

const SHARED_ERRORS = {
  "400": errorResponse(
    "The request is invalid; `fields` names each bad field (e.g. entries.3.amount). Nothing was written.",
  ),
  "401": errorResponse("No token, or an unknown, expired or revoked one."),
  "403": errorResponse("The token lacks the scope this endpoint needs."),
  "404": errorResponse("Not found (including another organization's ids)."),
  "429": {
    ...errorResponse("Over the token's per-minute budget."),
    headers: {
      "Retry-After": {
        description: "Seconds until the next request is accepted.",
        schema: { type: "integer" as const },
      },
    },
  },
};

const WRITE_ERRORS = {
  "409": errorResponse(
    "A closed month, a change in conflict, or an Idempotency-Key reused with another body (code IDEMPOTENCY_CONFLICT).",
  ),
};

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints validate with. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(ENDPOINTS)) {
    const isWrite = endpoint.method !== "get";
    const requestParams = {
      ...("query" in endpoint && endpoint.query ? { query: endpoint.query } : {}),
      ...("pathParams" in endpoint && endpoint.pathParams ? { path: endpoint.pathParams } : {}),
    };
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, unknown>)[endpoint.method] = {
      summary: endpoint.summary,
      description: `Needs the ${SCOPE_NAMES[endpoint.scope]} scope.${isWrite ? " Send an Idempotency-Key: the same key and body get the first answer again (header Idempotent-Replayed: true) and write nothing." : ""}`,
      security: [{ bearer: [] }],
      ...(Object.keys(requestParams).length ? { requestParams } : {}),
      ...(isWrite
        ? {
            parameters: [
              {
                name: "Idempotency-Key",
                in: "header",
                required: true,
                description: "1–255 visible ASCII characters, unique per write (a UUID).",
                schema: { type: "string", minLength: 1, maxLength: 255 },
              },
            ],
            requestBody: {
              required: true,
              content: { "application/json": { schema: "body" in endpoint ? endpoint.body : undefined } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          ("statuses" in endpoint ? endpoint.statuses : [200]).map((status) => [
            String(status),
            {
              description: status === 201 ? "Created" : "OK",
              content: { "application/json": { schema: endpoint.response } },
            },
          ]),
        ),
        ...SHARED_ERRORS,
        ...(isWrite ? WRITE_ERRORS : {}),
      },
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Revtrace API",
      version: "1.0.0",
      description:
        "Push actuals, deals and KPI values into one organization, and read its dashboard numbers, gap bridge, scorecards and deals. Tokens are created by an owner in Settings → API tokens. Money is a decimal string in the organization's currency.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "rvt_… token from Settings → API tokens." },
      },
    },
    // biome-ignore lint/suspicious/noExplicitAny: the paths are built from the typed ENDPOINTS list above.
    paths: paths as any,
  });
}
