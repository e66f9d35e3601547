import "server-only";
import type { ActionResult, ErrorCode } from "@/lib/action-result";
import { toJsonSafe, type TCommitResult, type TImportProgress, type TImportStreamLine } from "@/lib/csv/wire";
import { toFailure } from "@/server/errors";

// HTTP shapes of the import route: a JSON ActionResult with a status that matches its code, or, for
// a commit that got past validation and the tenant check, NDJSON progress lines and one result line.

const STATUS: Record<ErrorCode, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL: 500 };

export function jsonResult<T>(result: ActionResult<T>): Response {
  return Response.json(toJsonSafe(result), { status: result.ok ? 200 : STATUS[result.code], headers: { "Cache-Control": "no-store" } });
}

/**
 * Browsers send Origin with every POST: a form on another site must not import into this
 * organization with the user's cookies. Requests without Origin carry no ambient browser session.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const NDJSON_HEADERS = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  // no-transform keeps compression from buffering the lines; proxies are asked not to buffer either.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
};

type TCommitRun = (onProgress: (progress: TImportProgress) => void) => Promise<ActionResult<TCommitResult>>;

/**
 * Runs the commit. Until it reports its first progress (after validation, the tenant and the
 * permission), a refusal is answered as plain JSON with its status; from then on the response
 * streams one line per progress report and ends with the result.
 */
export function streamCommit(run: TCommitRun): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  // A reader who went away must not roll back an import that is otherwise fine.
  const send = (line: TImportStreamLine) => {
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
    const finish = (result: ActionResult<TCommitResult>) => {
      if (!hasStarted) return resolve(jsonResult(result));
      send({ type: "result", result: toJsonSafe(result) });
      try {
        controller?.close();
      } catch {}
    };
    run(onProgress).then(finish, (error: unknown) => finish(toFailure(error)));
  });
}
