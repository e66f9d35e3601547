"use server";

import { undoneMessage } from "@/lib/csv/opportunity-undo";
import { formToObject } from "@/server/action";
import { undoOpportunityImportBatch } from "@/server/pipeline/import-undo";
import { runTenantAction } from "@/server/run-action";

export async function undoOpportunityImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return runTenantAction(undoOpportunityImportBatch, slug, formToObject(formData), undoneMessage);
}
