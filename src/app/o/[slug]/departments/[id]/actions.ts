"use server";

import { monthLabel, type MonthKey } from "@/lib/period";
import type { ActionResult } from "@/lib/action-result";
import { formToObject } from "@/server/action";
import { runTenantAction as run } from "@/server/run-action";
import { createCommitment, reopenCommitment, resolveCommitment } from "@/server/accountability/commitments";
import {
  logContribution,
  reviewContribution,
  reviseContribution,
  withdrawContribution,
} from "@/server/accountability/contributions";
import { archiveKpi, createKpi, restoreKpi, setKpiValues, updateKpi } from "@/server/accountability/kpis";
import { markMonthReviewed, saveNarrative } from "@/server/accountability/narratives";
import { disputeCause, settleCause } from "@/server/pipeline/causes";

// The scorecard's server actions. Each re-reads the session and goes through the mutation's own
// tenant and permission checks (runTenantAction): the bound department id is only a hint of which
// department the form is about, never trusted on its own.

export async function setKpiValuesAction(slug: string, departmentId: string, _prev: unknown, formData: FormData) {
  const f = formToObject(formData);
  const values: Record<string, string> = {};
  const versions: Record<string, string> = {};
  for (const [key, value] of Object.entries(f)) {
    if (key.startsWith("value:")) values[key.slice(6)] = value;
    if (key.startsWith("version:")) versions[key.slice(8)] = value;
  }
  // The form sends only the values the user changed, each with the version it was loaded with.
  return run(setKpiValues, slug, { departmentId, month: f.month, values, versions }, (d) =>
    d.changed
      ? `Saved ${d.changed} value${d.changed > 1 ? "s" : ""} for ${monthLabel(f.month as MonthKey)}.`
      : "No value changed.",
  );
}

export async function createKpiAction(slug: string, departmentId: string, _prev: unknown, formData: FormData) {
  return run(createKpi, slug, { ...formToObject(formData), departmentId }, () => "KPI added.");
}

export async function updateKpiAction(slug: string, _prev: unknown, formData: FormData) {
  return run(updateKpi, slug, formToObject(formData), (d) =>
    d.restamped
      ? `KPI saved; ${d.restamped} open month${d.restamped > 1 ? "s" : ""} re-rated against the new target.`
      : "KPI saved.",
  );
}

export async function archiveKpiAction(slug: string, kpiId: string) {
  return run(archiveKpi, slug, { kpiId }, () => "KPI archived.");
}

export async function restoreKpiAction(slug: string, kpiId: string) {
  return run(restoreKpi, slug, { kpiId }, () => "KPI restored.");
}

export async function logContributionAction(slug: string, departmentId: string, _prev: unknown, formData: FormData) {
  return run(
    logContribution,
    slug,
    { ...formToObject(formData), departmentId },
    () => "Contribution logged. It counts once finance confirms it.",
  );
}

export async function reviseContributionAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    reviseContribution,
    slug,
    formToObject(formData),
    () => "Contribution revised; it is back with finance to review.",
  );
}

export async function withdrawContributionAction(slug: string, contributionId: string) {
  return run(withdrawContribution, slug, { contributionId }, () => "Contribution withdrawn.");
}

export async function reviewContributionAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    reviewContribution,
    slug,
    formToObject(formData),
    (d) => `Contribution ${d.status === "CONFIRMED" ? "confirmed" : "disputed"}.`,
  );
}

export async function createCommitmentAction(slug: string, departmentId: string, _prev: unknown, formData: FormData) {
  return run(createCommitment, slug, { ...formToObject(formData), departmentId }, () => "Commitment added.");
}

export async function resolveCommitmentAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    resolveCommitment,
    slug,
    formToObject(formData),
    (d) => `Commitment marked ${d.status === "DONE" ? "done" : "missed"}.`,
  );
}

export async function reopenCommitmentAction(slug: string, commitmentId: string) {
  return run(reopenCommitment, slug, { commitmentId }, () => "Commitment reopened.");
}

/**
 * The narrative form's two buttons. "Save" stores the text. "Mark reviewed" first stores the text
 * if it changed since the page loaded (so nobody has to press two buttons in turn), then signs the
 * month off; a red month without both texts comes back with the fields' errors.
 */
export async function narrativeAction(
  slug: string,
  departmentId: string,
  month: string,
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const f = formToObject(formData);
  const text = { departmentId, month, why: f.why ?? "", whatNext: f.whatNext ?? "", version: f.version };
  const isChanged =
    text.why.trim() !== (f.savedWhy ?? "").trim() || text.whatNext.trim() !== (f.savedWhatNext ?? "").trim();
  if (f.intent !== "review")
    return run(saveNarrative, slug, text, () => `Narrative for ${monthLabel(month as MonthKey)} saved.`);
  if (isChanged) {
    const saved = await run(saveNarrative, slug, text, () => "");
    if (!saved.ok) return saved;
  }
  const reviewed = await run(
    markMonthReviewed,
    slug,
    { departmentId, month },
    (d) => `${isChanged ? "Narrative saved. " : ""}${monthLabel(d.month)} marked reviewed.`,
  );
  if (!reviewed.ok && isChanged)
    return { ...reviewed, message: `Narrative saved, but the month is not reviewed: ${reviewed.message}` };
  return reviewed;
}

export async function disputeCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    disputeCause,
    slug,
    formToObject(formData),
    () => "Disputed. Finance or the owner settles it; until then it still counts.",
  );
}

export async function settleCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(settleCause, slug, formToObject(formData), (d) =>
    d.status === "UPHELD"
      ? "Attribution upheld; it keeps counting against the department."
      : "Attribution overturned; the deal no longer counts against the department.",
  );
}
