import type { ReactNode } from "react";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { archiveKpiAction, updateKpiAction } from "../actions";
import { KpiRowMenu } from "./kpi-row-menu";
import { KpiDefinitionForm, type TKpiDefinition } from "./kpi-definition-form";
import { KpiMonthMarks, type TMonthMark } from "./kpi-month-marks";
import { KpiSparkline, type TSparkPoint } from "./kpi-sparkline";

export type TKpiRow = {
  id: string;
  name: string;
  unit: string;
  direction: string;
  /** How the months combine over the period: "Sum", "Average", "Last month". */
  aggregation: string;
  target: string;
  /** The monthly target, when the target shown covers several months. */
  targetNote: string | null;
  actual: string;
  /** How the period's actual came from its months ("average of 12 months"), when it covers several. */
  actualNote: string | null;
  rag: TRag | null;
  /** The period's months, each with its own status; empty for a single month. */
  monthMarks: TMonthMark[];
  spark: TSparkPoint[];
  sparkLabel: string;
  reported: string;
  definition: TKpiDefinition;
};

const th = "px-1.5 py-2 font-medium whitespace-nowrap md:px-2";
const td = "px-1.5 py-1.5 align-top whitespace-nowrap md:px-2";
// On a phone the name, the actual and the status fit; target, trend and reporting wait for a wider screen.
const wide = "hidden md:table-cell";

function Row({ row, menu }: { row: TKpiRow; menu: ReactNode }) {
  return (
    <tr className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
      <th scope="row" className="px-1.5 py-1.5 text-left align-top font-medium md:min-w-40 md:px-2">
        <div className="flex flex-wrap items-start justify-between gap-1">
          <span className="min-w-0 break-words">
            {row.name}
            {/* The definition rides under the name, so the figures and a year of month marks fit beside it. */}
            <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400" data-testid="kpi-definition">
              {row.unit} · {row.direction} · {row.aggregation}
            </span>
          </span>
          {menu}
        </div>
      </th>
      <td className={`${td} ${wide} text-right`}>
        {row.target}
        {row.targetNote && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.targetNote}</span>}
      </td>
      {/* On a phone the notes under the actual wrap, so a long "average of 11 months" never pushes the status off screen. */}
      <td className="px-1.5 py-1.5 text-right align-top md:px-2 md:whitespace-nowrap">
        <span className="font-medium whitespace-nowrap">{row.actual}</span>
        {row.actualNote && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.actualNote}</span>}
        <span className="block text-xs text-zinc-600 md:hidden dark:text-zinc-400">target {row.target}</span>
      </td>
      <td className="px-1.5 py-1.5 align-top md:px-2">
        <RagBadge rag={row.rag} empty="Not rated" size="sm" />
        <KpiMonthMarks kpiName={row.name} marks={row.monthMarks} />
      </td>
      <td className={`${td} ${wide}`}>
        <KpiSparkline points={row.spark} label={row.sparkLabel} />
      </td>
      <td className={`${td} ${wide} text-zinc-600 dark:text-zinc-400`}>{row.reported}</td>
    </tr>
  );
}

/** The department's KPIs for the period; an owner edits or archives each from the menu on its row. */
export function KpiTable({
  slug,
  rows,
  caption,
  currency,
  canDefine,
}: {
  slug: string;
  rows: TKpiRow[];
  caption: string;
  currency: string;
  canDefine: boolean;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm" data-testid="kpi-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              KPI <span className="hidden font-normal md:inline">(unit · direction · over months)</span>
            </th>
            <th scope="col" className={`${th} ${wide} text-right`}>
              Target
            </th>
            <th scope="col" className={`${th} text-right`}>
              Actual
            </th>
            <th scope="col" className={`${th} text-left`}>
              RAG<span className="hidden md:inline"> · each month</span>
            </th>
            <th scope="col" className={`${th} ${wide} text-left`}>
              Trend, fiscal year
            </th>
            <th scope="col" className={`${th} ${wide} text-left`}>
              Reported
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row
              key={row.id}
              row={row}
              menu={
                canDefine ? (
                  <KpiRowMenu
                    kpiName={row.name}
                    archive={archiveKpiAction.bind(null, slug, row.id)}
                    editForm={
                      <KpiDefinitionForm
                        action={updateKpiAction.bind(null, slug)}
                        kpi={row.definition}
                        currency={currency}
                        submitLabel="Save KPI"
                      />
                    }
                  />
                ) : null
              }
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
