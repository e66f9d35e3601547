"use client";

import { countOf, PreviewCard, type TPreviewStepProps } from "@/components/import/preview-card";
import { DATE_FORMAT_LABELS } from "@/lib/csv/date";
import { monthSpanLabel, PREVIEW_ROWS_SHOWN, type TKpiImportSummary } from "@/lib/csv/kpi-summary";
import type { TKpiImportPreview } from "@/lib/csv/kpi-wire";
import type { TJsonSafe } from "@/lib/csv/wire";
import { formatKpiValue } from "@/lib/kpi";
import { monthLabel, type MonthKey } from "@/lib/period";

type TProps = TPreviewStepProps<TKpiImportPreview> & { currency: string };

const HEADINGS = [
  ["Line", ""],
  ["KPI", ""],
  ["Month", ""],
  ["Value", "text-right"],
  ["Now", "text-right"],
  ["Status", ""],
] as const;

/** A row by its key (KPI, month): new, a different value than stored, or the value stored now (not written again). */
const status = (row: { valueScaled: string; currentScaled: string | null }) =>
  row.currentScaled === null ? "new" : row.currentScaled === row.valueScaled ? "unchanged" : "changed";

function ValuesTable({ summary, currency }: { summary: TJsonSafe<TKpiImportSummary>; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Values to import</caption>
        <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
          <tr>
            {HEADINGS.map(([label, align]) => (
              <th key={label} scope="col" className={`py-1.5 pr-3 font-medium last:pr-0 ${align}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {summary.rows.map((row) => (
            <tr key={row.line}>
              <td className="py-1.5 pr-3 text-zinc-500">{row.line}</td>
              <th scope="row" className="min-w-32 py-1.5 pr-3 text-left font-normal">
                {row.kpiName}
              </th>
              <td className="py-1.5 pr-3 whitespace-nowrap">{monthLabel(row.month as MonthKey)}</td>
              <td className="py-1.5 pr-3 text-right font-medium whitespace-nowrap">
                {formatKpiValue(BigInt(row.valueScaled), row.unit, currency)}
              </td>
              <td className="py-1.5 text-right whitespace-nowrap text-zinc-500">
                {row.currentScaled === null ? (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">no value yet</span>
                  </>
                ) : (
                  formatKpiValue(BigInt(row.currentScaled), row.unit, currency)
                )}
              </td>
              <td
                className={`py-1.5 pl-3 whitespace-nowrap ${status(row) === "unchanged" ? "text-zinc-500" : "font-medium"}`}
              >
                {status(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 values for Mar 2026: 1 new, 1 replacing a different value, 1 the same as now." */
function changeSummary(summary: TJsonSafe<TKpiImportSummary>): string {
  if (!summary.months.length) return "";
  const parts = [
    summary.newCount && `${summary.newCount.toLocaleString("en-US")} new`,
    summary.changedCount && `${summary.changedCount.toLocaleString("en-US")} replacing a different value`,
    summary.unchangedCount && `${summary.unchangedCount.toLocaleString("en-US")} the same as now (not written again)`,
  ].filter(Boolean);
  return `${countOf(summary.acceptedCount, "value")} for ${monthSpanLabel(summary.months)}: ${parts.join(", ")}.`;
}

/** Step 3 of the KPI import: every value as read, next to the value it replaces. */
export function KpiPreviewStep(props: TProps) {
  const { preview, currency } = props;
  const { summary } = preview;
  const dates =
    preview.monthFormat === "ISO"
      ? ""
      : ` Dates read as ${DATE_FORMAT_LABELS[preview.monthFormat]}${preview.isMonthFormatDetected ? ", detected" : ""}.`;
  return (
    <PreviewCard description={`${preview.fileName}: ${countOf(summary.dataRowCount, "row")}.${dates}`} {...props}>
      <p className="text-sm" data-testid="kpi-import-counts">
        {changeSummary(summary)}
      </p>
      <ValuesTable summary={summary} currency={currency} />
      {summary.rows.length < summary.acceptedCount && (
        <p className="text-xs text-zinc-500">
          Showing the first {PREVIEW_ROWS_SHOWN.toLocaleString("en-US")} of{" "}
          {summary.acceptedCount.toLocaleString("en-US")} values; all of them are imported.
        </p>
      )}
    </PreviewCard>
  );
}
