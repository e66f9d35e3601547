import { CheckCheck } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { narrativeAction } from "../actions";
import { NarrativeForm } from "./narrative-form";
import { NarrativeMonth } from "./narrative-month";

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
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {item.status === "RED"
          ? "No narrative yet. The head explains a red month before marking it reviewed."
          : "No narrative for this month."}
      </p>
    );
  }
  return (
    <dl className="grid gap-3 text-sm md:grid-cols-2">
      <div>
        <dt className="text-xs font-medium text-zinc-500">Why</dt>
        <dd className="mt-0.5 whitespace-pre-line">{item.why || "—"}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-zinc-500">What next</dt>
        <dd className="mt-0.5 whitespace-pre-line">{item.whatNext || "—"}</dd>
      </div>
    </dl>
  );
}

function Summary({ item }: { item: TNarrativeMonth }) {
  return (
    <>
      <h3 className="text-sm font-semibold">{item.label}</h3>
      <RagBadge rag={item.status} empty="No KPI values" size="sm" />
      {item.reviewed ? (
        <span className="inline-flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          <CheckCheck aria-hidden className="size-3.5" /> Reviewed {item.reviewed}
        </span>
      ) : (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Not reviewed yet</span>
      )}
      {item.updated && (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Narrative updated {item.updated}</span>
      )}
    </>
  );
}

type TProps = {
  slug: string;
  departmentId: string;
  periodLabel: string;
  months: TNarrativeMonth[];
  openMonth: string | null;
  canWrite: boolean;
};

/**
 * The period's narratives, read first: the month that needs attention (`openMonth`) shown in full,
 * the other months that have started folded beneath it. The head writes each in a dialog.
 */
export function NarrativesSection({ slug, departmentId, periodLabel, months, openMonth, canWrite }: TProps) {
  const month = (item: TNarrativeMonth, folded: boolean) => (
    <NarrativeMonth
      key={item.month}
      month={item.month}
      label={item.label}
      folded={folded}
      summary={<Summary item={item} />}
      body={<ReadOnly item={item} />}
      writeLabel={item.why || item.whatNext ? "Edit the narrative" : "Write the narrative"}
      form={
        canWrite ? (
          <NarrativeForm
            action={narrativeAction.bind(null, slug, departmentId, item.month)}
            monthLabel={item.label}
            why={item.why}
            whatNext={item.whatNext}
            version={item.version}
            isReviewed={item.reviewed !== null}
            status={item.status}
          />
        ) : null
      }
    />
  );
  const featured = months.find((m) => m.month === openMonth) ?? null;
  const others = months.filter((m) => m !== featured);
  return (
    <Card
      id="narratives"
      title="Narratives"
      description={`${periodLabel}. Why the month went as it did and what happens next; a red month needs both before it is marked reviewed.`}
    >
      {months.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No month of {periodLabel} has started yet.</p>
      ) : (
        <div className="space-y-4">
          {featured && month(featured, false)}
          {others.length > 0 &&
            (featured ? (
              <details className="group/others">
                <summary className="cursor-pointer text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
                  Other months of {periodLabel} ({others.length})
                </summary>
                <ul className="mt-3 space-y-2">{others.map((m) => month(m, true))}</ul>
              </details>
            ) : (
              <ul className="space-y-2">{others.map((m) => month(m, true))}</ul>
            ))}
        </div>
      )}
    </Card>
  );
}
