import "server-only";
import { getSessionUser } from "./auth";
import { parseSlug } from "./action";
import { AppError } from "./errors";
import { resolveTenant, type TMemberContext } from "./tenant";

// The wrapper of route handlers under /o/[slug] (CSV exports): the session's member of the slug's
// organization, or 404 — a signed-out visitor and a member of another organization alike learn nothing.

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/** Runs `handler` as `userId` in the organization named by `slug`, or answers 404. */
export async function withTenant(
  userId: string | null,
  slug: string,
  handler: (ctx: TMemberContext) => Promise<Response>,
): Promise<Response> {
  let validSlug: string;
  try {
    validSlug = parseSlug(slug);
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  const ctx = userId ? await resolveTenant(userId, validSlug) : null;
  return ctx ? handler(ctx) : notFound();
}

/** A GET route handler of an organization's page: `handler` gets the member's context. */
export function tenantRoute<P extends { slug: string }>(
  handler: (ctx: TMemberContext, request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const resolved = await params;
    const user = await getSessionUser();
    return withTenant(user?.id ?? null, resolved.slug, (ctx) => handler(ctx, request, resolved));
  };
}
