import "server-only";
import { z } from "zod";
import { can, canInSomeDepartment, type Permission } from "@/lib/permissions";
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

/**
 * Who may run a mutation, declared beside it (so a mutation cannot be written without one):
 * - a permission the role (or token scope) must hold for the whole organization;
 * - `{ permission, department }`: a department-bound permission for the department the input names;
 * - `{ permission, departmentOf }`: for the department of the record the input names, read first.
 *   A record that is not found (null) leaves the role gate; the mutation then answers not-found.
 */
export type TPermissionDeclaration<I> =
  | Permission
  | { permission: Permission; department: (input: I) => string }
  | { permission: Permission; departmentOf: (ctx: TTenantContext, input: I) => Promise<string | null> };

async function isAllowed<I>(declaration: TPermissionDeclaration<I>, ctx: TTenantContext, input: I): Promise<boolean> {
  if (typeof declaration === "string") return can(ctx, declaration);
  if ("department" in declaration) return can(ctx, declaration.permission, declaration.department(input));
  // The role gate first: a viewer learns nothing about which records exist.
  if (!canInSomeDepartment(ctx, declaration.permission)) return false;
  const departmentId = await declaration.departmentOf(ctx, input);
  return departmentId === null || can(ctx, declaration.permission, departmentId);
}

export type TTenantMutation<I, R> = {
  /** A member acting through the app: the slug and the user's membership make the context. */
  (userId: string | null, rawSlug: string, rawInput: unknown): Promise<ActionResult<R>>;
  /** An entry point that has built its context already (an API token, a job). */
  inContext(ctx: TTenantContext, rawInput: unknown): Promise<ActionResult<R>>;
  schema: z.ZodType<I>;
};

/**
 * The one path every organization-scoped mutation takes: validate the input, resolve the tenant
 * (from the slug and the user's membership, or the caller's context), check the declared
 * permission, then run. Server actions are public endpoints, so this runs inside each of them.
 * The member form takes the user id explicitly so integration tests exercise the same path with
 * real users instead of a mocked session.
 */
export function tenantMutation<S extends z.ZodType, R>(definition: {
  schema: S;
  permission: TPermissionDeclaration<z.output<S>>;
  run: (ctx: TTenantContext, input: z.output<S>) => Promise<R>;
}): TTenantMutation<z.output<S>, R> {
  const execute = async (ctx: TTenantContext, input: z.output<S>): Promise<R> => {
    if (!(await isAllowed(definition.permission, ctx, input)))
      throw new AppError("FORBIDDEN", "Your role does not allow this change.");
    return definition.run(ctx, input);
  };
  const parse = (rawInput: unknown): z.output<S> => {
    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  };
  const asMember = async (userId: string | null, rawSlug: string, rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      const slug = parseSlug(rawSlug);
      const input = parse(rawInput);
      if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const ctx = await resolveTenant(userId, slug);
      if (!ctx) throw new AppError("NOT_FOUND", "That organization was not found.");
      return { ok: true, data: await execute(ctx, input) };
    } catch (error) {
      return toFailure(error);
    }
  };
  const inContext = async (ctx: TTenantContext, rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      return { ok: true, data: await execute(ctx, parse(rawInput)) };
    } catch (error) {
      return toFailure(error);
    }
  };
  return Object.assign(asMember, { inContext, schema: definition.schema as unknown as z.ZodType<z.output<S>> });
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = error.issues[0]?.message;
  return new AppError(
    "VALIDATION",
    first ? `Please correct the highlighted fields: ${first}` : "Please correct the highlighted fields.",
    fieldErrors,
  );
}

/** FormData to a plain object for zod (repeated keys keep the last value). */
export function formToObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") out[key] = value;
  return out;
}
