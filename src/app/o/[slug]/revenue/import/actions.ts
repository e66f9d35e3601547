"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { formToObject } from "@/server/action";
import { getSessionUser } from "@/server/auth";
import { undoImportBatch } from "@/server/revenue/import-undo";

// A server action re-reads the session itself: it is a public endpoint.
export async function undoImportBatchAction(slug: string, _prev: unknown, formData: FormData): Promise<ActionResult<{ batchId: string; fileName: string; rowCount: number }>> {
  const user = await getSessionUser();
  const result = await undoImportBatch(user?.id ?? null, slug, formToObject(formData));
  if (!result.ok) return result;
  revalidatePath(`/o/${slug}`, "layout");
  const { fileName, rowCount } = result.data;
  return { ...result, message: `Import of ${fileName} undone: ${rowCount.toLocaleString("en-US")} row${rowCount === 1 ? "" : "s"} removed.` };
}
