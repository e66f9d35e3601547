import { CheckCheck, Lock } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";

export type TStripMonth = {
  month: string;
  label: string;
  status: TRag | null;
  isStarted: boolean;
  isInPeriod: boolean;
  isReviewed: boolean;
  isClosed: boolean;
};

/** The fiscal year month by month: status, whether the head signed it off, whether it is closed. */
export function MonthStrip({ title, months }: { title: string; months: TStripMonth[] }) {
  return (
    <Card title="Month by month" description={`${title}. Highlighted: the months of the period shown.`}>
      <ol className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6 xl:grid-cols-12" aria-label={title}>
        {months.map((m) => (
          <li
            key={m.month}
            data-testid={`month-${m.month}`}
            className={cn(
              "flex min-w-0 flex-col items-start gap-1 rounded-md border px-1.5 py-1.5",
              m.isInPeriod
                ? "border-accent-500/60 bg-accent-50 dark:border-accent-400/50 dark:bg-zinc-950"
                : "border-zinc-200 dark:border-zinc-800",
            )}
          >
            <span className="text-xs font-medium">{m.label}</span>
            {m.isStarted ? (
              <RagBadge rag={m.status} empty="No data" size="sm" />
            ) : (
              <span className="text-xs text-zinc-500">Not started</span>
            )}
            <span className="flex min-h-4 flex-wrap gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
              {m.isReviewed && (
                <span className="inline-flex items-center gap-0.5">
                  <CheckCheck aria-hidden className="size-3.5" /> Reviewed
                </span>
              )}
              {m.isClosed && (
                <span className="inline-flex items-center gap-0.5">
                  <Lock aria-hidden className="size-3" /> Closed
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
