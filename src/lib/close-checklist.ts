import type { MonthKey } from "./period";
import { plural } from "./format";

// The month-close checklist's rules, free of the database: what an open item says, which items
// block a close, and whether a close may go ahead.

export type TCloseItemKind = "claims" | "disputedClaims" | "disputedCauses" | "redWithoutWhy" | "missingKpiValues";

export type TCloseItem = {
  kind: TCloseItemKind;
  /** A blocking item must be done before the month can close; the others can be closed over. */
  blocking: boolean;
  departmentId: string;
  department: string;
  count: number;
  /** Where the item is done. */
  href: string;
  /** The month's label, e.g. "Nov 2026". */
  label: string;
};

/** One plain sentence per item. */
export function closeItemText(item: TCloseItem): string {
  const { count, department } = item;
  switch (item.kind) {
    case "claims":
      return `${department}: ${plural(count, "claim")} awaiting finance's review`;
    case "disputedClaims":
      return `${department}: ${plural(count, "disputed claim")} the head has not revised`;
    case "disputedCauses":
      return `${department}: ${plural(count, "disputed deal cause")} not settled`;
    case "redWithoutWhy":
      return `${department}: red in ${item.label} with no "why"`;
    case "missingKpiValues":
      return `${department}: ${plural(count, "KPI")} without a value for ${item.label}`;
  }
}

export function closeChecklistSummary(items: TCloseItem[]) {
  return { blockingCount: items.filter((i) => i.blocking).length, openCount: items.filter((i) => !i.blocking).length };
}

export type TCloseDecision = { ok: true } | { ok: false; reason: "inProgress" | "blocked" | "unconfirmed" };

/**
 * Whether `month` may be closed on a day of `todayMonth`: only once it has ended, never while a
 * blocking item is open, and over other open items only when the closer confirmed them.
 */
export function closeDecision(
  month: MonthKey,
  todayMonth: MonthKey,
  items: TCloseItem[],
  confirmedOpenItems: boolean,
): TCloseDecision {
  if (month >= todayMonth) return { ok: false, reason: "inProgress" };
  const { blockingCount, openCount } = closeChecklistSummary(items);
  if (blockingCount > 0) return { ok: false, reason: "blocked" };
  if (openCount > 0 && !confirmedOpenItems) return { ok: false, reason: "unconfirmed" };
  return { ok: true };
}
