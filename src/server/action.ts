import "server-only";
import { z } from "zod";
import { can, type Permission } from "@/lib/permissions";
import { AppError, toFailure, type ActionResult, type FieldErrors } from "./errors";
import { resolveTenant, type TTenantContext } from "./tenant";

/** An organization's URL slug as slugify writes it; anything else (an object, a filter) names no organization. */
const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

/** The slug argument of an action, or NOT_FOUND: a forged value must never reach a query as a filter. */
export function parseSlug(slug: unknown): string {
  const parsed = ZSlug.safeParse(slug);
  if (!parsed.success) throw new AppError("NOT_FOUND", "That organization was not found.");
  return parsed.data;
}

type TPermissionCheck<I> = Permission | ((ctx: TTenantContext, input: I) => boolean);

/**
 * The one path every organization-scoped mutation takes: validate the input, resolve the tenant
 * from the slug and the user's membership, check the permission, then run. Server actions are
 * public endpoints, so this runs inside each of them; routes pass the session's user id.
 * The returned function takes the user id explicitly so integration tests exercise the same
 * path with real users instead of a mocked session.
 */
export function tenantMutation<S extends z.ZodType, R>(definition: {
  schema: S;
  permission: TPermissionCheck<z.output<S>>;
  run: (ctx: TTenantContext, input: z.output<S>) => Promise<R>;
}) {
  return async (userId: string | null, rawSlug: string, rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      const slug = parseSlug(rawSlug);
      const parsed = definition.schema.safeParse(rawInput);
      if (!parsed.success) throw validationError(parsed.error);
      if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const ctx = await resolveTenant(userId, slug);
      if (!ctx) throw new AppError("NOT_FOUND", "That organization was not found.");
      const { permission } = definition;
      const isAllowed = typeof permission === "function" ? permission(ctx, parsed.data) : can(ctx, permission);
      if (!isAllowed) throw new AppError("FORBIDDEN", "Your role does not allow this change.");
      return { ok: true, data: await definition.run(ctx, parsed.data) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message;
  return new AppError("VALIDATION", first ? `Please correct the highlighted fields: ${first}` : "Please correct the highlighted fields.", fieldErrors);
}

/** FormData to a plain object for zod (repeated keys keep the last value). */
export function formToObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") out[key] = value;
  return out;
}
