import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { getSessionUser } from "./auth";
import { parseSlug } from "./action";
import { toFailure } from "./errors";

export type TMutation<T> = (userId: string | null, slug: string, input: unknown) => Promise<ActionResult<T>>;

/** Input as an object (run FormData through formToObject first): zod reads fields by name. */
type TInput = Record<string, unknown>;

/**
 * The body of every organization-scoped server action: the session is read here, inside the
 * action (a server action is a public endpoint), the mutation checks tenant and permission, and a
 * success refreshes the organization's pages and carries a message for the form. Everything runs
 * inside the error mapping, so a database outage during the session read answers in the form
 * (UNAVAILABLE, the user's input kept) instead of replacing the page. The slug is an argument a
 * caller can forge (any serializable value): it is checked to be a slug before anything uses it.
 */
export async function runTenantAction<T>(
  mutation: TMutation<T>,
  slug: unknown,
  input: TInput,
  message: (data: T) => string,
): Promise<ActionResult<T>> {
  try {
    const validSlug = parseSlug(slug);
    const user = await getSessionUser();
    const result = await mutation(user?.id ?? null, validSlug, input);
    if (!result.ok) return result;
    revalidatePath(`/o/${validSlug}`, "layout");
    return { ...result, message: message(result.data) };
  } catch (error) {
    unstable_rethrow(error);
    return toFailure(error);
  }
}
