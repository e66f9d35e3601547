import { PipelineRow } from "./pipeline-row";
import type { TEditOptions, TRowView } from "./types";

const HEADERS: { label: string; isNumber?: boolean }[] = [
  { label: "Deal" },
  { label: "Account" },
  { label: "Amount", isNumber: true },
  { label: "Stage" },
  { label: "Probability (%)", isNumber: true },
  { label: "Forecast category" },
  { label: "Expected close" },
  { label: "Owner" },
  { label: "Source department" },
];

/** The table view: only the table scrolls sideways on a narrow screen, never the page. */
export function PipelineTable({ slug, rows, canEdit, options }: { slug: string; rows: TRowView[]; canEdit: boolean; options: TEditOptions }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm">
        <caption className="sr-only">Deals{canEdit ? ", editable in place: each change saves as you leave the field" : ""}</caption>
        <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            {HEADERS.map((h) => (
              <th key={h.label} scope="col" className={`whitespace-nowrap px-2 py-2 font-medium ${h.isNumber ? "text-right" : ""}`}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <PipelineRow key={row.id} slug={slug} row={row} canEdit={canEdit} options={options} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
