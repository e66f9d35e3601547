"use client";

import { countOf, PreviewCard, type TPreviewStepProps } from "@/components/import/preview-card";
import { DATE_FORMAT_LABELS } from "@/lib/csv/date";
import type { TImportPreview, TJsonSafe } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";

type TProps = TPreviewStepProps<TImportPreview> & { currency: string };

function MonthTable({ preview, currency }: { preview: TJsonSafe<TImportPreview>; currency: string }) {
  const { summary } = preview;
  return (
    <table className="w-full text-sm tabular-nums">
      <caption className="sr-only">Rows to import per month</caption>
      <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
        <tr>
          <th scope="col" className="py-1.5 font-medium">Month</th>
          <th scope="col" className="py-1.5 text-right font-medium">Rows</th>
          <th scope="col" className="py-1.5 text-right font-medium">Amount</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {summary.months.map((m) => (
          <tr key={m.month}>
            <th scope="row" className="py-1.5 text-left font-normal">{monthLabel(m.month as MonthKey)}</th>
            <td className="py-1.5 text-right">{m.rowCount.toLocaleString("en-US")}</td>
            <td className="py-1.5 text-right">{formatMoney(BigInt(m.totalMinor), currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-zinc-300 font-semibold dark:border-zinc-700">
        <tr>
          <th scope="row" className="py-1.5 text-left">Total</th>
          <td className="py-1.5 text-right">{summary.acceptedCount.toLocaleString("en-US")}</td>
          <td className="py-1.5 text-right" data-testid="import-total">{formatMoney(BigInt(summary.totalMinor), currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Step 3 of the revenue import: rows and amounts per month, and the amounts that were rounded. */
export function PreviewStep(props: TProps) {
  const { preview, currency } = props;
  const { summary } = preview;
  return (
    <PreviewCard
      description={`${preview.fileName}: ${countOf(summary.dataRowCount, "row")}. Dates read as ${DATE_FORMAT_LABELS[preview.dateFormat]}${preview.isDateFormatDetected ? ", detected" : ""}.`}
      {...props}
    >
      <MonthTable preview={preview} currency={currency} />
      {summary.roundedCount > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {countOf(summary.roundedCount, "amount")} had more decimals than {currency} and {summary.roundedCount === 1 ? "was" : "were"} rounded half away from zero, row by row.
        </p>
      )}
    </PreviewCard>
  );
}
