"use server";

import { undoKpiImportBatch } from "@/server/accountability/kpi-import-undo";
import { formToObject } from "@/server/action";
import { undoImportBatch } from "@/server/revenue/import-undo";
import { runTenantAction } from "@/server/run-action";

export async function undoImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  return runTenantAction(undoImportBatch, slug, formToObject(formData), ({ fileName, rowCount }) =>
    `Import of ${fileName} undone: ${rowCount.toLocaleString("en-US")} row${rowCount === 1 ? "" : "s"} removed.`,
  );
}

export async function undoKpiImportBatchAction(slug: string, _prev: unknown, formData: FormData) {
  const plural = (n: number) => `${n.toLocaleString("en-US")} value${n === 1 ? "" : "s"}`;
  return runTenantAction(undoKpiImportBatch, slug, formToObject(formData), ({ fileName, removed, restored }) =>
    `Import of ${fileName} undone: ${plural(removed)} removed${restored ? `, ${plural(restored)} restored to what they were before` : ""}.`,
  );
}
