import { Check, CircleAlert, CircleCheck, CircleX } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/cn";
import { RAG_LABELS, type TRag } from "@/lib/kpi";
import { monthLabel, type MonthKey } from "@/lib/period";

export type THeatCell = { month: MonthKey; status: TRag | null; reviewed: boolean; isFuture: boolean };
export type THeatRow = { departmentId: string; name: string; cells: THeatCell[] };

const RAG_STYLES: Record<TRag, { className: string; Icon: typeof CircleCheck }> = {
  GREEN: { className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300", Icon: CircleCheck },
  AMBER: { className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300", Icon: CircleAlert },
  RED: { className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300", Icon: CircleX },
};

function StatusMark({ status }: { status: TRag | null }) {
  if (!status) return <span className="text-zinc-500 dark:text-zinc-400">Not rated</span>;
  const { className, Icon } = RAG_STYLES[status];
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 font-medium ring-1", className)}>
      <Icon aria-hidden className="size-3.5" />
      {RAG_LABELS[status]}
    </span>
  );
}

/**
 * Departments × months of scorecard status, each cell a link to that department's month. Status is
 * a word and an icon, never colour alone; months after the as-of month have no status yet.
 */
export function HeatMap({ rows, months, caption, cellHref }: { rows: THeatRow[]; months: MonthKey[]; caption: string; cellHref: (departmentId: string, month: MonthKey) => string }) {
  return (
    // Positioned, so the sr-only texts (absolutely positioned) scroll with the table instead of
    // widening the page.
    <div className="relative overflow-x-auto">
      <table className="w-full text-xs" data-testid="heat-map">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="sticky left-0 bg-white px-2 py-2 text-left font-medium dark:bg-zinc-900">
              Department
            </th>
            {months.map((m) => (
              <th key={m} scope="col" className="px-1 py-2 text-center font-medium whitespace-nowrap">
                {monthLabel(m, { withYear: false })}
                <span className="sr-only"> {m.slice(0, 4)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.departmentId} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <th scope="row" className="sticky left-0 bg-white px-2 py-1.5 text-left text-sm font-medium whitespace-nowrap dark:bg-zinc-900">
                {row.name}
              </th>
              {row.cells.map((cell) => (
                <td key={cell.month} className="px-1 py-1.5 text-center whitespace-nowrap">
                  {cell.isFuture ? (
                    <>
                      <span aria-hidden className="text-zinc-400">
                        —
                      </span>
                      <span className="sr-only">not yet</span>
                    </>
                  ) : (
                    <Link href={cellHref(row.departmentId, cell.month)} className="inline-flex items-center gap-0.5 rounded-full hover:underline" prefetch={false}>
                      <span className="sr-only">
                        {row.name}, {monthLabel(cell.month)}:{" "}
                      </span>
                      <StatusMark status={cell.status} />
                      {cell.reviewed && (
                        <span title="Reviewed" className="text-zinc-600 dark:text-zinc-300">
                          <Check aria-hidden className="size-3.5" />
                          <span className="sr-only">, reviewed</span>
                        </span>
                      )}
                    </Link>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The key under the heat map: what the marks mean. */
export function HeatMapLegend() {
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span>Worst KPI of the month:</span>
      <StatusMark status="GREEN" />
      <StatusMark status="AMBER" />
      <StatusMark status="RED" />
      <span className="inline-flex items-center gap-1">
        <Check aria-hidden className="size-3.5" /> month reviewed by the department
      </span>
      <span>“Not rated”: no KPI value with a target that month; “—”: not yet.</span>
    </p>
  );
}
