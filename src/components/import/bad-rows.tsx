"use client";

import type { ReactNode } from "react";
import type { TBadRowsSummary } from "@/lib/csv/summary";

/** `reasons`: optional, the bad rows grouped by reason (with their own hints), shown before the list. */
type TProps = {
  summary: TBadRowsSummary;
  skipBadRows: boolean;
  onSkipChange: (skip: boolean) => void;
  isSkippable: boolean;
  reasons?: ReactNode;
};

/** Every bad row by line and reason, and the explicit choice to skip them. */
export function BadRows({ summary, skipBadRows, onSkipChange, isSkippable, reasons }: TProps) {
  const { badRowCount, badRows } = summary;
  const rows = badRowCount === 1 ? "1 row" : `${badRowCount.toLocaleString("en-US")} rows`;
  return (
    <section aria-labelledby="bad-rows-title" className="rounded-md border border-red-200 p-3 dark:border-red-900">
      <h3 id="bad-rows-title" className="text-sm font-semibold text-red-800 dark:text-red-300">
        <span aria-hidden="true">⚠ </span>
        {rows} cannot be imported
      </h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Fix them in the file and choose it again, or skip them: skipped lines are recorded with the import.
      </p>
      {reasons}
      <div className="mt-2 max-h-64 overflow-y-auto">
        <table className="w-full text-sm tabular-nums" data-testid="bad-rows">
          <caption className="sr-only">Rows that cannot be imported</caption>
          <thead className="text-left text-zinc-500">
            <tr>
              <th scope="col" className="w-20 py-1 font-medium">
                Line
              </th>
              <th scope="col" className="py-1 font-medium">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {badRows.map((row) => (
              <tr key={row.line}>
                <td className="py-1">{row.line}</td>
                <td className="py-1 wrap-anywhere">{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {badRows.length < badRowCount && (
        <p className="mt-1 text-xs text-zinc-500">
          Showing the first {badRows.length.toLocaleString("en-US")}.
          {reasons ? "" : " So many bad rows usually mean a wrongly mapped column or the wrong date format."}
        </p>
      )}
      {isSkippable && (
        <label className="mt-3 flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={skipBadRows}
            onChange={(e) => onSkipChange(e.target.checked)}
            className="size-4"
          />
          {badRowCount === 1 ? "Skip this row and import the rest" : `Skip these ${rows} and import the rest`}
        </label>
      )}
    </section>
  );
}
