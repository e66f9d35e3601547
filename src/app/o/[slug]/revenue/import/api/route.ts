import { revalidatePath } from "next/cache";
import { formToObject } from "@/server/action";
import { getSessionUser } from "@/server/auth";
import { commitRevenueImport, previewRevenueImport } from "@/server/revenue/import";
import { isCrossSite, jsonResult, streamCommit } from "./respond";

// The CSV import endpoint. A route handler rather than a server action because a real export is
// larger than a server action's 1 MB body limit. It runs the same mutations as everything else:
// session → tenantMutation (zod, membership from the slug, permission) → work.
//
// POST multipart/form-data: intent = "preview" | "commit", file, dateColumn, amountColumn,
// referenceColumn, customerColumn, dateFormat, decimalSeparator, skipBadRows.

const failure = (code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN", message: string) => jsonResult({ ok: false, code, message });

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  if (isCrossSite(request)) return failure("FORBIDDEN", "Imports are accepted from this site only.");
  const user = await getSessionUser();
  // Refused before the upload is read: a signed-out request gets nowhere near the file.
  if (!user) return failure("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure("VALIDATION", "Send the file as multipart form data.");
  }
  const input = { ...formToObject(form), file: form.get("file") ?? undefined };
  const intent = form.get("intent");
  if (intent === "preview") return jsonResult(await previewRevenueImport(user.id, slug, input));
  if (intent === "commit") {
    return streamCommit(async (onProgress) => {
      const result = await commitRevenueImport(user.id, slug, input, onProgress);
      if (result.ok && result.data.outcome === "imported") revalidatePath(`/o/${slug}`, "layout");
      return result;
    });
  }
  return failure("VALIDATION", 'intent: must be "preview" or "commit".');
}
