import "server-only";
import type { ActionResult, ErrorCode } from "@/lib/action-result";
import { toJsonSafe, type TImportProgress, type TImportStreamLine } from "@/lib/csv/wire";
import { importLimitMessage, MAX_IMPORT_REQUEST_BYTES } from "@/lib/upload-limits";
import { formToObject } from "../action";
import { getSessionUser } from "../auth";
import { toFailure } from "../errors";
import { isAppOrigin } from "../security/request-origin";

// The HTTP side of every import route: a JSON ActionResult with a status that matches its code, or,
// for a commit that got past validation and the tenant check, NDJSON progress lines and one result
// line. Route handlers rather than server actions, because a real export is larger than a server
// action's 1 MB body limit; they run the same mutations as everything else.

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function jsonResult<T>(result: ActionResult<T>): Response {
  return Response.json(toJsonSafe(result), {
    status: result.ok ? 200 : STATUS[result.code],
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * Browsers send Origin with every POST: a form on another site must not import into this
 * organization with the user's cookies. Requests without Origin carry no ambient browser session.
 * The app's origin is the configured NEXTAUTH_URL; X-Forwarded-Host counts only behind a trusted
 * proxy (src/server/security/request-origin.ts).
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && !isAppOrigin(origin, request.headers);
}

const NDJSON_HEADERS = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  // no-transform keeps compression from buffering the lines; proxies are asked not to buffer either.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
};

type TCommitRun<R> = (onProgress: (progress: TImportProgress) => void) => Promise<ActionResult<R>>;

/**
 * Runs the commit. Until it reports its first progress (after validation, the tenant and the
 * permission), a refusal is answered as plain JSON with its status; from then on the response
 * streams one line per progress report and ends with the result.
 */
export function streamCommit<R>(run: TCommitRun<R>): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
  });
  // A reader who went away must not roll back an import that is otherwise fine.
  const send = (line: TImportStreamLine<R>) => {
    try {
      controller?.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
    } catch {}
  };
  return new Promise((resolve) => {
    let hasStarted = false;
    const onProgress = (progress: TImportProgress) => {
      if (!hasStarted) resolve(new Response(stream, { headers: NDJSON_HEADERS }));
      hasStarted = true;
      send({ type: "progress", ...progress });
    };
    const finish = (result: ActionResult<R>) => {
      if (!hasStarted) return resolve(jsonResult(result));
      send({ type: "result", result: toJsonSafe(result) });
      try {
        controller?.close();
      } catch {}
    };
    run(onProgress).then(finish, (error: unknown) => finish(toFailure(error)));
  });
}

function tooLarge(): Response {
  const message = importLimitMessage();
  return Response.json(
    { ok: false, code: "VALIDATION", message, fieldErrors: { file: [message] } },
    { status: 413, headers: { "Cache-Control": "no-store" } },
  );
}

const failure = (code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN", message: string) =>
  jsonResult({ ok: false, code, message });

type TImportHandlers<P, R> = {
  preview: (userId: string, input: Record<string, unknown>) => Promise<ActionResult<P>>;
  commit: (
    userId: string,
    input: Record<string, unknown>,
    onProgress: (progress: TImportProgress) => void,
  ) => Promise<ActionResult<R>>;
  /** After a commit that wrote something: refresh the pages that show it. */
  onImported: (result: R) => void;
};

/**
 * POST multipart/form-data with `intent` = "preview" | "commit", `file`, and the import's own
 * fields: session → (the handler's) tenantMutation: zod, membership from the slug, permission → work.
 */
export async function handleImportPost<P, R>(request: Request, handlers: TImportHandlers<P, R>): Promise<Response> {
  if (isCrossSite(request)) return failure("FORBIDDEN", "Imports are accepted from this site only.");
  const user = await getSessionUser();
  // Refused before the upload is read: a signed-out request gets nowhere near the file.
  if (!user) return failure("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  // Refused before the body is read, with the JSON shape the wizard shows. Past this size the proxy
  // (next.config proxyClientMaxBodySize) would hand on a cut body, which no parser could read.
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_IMPORT_REQUEST_BYTES) return tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // A body sent without a length and cut at the limit lands here too: name the limit.
    return failure(
      "VALIDATION",
      `Send the file as multipart form data, at most ${MAX_IMPORT_REQUEST_BYTES / 1024 / 1024 - 1} MB.`,
    );
  }
  const input = { ...formToObject(form), file: form.get("file") ?? undefined };
  const intent = form.get("intent");
  if (intent === "preview") return jsonResult(await handlers.preview(user.id, input));
  if (intent === "commit") {
    return streamCommit(async (onProgress) => {
      const result = await handlers.commit(user.id, input, onProgress);
      if (result.ok) handlers.onImported(result.data);
      return result;
    });
  }
  return failure("VALIDATION", 'intent: must be "preview" or "commit".');
}
