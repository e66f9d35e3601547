"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DATE_FORMAT_LABELS } from "@/lib/csv/date";
import { alreadyImportedMessage, type TImportPreview, type TJsonSafe } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";
import { BadRows } from "./bad-rows";

type TProps = {
  preview: TJsonSafe<TImportPreview>;
  currency: string;
  timeZone: string;
  skipBadRows: boolean;
  onSkipChange: (skip: boolean) => void;
  onCommit: () => void;
  onBack: () => void;
};

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

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

/** Step 3: what a commit would write, and the rows it cannot. */
export function PreviewStep({ preview, currency, timeZone, skipBadRows, onSkipChange, onCommit, onBack }: TProps) {
  const { summary, alreadyImported } = preview;
  const hasBadRows = summary.badRowCount > 0;
  const canCommit = !alreadyImported && summary.acceptedCount > 0 && (!hasBadRows || skipBadRows);
  return (
    <Card title="3. Check and import" description={`${preview.fileName}: ${count(summary.dataRowCount, "row")}. Dates read as ${DATE_FORMAT_LABELS[preview.dateFormat]}${preview.isDateFormatDetected ? ", detected" : ""}.`}>
      <div className="space-y-4">
        {alreadyImported && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {alreadyImportedMessage(alreadyImported, timeZone)}
          </p>
        )}
        {summary.acceptedCount > 0 ? <MonthTable preview={preview} currency={currency} /> : <p className="text-sm">No row of this file can be imported.</p>}
        {summary.roundedCount > 0 && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {count(summary.roundedCount, "amount")} had more decimals than {currency} and {summary.roundedCount === 1 ? "was" : "were"} rounded half away from zero, row by row.
          </p>
        )}
        {hasBadRows && <BadRows summary={summary} skipBadRows={skipBadRows} onSkipChange={onSkipChange} isSkippable={!alreadyImported && summary.acceptedCount > 0} />}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={onCommit} disabled={!canCommit}>
            {`Import ${count(summary.acceptedCount, "row")}`}
          </Button>
          <Button type="button" variant="secondary" onClick={onBack}>
            Change the mapping
          </Button>
        </div>
      </div>
    </Card>
  );
}
