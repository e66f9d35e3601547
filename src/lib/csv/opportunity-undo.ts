// What undoing a pipeline import does to each deal it wrote, decided from the batch's history rows
// and the deals as they are now. Pure, so the rules are tested without a database:
// - a deal the batch created is removed; a deal it changed gets the old values of its history row;
// - a deal changed since (by a person, the API or a later import) refuses the whole undo: the undo
//   would overwrite that change. A deal's version moves with every change of its fields (a database
//   trigger); the batch's history row keeps the version it left, and an undo's history row says
//   which earlier version the deal is back at, so imports undone newest first each still apply;
// - a created deal that now has contributions or causes refuses the undo too: removing it would
//   take them with it.

export type THistoryPair = [string | number | null, string | number | null];

/** A deal the batch wrote: its history row from the batch, and the deal as it is now. */
export type TUndoDealState = {
  id: string;
  name: string;
  externalId: string | null;
  /** The batch's history row: { created: [null, name] } or { field: [old, new] }. */
  changes: Record<string, THistoryPair>;
  /** The version the batch left the deal at (null: not recorded). */
  batchVersion: number | null;
  currentVersion: number;
  /** When the deal's latest change is an undo: the version it restored the deal to. */
  currentSameAs: number | null;
  /** When the change just before the batch's was an undo: the version that one restored. */
  previousSameAs: number | null;
  /** Contributions or causes name the deal. */
  hasLinks: boolean;
};

/** The fields an import writes, as its history rows name them. */
export const REVERTIBLE_FIELDS = [
  "name",
  "account",
  "amountMinor",
  "stageId",
  "probabilityBp",
  "forecastCategory",
  "expectedCloseDate",
  "ownerId",
  "sourceDepartmentId",
] as const;
export type TRevertibleField = (typeof REVERTIBLE_FIELDS)[number];

export type TDealRef = { id: string; name: string; externalId: string | null };
export type TRevert = TDealRef & {
  expectedVersion: number;
  /** Each changed field's value before the import (history form: money and dates as strings). */
  values: Partial<Record<TRevertibleField, string | number | null>>;
  /** The undo's history row: the batch named, and each field [now, restored]. */
  history: Record<string, THistoryPair>;
  /** The version the deal is back at, for the undo of an earlier batch. */
  restoresVersion: number;
};

export type TUndoPlan = {
  edited: TDealRef[];
  linked: TDealRef[];
  remove: (TDealRef & { expectedVersion: number })[];
  revert: TRevert[];
};

const ref = (d: TUndoDealState): TDealRef => ({ id: d.id, name: d.name, externalId: d.externalId });

/** Whether the deal is as the batch left it: the same version, or back at it through an undo. */
export function isAsBatchLeftIt(d: Pick<TUndoDealState, "batchVersion" | "currentVersion" | "currentSameAs">): boolean {
  if (d.batchVersion === null) return false;
  return d.currentVersion === d.batchVersion || d.currentSameAs === d.batchVersion;
}

export function planOpportunityUndo(fileName: string, deals: readonly TUndoDealState[]): TUndoPlan {
  const plan: TUndoPlan = { edited: [], linked: [], remove: [], revert: [] };
  for (const deal of deals) {
    if (!isAsBatchLeftIt(deal)) {
      plan.edited.push(ref(deal));
      continue;
    }
    if ("created" in deal.changes) {
      if (deal.hasLinks) plan.linked.push(ref(deal));
      else plan.remove.push({ ...ref(deal), expectedVersion: deal.currentVersion });
      continue;
    }
    const values: TRevert["values"] = {};
    const history: Record<string, THistoryPair> = { importUndone: [fileName, null] };
    for (const field of REVERTIBLE_FIELDS) {
      const pair = deal.changes[field];
      if (!pair) continue;
      values[field] = pair[0];
      history[field] = [pair[1], pair[0]];
    }
    // The batch's update moved the version by one; before it, the deal was at batchVersion - 1, or
    // at what an undo just before had restored.
    const restoresVersion = deal.previousSameAs ?? (deal.batchVersion ?? 1) - 1;
    plan.revert.push({ ...ref(deal), expectedVersion: deal.currentVersion, values, history, restoresVersion });
  }
  // Named in a message: in the order a person reads a list, by name.
  const byName = (x: TDealRef, y: TDealRef) =>
    x.name.localeCompare(y.name) || (x.externalId ?? "").localeCompare(y.externalId ?? "");
  plan.edited.sort(byName);
  plan.linked.sort(byName);
  return plan;
}

const SHOWN = 5;

/** `"Acme renewal" (CRM-12), "Beta" and 3 more`. */
export function dealList(deals: readonly TDealRef[]): string {
  const names = deals.slice(0, SHOWN).map((d) => `"${d.name}"${d.externalId ? ` (${d.externalId})` : ""}`);
  const more = deals.length - names.length;
  if (more > 0) return `${names.join(", ")} and ${more.toLocaleString("en-US")} more`;
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const dealCount = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "deal" : "deals"}`;

/** Why the undo cannot run, naming the deals, or null when it can. */
export function undoRefusalMessage(plan: Pick<TUndoPlan, "edited" | "linked">): string | null {
  const reasons: string[] = [];
  if (plan.edited.length) {
    reasons.push(
      `${dealCount(plan.edited.length)} ${plan.edited.length === 1 ? "was" : "were"} changed after this import (by hand or by a later import): ${dealList(plan.edited)}. Undoing would overwrite ${plan.edited.length === 1 ? "that change" : "those changes"}; undo the later import first, or edit ${plan.edited.length === 1 ? "the deal" : "the deals"} by hand.`,
    );
  }
  if (plan.linked.length) {
    reasons.push(
      `${dealCount(plan.linked.length)} it added now ${plan.linked.length === 1 ? "has" : "have"} contributions or causes: ${dealList(plan.linked)}. Removing ${plan.linked.length === 1 ? "it" : "them"} would take those along.`,
    );
  }
  return reasons.length ? `Nothing was undone. ${reasons.join(" ")}` : null;
}

/** "Import of crm.csv undone: 3 deals removed, 2 restored to what they were before." */
export function undoneMessage(r: { fileName: string; removed: number; reverted: number }): string {
  const parts = [
    r.removed && `${dealCount(r.removed)} removed`,
    r.reverted && `${dealCount(r.reverted)} restored to what ${r.reverted === 1 ? "it was" : "they were"} before`,
  ].filter(Boolean);
  return `Import of ${r.fileName} undone${parts.length ? `: ${parts.join(", ")}` : "; it had changed no deal"}.`;
}
