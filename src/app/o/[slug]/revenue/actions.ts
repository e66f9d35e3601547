"use server";

import { monthLabel } from "@/lib/period";
import { formToObject } from "@/server/action";
import { runTenantAction as run } from "@/server/run-action";
import { addRevenueEntry, deleteRevenueEntry } from "@/server/revenue/entries";
import { closeMonth, reopenMonth } from "@/server/month-close/close";
import { setMonthlyTargets, spreadAnnualTarget } from "@/server/revenue/targets";

const monthsChanged = (d: { changedMonths: string[] }) =>
  d.changedMonths.length
    ? `Saved targets for ${d.changedMonths.length} month${d.changedMonths.length > 1 ? "s" : ""}.`
    : "No target changed.";

export async function setMonthlyTargetsAction(slug: string, fiscalYear: number, _prev: unknown, formData: FormData) {
  const targets: Record<string, string> = {};
  const versions: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("target:")) targets[key.slice(7)] = value;
    if (key.startsWith("version:")) versions[key.slice(8)] = value;
  }
  // The grid sends only the months the user changed, each with the version it was loaded with.
  return run(setMonthlyTargets, slug, { fiscalYear, targets, versions }, monthsChanged);
}

export async function spreadAnnualTargetAction(slug: string, fiscalYear: number, _prev: unknown, formData: FormData) {
  const f = formToObject(formData);
  const percentages = Array.from({ length: 12 }, (_, i) => f[`percentage:${i}`] ?? "");
  return run(
    spreadAnnualTarget,
    slug,
    {
      fiscalYear,
      annual: f.annual,
      distribution: f.distribution,
      remainderMonth: f.remainderMonth,
      percentages: f.distribution === "percentages" ? percentages : undefined,
    },
    (d) => `Spread ${d.annual} over the year. ${monthsChanged(d)}`,
  );
}

export async function addRevenueEntryAction(slug: string, _prev: unknown, formData: FormData) {
  return run(addRevenueEntry, slug, formToObject(formData), () => "Revenue entry added.");
}

export async function deleteRevenueEntryAction(slug: string, entryId: string) {
  return run(deleteRevenueEntry, slug, { entryId }, () => "Entry deleted.");
}

export async function closeMonthAction(slug: string, month: string, confirmOpenItems = false) {
  return run(
    closeMonth,
    slug,
    { month, confirmOpenItems },
    (d) =>
      `${monthLabel(d.month)} closed${d.closedOver ? ` over ${d.closedOver} open item${d.closedOver > 1 ? "s" : ""}` : ""}.`,
  );
}

export async function reopenMonthAction(slug: string, month: string) {
  return run(reopenMonth, slug, { month }, (d) => `${monthLabel(d.month)} reopened.`);
}
