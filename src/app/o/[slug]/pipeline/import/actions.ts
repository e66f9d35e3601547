"use server";

import type { ActionResult } from "@/lib/action-result";
import { undoneMessage } from "@/lib/csv/opportunity-undo";
import { formToObject } from "@/server/action";
import { undoOpportunityImportBatch } from "@/server/pipeline/import-undo";
import { createStage } from "@/server/pipeline/settings";
import { runTenantAction as run } from "@/server/run-action";

// "Create a stage" from the import's stage mapping: the settings' own mutation (validated, tenant-
// checked, owner-only "pipeline.configure", audited); the page's stages refresh with its answer.

export async function createImportStageAction(
  slug: string,
  input: { name: string; probability: string; outcome: string },
): Promise<ActionResult<{ stageId: string }>> {
  return run(
    createStage,
    slug,
    { name: input.name, probability: input.probability, outcome: input.outcome },
    () => "Stage added.",
  );
}

export async function undoOpportunityImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return run(undoOpportunityImportBatch, slug, formToObject(formData), undoneMessage);
}
