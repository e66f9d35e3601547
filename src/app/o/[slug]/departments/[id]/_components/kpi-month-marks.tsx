import { CircleAlert, CircleCheck, CircleDashed, CircleX, Minus } from "lucide-react";
import { cn } from "@/lib/cn";
import type { TRag } from "@/lib/kpi";

export type TMonthMark = {
  month: string;
  initial: string;
  label: string;
  status: TRag | null;
  hasValue: boolean;
  isStarted: boolean;
};

const MARKS: Record<TRag, { className: string; Icon: typeof CircleCheck }> = {
  GREEN: { className: "text-emerald-700 dark:text-emerald-400", Icon: CircleCheck },
  AMBER: { className: "text-amber-700 dark:text-amber-400", Icon: CircleAlert },
  RED: { className: "text-red-700 dark:text-red-400", Icon: CircleX },
};

/**
 * Each month's own status beside a period's figure: one mark per month, told apart by its icon's
 * shape as well as its colour, with the month's initial under it and its status and value as text
 * for screen readers and on hover.
 */
export function KpiMonthMarks({ kpiName, marks }: { kpiName: string; marks: TMonthMark[] }) {
  if (!marks.length) return null;
  return (
    <ol
      className="mt-1 flex max-w-28 flex-wrap gap-px md:max-w-none md:flex-nowrap"
      aria-label={`${kpiName}, month by month`}
      data-testid="kpi-month-marks"
    >
      {marks.map((m) => {
        // A value without a target: a dashed circle; a started month without a value: a dash; a month to come: a faint dash.
        const { className, Icon } = m.status
          ? MARKS[m.status]
          : {
              className: m.isStarted ? "text-zinc-500 dark:text-zinc-400" : "text-zinc-300 dark:text-zinc-600",
              Icon: m.hasValue ? CircleDashed : Minus,
            };
        return (
          <li key={m.month} title={m.label} className={cn("flex w-3.5 flex-col items-center", className)}>
            <Icon aria-hidden className="size-3.5" />
            <span aria-hidden className="text-[10px] leading-3 text-zinc-500">
              {m.initial}
            </span>
            <span className="sr-only">{m.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
