"use client";

import { useEffect } from "react";
import { countOf, PreviewCard, type TPreviewStepProps } from "@/components/import/preview-card";
import { DATE_FORMAT_LABELS } from "@/lib/csv/date";
import type { TDuplicateBatch, TImportPreview, TJsonSafe } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";

/** What the user decided about rows the organization already has, sent with the commit. */
export type TDuplicateChoice = { duplicates: "skip" | "import"; replaceBatchId: string | null };
/** An earlier batch a corrected file may replace (none of its months closed). */
export type TReplaceableBatch = { id: string; fileName: string; createdAt: string; rowCount: number };

type TProps = TPreviewStepProps<TImportPreview> & {
  currency: string;
  choice: TDuplicateChoice;
  onChoiceChange: (choice: TDuplicateChoice) => void;
  replaceable: TReplaceableBatch[];
};

const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));

function batchLabel(batch: TJsonSafe<TDuplicateBatch>, timeZone: string): string {
  if (batch.batchId === null) return `${countOf(batch.rowCount, "row")} entered by hand or through the API`;
  return `${countOf(batch.rowCount, "row")} in batch ${batch.batchId} (${batch.fileName}, ${when(batch.importedAt ?? "", timeZone)}${batch.importedBy ? ` by ${batch.importedBy}` : ""})`;
}

function MonthTable({ preview, currency }: { preview: TJsonSafe<TImportPreview>; currency: string }) {
  const { summary, duplicates } = preview;
  const already = new Map(duplicates.months.map((m) => [m.month, m.rowCount]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Rows to import per month</caption>
        <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="py-1.5 font-medium">
              Month
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Rows
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Already imported
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {summary.months.map((m) => (
            <tr key={m.month}>
              <th scope="row" className="py-1.5 text-left font-normal">
                {monthLabel(m.month as MonthKey)}
              </th>
              <td className="py-1.5 text-right">{m.rowCount.toLocaleString("en-US")}</td>
              <td className="py-1.5 pl-2 text-right">{(already.get(m.month) ?? 0).toLocaleString("en-US")}</td>
              <td className="py-1.5 pl-2 text-right">{formatMoney(BigInt(m.totalMinor), currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-zinc-300 font-semibold dark:border-zinc-700">
          <tr>
            <th scope="row" className="py-1.5 text-left">
              Total
            </th>
            <td className="py-1.5 text-right">{summary.acceptedCount.toLocaleString("en-US")}</td>
            <td className="py-1.5 pl-2 text-right" data-testid="import-duplicate-count">
              {duplicates.count.toLocaleString("en-US")}
            </td>
            <td className="py-1.5 pl-2 text-right whitespace-nowrap" data-testid="import-total">
              {formatMoney(BigInt(summary.totalMinor), currency)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function DuplicateRows({ preview, currency }: { preview: TJsonSafe<TImportPreview>; currency: string }) {
  const { duplicates } = preview;
  const files = new Map(duplicates.batches.map((b) => [b.batchId, b]));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium">
        {duplicates.count > duplicates.rows.length
          ? `The first ${countOf(duplicates.rows.length, "row")} already imported`
          : `The ${countOf(duplicates.count, "row")} already imported`}
      </summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="w-full tabular-nums">
          <thead className="text-left text-zinc-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Line
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Date
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Amount
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Reference
              </th>
              <th scope="col" className="py-1 font-medium">
                Already imported
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {duplicates.rows.map((r) => {
              const batch = files.get(r.batchId);
              return (
                <tr key={r.line}>
                  <td className="py-1 pr-3">{r.line}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{r.date}</td>
                  <td className="py-1 pr-3 text-right whitespace-nowrap">
                    {formatMoney(BigInt(r.amountMinor), currency)}
                  </td>
                  <td className="py-1 pr-3 break-all">{r.reference ?? "—"}</td>
                  <td className="py-1 whitespace-nowrap">
                    {r.batchId === null
                      ? "entered by hand"
                      : `batch ${r.batchId}, ${batch?.fileName ?? ""}, ${batch?.importedAt?.slice(0, 10) ?? ""}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Choices({
  preview,
  choice,
  onChoiceChange,
  replaceable,
  timeZone,
}: Pick<TProps, "preview" | "choice" | "onChoiceChange" | "replaceable" | "timeZone">) {
  const { duplicates } = preview;
  const sources = duplicates.batches.flatMap((b) => (b.batchId ? [b.batchId] : []));
  // The batches the duplicates come from first, then the other recent ones.
  const options = [...replaceable].sort((a, b) => Number(sources.includes(b.id)) - Number(sources.includes(a.id)));
  const replaceId = choice.replaceBatchId ?? options[0]?.id ?? null;
  const radio = "mt-0.5 h-4 w-4 shrink-0 accent-accent-600";
  if (!duplicates.count && !options.length) return null;
  return (
    <fieldset className="min-w-0 space-y-2 text-sm">
      <legend className="mb-1 font-medium">What to do</legend>
      {duplicates.count > 0 && (
        <>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="duplicates"
              className={radio}
              checked={choice.duplicates === "skip" && !choice.replaceBatchId}
              onChange={() => onChoiceChange({ duplicates: "skip", replaceBatchId: null })}
            />
            <span>Skip the {countOf(duplicates.count, "row")} already imported (recommended)</span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="duplicates"
              className={radio}
              checked={choice.duplicates === "import" && !choice.replaceBatchId}
              onChange={() => onChoiceChange({ duplicates: "import", replaceBatchId: null })}
            />
            <span>
              Import them anyway: they are different orders that happen to look the same, and will count again
            </span>
          </label>
        </>
      )}
      {options.length > 0 && (
        <div className="flex min-w-0 flex-wrap items-start gap-2">
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="duplicates"
              className={radio}
              checked={choice.replaceBatchId !== null}
              onChange={() => onChoiceChange({ duplicates: "skip", replaceBatchId: replaceId })}
            />
            <span>This is a corrected file: replace the batch</span>
          </label>
          <select
            aria-label="Batch to replace"
            className="w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm sm:w-auto sm:max-w-full dark:border-zinc-700 dark:bg-zinc-900"
            value={replaceId ?? ""}
            onChange={(e) => onChoiceChange({ duplicates: "skip", replaceBatchId: e.target.value })}
          >
            {options.map((b) => (
              <option key={b.id} value={b.id}>
                {b.fileName} · {when(b.createdAt, timeZone)} · {countOf(b.rowCount, "row")}
              </option>
            ))}
          </select>
        </div>
      )}
      {choice.replaceBatchId && (
        <p className="text-zinc-600 dark:text-zinc-400">
          The batch and its entries are removed and this file&apos;s rows are written in the same step, all or nothing.
          Rows already in other batches are still skipped.
        </p>
      )}
    </fieldset>
  );
}

function commitLabel(preview: TJsonSafe<TImportPreview>, choice: TDuplicateChoice): string {
  const { summary, duplicates } = preview;
  if (choice.replaceBatchId) return "Replace the batch with this file";
  if (choice.duplicates === "import" || duplicates.count === 0)
    return `Import ${countOf(summary.acceptedCount, "row")}`;
  return `Import ${countOf(summary.acceptedCount - duplicates.count, "new row")}`;
}

/** Step 3 of the revenue import: rows and amounts per month, the rows already imported, and the amounts that were rounded. */
export function PreviewStep(props: TProps) {
  const { preview, currency, choice, onChoiceChange, timeZone } = props;
  const { summary, duplicates } = preview;
  const newCount = summary.acceptedCount - duplicates.count;
  // A new check starts from the safe choice: skip what is already there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `preview` is the trigger (each new check), not a value the effect reads.
  useEffect(() => onChoiceChange({ duplicates: "skip", replaceBatchId: null }), [preview, onChoiceChange]);
  return (
    <PreviewCard
      description={`${preview.fileName}: ${countOf(summary.dataRowCount, "row")}. Dates read as ${DATE_FORMAT_LABELS[preview.dateFormat]}${preview.isDateFormatDetected ? ", detected" : ""}.`}
      commitLabel={commitLabel(preview, choice)}
      {...props}
    >
      {duplicates.count > 0 && (
        <div
          role="status"
          className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium" data-testid="import-duplicates-summary">
            {countOf(newCount, "new row")}, {duplicates.count.toLocaleString("en-US")} already imported.
          </p>
          <ul className="list-disc pl-5 break-words">
            {duplicates.batches.map((b) => (
              <li key={b.batchId ?? "manual"}>{batchLabel(b, timeZone)}</li>
            ))}
          </ul>
        </div>
      )}
      <MonthTable preview={preview} currency={currency} />
      {duplicates.count > 0 && <DuplicateRows preview={preview} currency={currency} />}
      <Choices
        preview={preview}
        choice={choice}
        onChoiceChange={onChoiceChange}
        replaceable={props.replaceable}
        timeZone={timeZone}
      />
      {summary.roundedCount > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {countOf(summary.roundedCount, "amount")} had more decimals than {currency} and{" "}
          {summary.roundedCount === 1 ? "was" : "were"} rounded half away from zero, row by row.
        </p>
      )}
    </PreviewCard>
  );
}
