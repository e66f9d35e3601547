"use server";

import { formToObject } from "@/server/action";
import { undoImportBatch } from "@/server/revenue/import-undo";
import { runTenantAction } from "@/server/run-action";

export async function undoImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return runTenantAction(undoImportBatch, slug, formToObject(formData), ({ fileName, rowCount }) =>
    `Import of ${fileName} undone: ${rowCount.toLocaleString("en-US")} row${rowCount === 1 ? "" : "s"} removed.`,
  );
}
