import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { archiveKpiAction, updateKpiAction } from "../actions";
import { ActionButton } from "./action-button";
import { ExpandableRow } from "./expandable-row";
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

const th = "px-2 py-2 font-medium whitespace-nowrap";
const td = "px-2 py-1.5 align-top whitespace-nowrap";

function Cells({ row }: { row: TKpiRow }) {
  return (
    <>
      <th scope="row" className="min-w-40 px-2 py-1.5 text-left align-top font-medium">
        {row.name}
        {/* The definition rides under the name, so the figures and a year of month marks fit beside it. */}
        <span className="block text-xs font-normal text-zinc-500" data-testid="kpi-definition">{row.unit} · {row.direction} · {row.aggregation}</span>
      </th>
      <td className={`${td} text-right`}>
        {row.target}
        {row.targetNote && <span className="block text-xs text-zinc-500">{row.targetNote}</span>}
      </td>
      <td className={`${td} text-right`}>
        <span className="font-medium">{row.actual}</span>
        {row.actualNote && <span className="block text-xs text-zinc-500">{row.actualNote}</span>}
      </td>
      <td className={td}>
        <RagBadge rag={row.rag} empty="Not rated" size="sm" />
        <KpiMonthMarks kpiName={row.name} marks={row.monthMarks} />
      </td>
      <td className={td}><KpiSparkline points={row.spark} label={row.sparkLabel} /></td>
      <td className={`${td} text-zinc-600 dark:text-zinc-400`}>{row.reported}</td>
    </>
  );
}

/** The department's KPIs for the period; an owner edits or archives each from its row. */
export function KpiTable({ slug, rows, caption, currency, canDefine }: { slug: string; rows: TKpiRow[]; caption: string; currency: string; canDefine: boolean }) {
  const columns = canDefine ? 7 : 6;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm" data-testid="kpi-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className={`${th} text-left`}>KPI <span className="font-normal">(unit · direction · over months)</span></th>
            <th scope="col" className={`${th} text-right`}>Target</th>
            <th scope="col" className={`${th} text-right`}>Actual</th>
            <th scope="col" className={`${th} text-left`}>RAG · each month</th>
            <th scope="col" className={`${th} text-left`}>Trend, fiscal year</th>
            <th scope="col" className={`${th} text-left`}>Reported</th>
            {canDefine && <th scope="col" className={th}><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            canDefine ? (
              <ExpandableRow
                key={row.id}
                cells={<Cells row={row} />}
                actions={<ActionButton scope="kpis" action={archiveKpiAction.bind(null, slug, row.id)} label="Archive" confirm="Confirm archive" ariaLabel={`Archive KPI ${row.name}`} variant="danger" />}
                toggleLabel="Edit"
                toggleAriaLabel={`Edit KPI ${row.name}`}
                colSpan={columns}
                expansion={<div className="max-w-2xl"><KpiDefinitionForm action={updateKpiAction.bind(null, slug)} kpi={row.definition} currency={currency} submitLabel="Save KPI" /></div>}
              />
            ) : (
              <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"><Cells row={row} /></tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
