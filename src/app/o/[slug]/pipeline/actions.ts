"use server";

import type { ActionResult } from "@/lib/action-result";
import { formToObject } from "@/server/action";
import { createOpportunity, updateOpportunity } from "@/server/pipeline/opportunities";
import { takeSnapshot } from "@/server/pipeline/snapshots";
import { runTenantAction as run } from "@/server/run-action";

// The pipeline page's server actions. Each re-reads the session; the mutations check the tenant
// and the "pipeline.write" permission themselves.

export async function createOpportunityAction(slug: string, _prev: unknown, formData: FormData) {
  return run(createOpportunity, slug, formToObject(formData), () => "Deal added.");
}

/**
 * An inline edit: the deal's id and the one changed field (plus a cause and a responsible
 * department when the server asked for them).
 */
export async function updateOpportunityAction(
  slug: string,
  input: Record<string, string | number>,
): Promise<ActionResult<{ changed: number; version: number }>> {
  const result = await run(updateOpportunity, slug, input, (d) => (d.changed ? "Saved." : "No change."));
  return result.ok
    ? { ok: true, data: { changed: result.data.changed, version: result.data.version }, message: result.message }
    : result;
}

export async function takeSnapshotAction(slug: string) {
  return run(takeSnapshot, slug, {}, (d) => `Snapshot taken of ${d.deals} deal${d.deals === 1 ? "" : "s"}.`);
}
