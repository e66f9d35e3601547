import { CheckCheck, ChevronRight } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { narrativeAction } from "../actions";
import { NarrativeForm } from "./narrative-form";

export type TNarrativeMonth = {
  month: string;
  label: string;
  status: TRag | null;
  why: string;
  whatNext: string;
  /** The narrative's version token as loaded ("" when the month has none yet). */
  version: string;
  updated: string | null;
  reviewed: string | null;
};

function ReadOnly({ item }: { item: TNarrativeMonth }) {
  if (!item.why && !item.whatNext) {
    return <p className="text-sm text-zinc-500">{item.status === "RED" ? "No narrative yet. The head explains a red month before marking it reviewed." : "No narrative for this month."}</p>;
  }
  return (
    <dl className="grid gap-3 text-sm md:grid-cols-2">
      <div><dt className="text-xs font-medium text-zinc-500">Why</dt><dd className="mt-0.5 whitespace-pre-line">{item.why || "—"}</dd></div>
      <div><dt className="text-xs font-medium text-zinc-500">What next</dt><dd className="mt-0.5 whitespace-pre-line">{item.whatNext || "—"}</dd></div>
    </dl>
  );
}

/** Per month of the period (latest first): the head's narrative and the month's review. */
export function NarrativesSection({ slug, departmentId, periodLabel, months, canWrite }: { slug: string; departmentId: string; periodLabel: string; months: TNarrativeMonth[]; canWrite: boolean }) {
  return (
    <Card title="Narratives" description={`${periodLabel}, months that have started. Why the month went as it did and what happens next; required before a red month is marked reviewed.`}>
      {months.length === 0 ? (
        <p className="text-sm text-zinc-500">No month of {periodLabel} has started yet.</p>
      ) : (
        <ul className="space-y-4">
          {months.map((item, i) => (
            // The latest month and red months start open; the rest fold away. (Not keyed on the review: a
            // month must not fold shut under the head the moment they mark it reviewed.)
            <li key={item.month} id={`narrative-${item.month}`} aria-label={`Narrative ${item.label}`} data-testid={`narrative-${item.month}`} className="scroll-mt-4 rounded-md border border-zinc-200 dark:border-zinc-800">
              <details open={i === 0 || item.status === "RED"} className="group">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                  <ChevronRight aria-hidden className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
                  <h3 className="text-sm font-semibold">{item.label}</h3>
                  <RagBadge rag={item.status} empty="No KPI values" size="sm" />
                  {item.reviewed ? (
                    <span className="inline-flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400"><CheckCheck aria-hidden className="size-3.5" /> Reviewed {item.reviewed}</span>
                  ) : (
                    <span className="text-xs text-zinc-500">Not reviewed yet</span>
                  )}
                  {item.updated && <span className="text-xs text-zinc-500">Narrative updated {item.updated}</span>}
                </summary>
                <div className="px-4 pb-4">
                  {canWrite ? (
                    <NarrativeForm action={narrativeAction.bind(null, slug, departmentId, item.month)} monthLabel={item.label} why={item.why} whatNext={item.whatNext} version={item.version} isReviewed={item.reviewed !== null} status={item.status} />
                  ) : (
                    <ReadOnly item={item} />
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
