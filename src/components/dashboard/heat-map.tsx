import { ScrollRegion } from "@/components/ui/scroll-region";
import { Check, CircleAlert, CircleCheck, CircleX } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/cn";
import { RAG_LABELS, type TRag } from "@/lib/kpi";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";

/** A department's month: its status, and its revenue impact as the bridge counts it (null for none), claims beside. */
export type THeatCell = {
  month: MonthKey;
  status: TRag | null;
  reviewed: boolean;
  isFuture: boolean;
  impactMinor?: bigint | null;
  claimedMinor?: bigint | null;
};
export type THeatRow = { departmentId: string; name: string; cells: THeatCell[] };

const RAG_STYLES: Record<TRag, { className: string; Icon: typeof CircleCheck }> = {
  GREEN: {
    className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
    Icon: CircleCheck,
  },
  AMBER: {
    className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
    Icon: CircleAlert,
  },
  RED: { className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300", Icon: CircleX },
};

function StatusMark({ status }: { status: TRag | null }) {
  if (!status) return <span className="text-zinc-500 dark:text-zinc-400">Not rated</span>;
  const { className, Icon } = RAG_STYLES[status];
  return (
    <span className={cn("inline-flex items-center gap-0.5 rounded-full px-1 py-0.5 font-medium ring-1", className)}>
      <Icon aria-hidden className="size-3.5" />
      {RAG_LABELS[status]}
    </span>
  );
}

/**
 * Departments × months of scorecard status, each cell a link to that department's month. Status is
 * a word and an icon, never colour alone; months after the as-of month have no status yet. Under the
 * status, the department's revenue impact that month (as the bridge counts it; "*" when more is
 * claimed and awaiting finance), so "red on KPIs but no revenue impact" reads at a glance.
 */
export function HeatMap({
  rows,
  months,
  caption,
  cellHref,
  currency,
  locale = "en-US",
}: {
  rows: THeatRow[];
  months: MonthKey[];
  caption: string;
  cellHref: (departmentId: string, month: MonthKey) => string;
  currency?: string;
  locale?: string;
}) {
  const impact = (minor: bigint) =>
    currency ? formatMoney(minor, currency, { locale, compact: true, signDisplay: "exceptZero" }) : "";
  return (
    // Positioned, so the sr-only texts (absolutely positioned) scroll with the table instead of
    // widening the page.
    <ScrollRegion label="Status heat map" className="relative overflow-x-auto">
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
              <th
                scope="row"
                className="sticky left-0 bg-white px-2 py-1.5 text-left text-sm font-medium whitespace-nowrap dark:bg-zinc-900"
              >
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
                    <Link
                      href={cellHref(row.departmentId, cell.month)}
                      className="inline-flex flex-col items-center rounded-md hover:underline"
                      prefetch={false}
                    >
                      <span className="inline-flex items-center gap-0.5">
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
                      </span>
                      {currency && (cell.impactMinor || cell.claimedMinor) ? (
                        <span
                          className="mt-0.5 text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400"
                          data-testid="heat-impact"
                          title={
                            cell.claimedMinor
                              ? `${impact(cell.claimedMinor)} more claimed, awaiting finance`
                              : undefined
                          }
                        >
                          <span className="sr-only">, revenue impact </span>
                          {cell.impactMinor ? impact(cell.impactMinor) : "±0"}
                          {cell.claimedMinor ? (
                            <>
                              <span aria-hidden>*</span>
                              <span className="sr-only">
                                {" "}
                                and {impact(cell.claimedMinor)} claimed, awaiting finance
                              </span>
                            </>
                          ) : null}
                        </span>
                      ) : null}
                    </Link>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
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
      <span>
        Under the status: the month&apos;s revenue impact as the bridge counts it; * more is claimed, awaiting finance
        (hover for the amount).
      </span>
      <span>“Not rated”: no KPI value with a target that month; “—”: not yet.</span>
    </p>
  );
}
