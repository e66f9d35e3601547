"use client";

import { Lock, LockOpen } from "lucide-react";
import { startTransition, useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { closeMonthAction, reopenMonthAction, setMonthlyTargetsAction } from "../actions";

/** `version`: the target's version token as loaded (src/server/concurrency.ts cellToken). */
export type TGridRow = { month: string; label: string; target: string; version: string; actual: string; closedNote: string | null };

function CloseButton({ slug, row, canClose, canReopen, onResult }: { slug: string; row: TGridRow; canClose: boolean; canReopen: boolean; onResult: (r: ActionResult<unknown>) => void }) {
  const [isPending, startTransition] = useTransition();
  const isClosed = row.closedNote !== null;
  if (isClosed ? !canReopen : !canClose) return null;
  const act = () => startTransition(async () => onResult(await (isClosed ? reopenMonthAction : closeMonthAction)(slug, row.month)));
  return (
    <Button type="button" variant="secondary" onClick={act} disabled={isPending} aria-label={`${isClosed ? "Reopen" : "Close"} ${row.label}`}>
      {isClosed ? "Reopen" : "Close"}
    </Button>
  );
}

/** The fiscal year's months: target (editable until the month is closed), actual, close status. */
export function TargetsGrid({ slug, fiscalYear, rows, currency, canEdit, canClose, canReopen }: { slug: string; fiscalYear: number; rows: TGridRow[]; currency: string; canEdit: boolean; canClose: boolean; canReopen: boolean }) {
  const [state, dispatch, isPending] = useActionState(setMonthlyTargetsAction.bind(null, slug, fiscalYear), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [closeResult, setCloseResult] = useState<ActionResult<unknown> | null>(null);
  // Controlled inputs that follow the server's values when they change (after a save or a spread).
  const signature = rows.map((r) => r.target).join("|");
  const [values, setValues] = useState(() => Object.fromEntries(rows.map((r) => [r.month, r.target])));
  // Keyed on the values themselves: `rows` is a new array on every render.
  useEffect(() => setValues(Object.fromEntries(rows.map((r) => [r.month, r.target]))), [signature]);
  // Only the months the user changed are sent, each with the version it was loaded with: a month
  // someone else saved meanwhile is refused (and named), and no untouched month is written back.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData();
    for (const row of rows) {
      const value = values[row.month] ?? "";
      if (value.trim() === row.target || row.closedNote !== null) continue;
      formData.set(`target:${row.month}`, value);
      formData.set(`version:${row.month}`, row.version);
    }
    startTransition(() => dispatch(formData));
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Targets FY${fiscalYear}`}>
      <div className="space-y-2">
        <FormMessage state={state} />
        <FormMessage state={closeResult} />
      </div>
      {/* relative: the sr-only header label is absolutely positioned and must scroll with the table, not widen the page. */}
      <div className="relative mt-2 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium">Month</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">Target ({currency})</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">Actual</th>
              <th scope="col" className="px-2 py-2 text-left font-medium">Period</th>
              <th scope="col" className="px-2 py-2"><span className="sr-only">Close or reopen</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const error = errors?.[`targets.${row.month}`]?.[0];
              const isClosed = row.closedNote !== null;
              return (
                <tr key={row.month} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">{row.label}</th>
                  <td className="px-2 py-1.5 text-right">
                    <input
                      name={`target:${row.month}`}
                      aria-label={`Target ${row.label}`}
                      value={values[row.month] ?? ""}
                      onChange={(e) => setValues((v) => ({ ...v, [row.month]: e.target.value }))}
                      inputMode="decimal"
                      disabled={!canEdit || isClosed}
                      aria-invalid={error ? true : undefined}
                      className="w-36 rounded-md border border-zinc-300 bg-white px-2 py-1 text-right tabular-nums disabled:bg-zinc-100 disabled:text-zinc-500 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:disabled:bg-zinc-900"
                    />
                    {error && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
                  </td>
                  <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{row.actual}</td>
                  <td className="px-2 py-1.5 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    {isClosed ? (
                      <span className="inline-flex items-center gap-1"><Lock aria-hidden className="size-3.5" /> {row.closedNote}</span>
                    ) : (
                      <span className="inline-flex items-center gap-1"><LockOpen aria-hidden className="size-3.5" /> Open</span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-right">
                    <CloseButton slug={slug} row={row} canClose={canClose} canReopen={canReopen} onResult={setCloseResult} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save targets"}</Button>
          <p className="text-xs text-zinc-500">Leave a month empty to remove its target. Closed months cannot change.</p>
        </div>
      )}
    </form>
  );
}
