import type { TRag } from "./kpi";
import { isMonthCompleted, isRedMonthOwed, monthOfDay } from "./inbox/rules";
import type { MonthKey } from "./period";

export type TNarrativeState = { month: MonthKey; status: TRag | null; why: string; whatNext: string };

/**
 * The month whose narrative a scorecard opens by default among the period's months (`today` is the
 * organization's local day, "YYYY-MM-DD"): the latest red completed month that still owes its
 * narrative (the rule My work uses), else the latest completed month. The month in progress opens
 * only when there is something to read or to answer (a narrative, or a red status); empty, it stays
 * folded. Months to come never open. Null when nothing should open.
 */
export function monthToOpen(months: TNarrativeState[], today: string): MonthKey | null {
  const latest = (list: TNarrativeState[]) =>
    list
      .map((m) => m.month)
      .sort()
      .at(-1) ?? null;
  const owed = latest(months.filter((m) => isRedMonthOwed(m, today)));
  if (owed) return owed;
  const completed = latest(months.filter((m) => isMonthCompleted(m.month, today)));
  if (completed) return completed;
  const current = months.find((m) => m.month === monthOfDay(today));
  return current && (current.status === "RED" || current.why.trim() !== "" || current.whatNext.trim() !== "")
    ? current.month
    : null;
}
