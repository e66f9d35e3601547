import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { getSessionUser } from "./auth";

export type TMutation<T> = (userId: string | null, slug: string, input: unknown) => Promise<ActionResult<T>>;

/** Input as an object (run FormData through formToObject first): zod reads fields by name. */
type TInput = Record<string, unknown>;

/**
 * The body of every organization-scoped server action: the session is read here, inside the
 * action (a server action is a public endpoint), the mutation checks tenant and permission, and a
 * success refreshes the organization's pages and carries a message for the form.
 */
export async function runTenantAction<T>(mutation: TMutation<T>, slug: string, input: TInput, message: (data: T) => string): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  const result = await mutation(user?.id ?? null, slug, input);
  if (!result.ok) return result;
  revalidatePath(`/o/${slug}`, "layout");
  return { ...result, message: message(result.data) };
}
