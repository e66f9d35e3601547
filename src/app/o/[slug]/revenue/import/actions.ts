"use server";

import { undoKpiImportBatch } from "@/server/accountability/kpi-import-undo";
import { formToObject } from "@/server/action";
import { undoImportBatch } from "@/server/revenue/import-undo";
import { runTenantAction } from "@/server/run-action";
import { plural } from "@/lib/format";

export async function undoImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return runTenantAction(
    undoImportBatch,
    slug,
    formToObject(formData),
    ({ fileName, rowCount }) => `Import of ${fileName} undone: ${plural(rowCount, "row")} removed.`,
  );
}

export async function undoKpiImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return runTenantAction(
    undoKpiImportBatch,
    slug,
    formToObject(formData),
    ({ fileName, removed, restored }) =>
      `Import of ${fileName} undone: ${plural(removed, "value")} removed${restored ? `, ${plural(restored, "value")} restored to what they were before` : ""}.`,
  );
}
