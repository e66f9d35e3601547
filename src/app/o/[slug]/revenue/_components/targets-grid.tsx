"use client";

import { ScrollRegion } from "@/components/ui/scroll-region";
import { Lock, LockOpen, MoreHorizontal } from "lucide-react";
import Link from "next/link";
import { startTransition, useActionState, useState, useTransition, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { groupThousands, minorToDecimalString as minorToDecimal, parseMoneyInput } from "@/lib/money";
import { reopenMonthAction, setMonthlyTargetsAction } from "../actions";

/**
 * `target`: the amount with thousands separators ("1,008,000.00"), as the input shows it. `version`:
 * the target's version token as loaded (src/server/concurrency.ts cellToken). `isOver`: the month has
 * ended, so it may be closed.
 */
export type TGridRow = {
  month: string;
  label: string;
  target: string;
  version: string;
  actual: string;
  closedNote: string | null;
  isOver: boolean;
};

/**
 * A month that has ended and is open: a link to its close page (the checklist). A closed month:
 * Reopen, in a small menu so it is not pressed by accident. The month in progress: nothing.
 */
function PeriodAction({
  slug,
  row,
  canClose,
  canReopen,
  onResult,
}: {
  slug: string;
  row: TGridRow;
  canClose: boolean;
  canReopen: boolean;
  onResult: (r: ActionResult<unknown>) => void;
}) {
  const [isPending, startTransition] = useTransition();
  if (row.closedNote === null) {
    if (!canClose || !row.isOver) return null;
    return (
      <Link
        href={`/o/${slug}/revenue/close/${row.month}`}
        className={buttonClass("secondary")}
        aria-label={`Close ${row.label}`}
      >
        Close…
      </Link>
    );
  }
  if (!canReopen) return null;
  const reopen = () => startTransition(async () => onResult(await reopenMonthAction(slug, row.month)));
  return (
    <details className="relative inline-block text-left">
      <summary
        className="cursor-pointer list-none rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
        aria-label={`More for ${row.label}`}
      >
        <MoreHorizontal aria-hidden className="size-4" />
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-40 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <button
          type="button"
          onClick={reopen}
          disabled={isPending}
          className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Reopen {row.label}
        </button>
      </div>
    </details>
  );
}

/** The fiscal year's months: target (editable until the month is closed), actual, close status. */
export function TargetsGrid({
  slug,
  fiscalYear,
  rows,
  currency,
  digits,
  actualTotal,
  canEdit,
  canClose,
  canReopen,
}: {
  slug: string;
  fiscalYear: number;
  rows: TGridRow[];
  currency: string;
  digits: number;
  actualTotal: string;
  canEdit: boolean;
  canClose: boolean;
  canReopen: boolean;
}) {
  const [state, dispatch, isPending] = useActionState(setMonthlyTargetsAction.bind(null, slug, fiscalYear), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [closeResult, setCloseResult] = useState<ActionResult<unknown> | null>(null);
  // Controlled inputs that follow the server's values when they change (after a save or a spread).
  const signature = rows.map((r) => r.target).join("|");
  const [values, setValues] = useState(() => Object.fromEntries(rows.map((r) => [r.month, r.target])));
  // Keyed on the values themselves (`rows` is a new array on every render), and reset while
  // rendering rather than in an effect, so no frame shows the old values.
  const [shown, setShown] = useState(signature);
  if (shown !== signature) {
    setShown(signature);
    setValues(Object.fromEntries(rows.map((r) => [r.month, r.target])));
  }
  // The year's target as typed so far; "—" while a month's text is not an amount.
  const parsed = rows.map((r) =>
    (values[r.month] ?? "").trim() === "" ? 0n : parseMoneyInput(values[r.month] ?? "", digits),
  );
  const targetTotal = parsed.some((v) => v === null)
    ? "—"
    : groupThousands(
        minorToDecimal(
          parsed.reduce<bigint>((a, v) => a + (v ?? 0n), 0n),
          digits,
        ),
      );
  // Only the months the user changed are sent, each with the version it was loaded with: a month
  // someone else saved meanwhile is refused (and named), and no untouched month is written back.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData();
    for (const row of rows) {
      const value = values[row.month] ?? "";
      // Unchanged: the same text, or the same amount written another way ("1000000" for "1,000,000.00").
      const same =
        value.trim() === row.target ||
        (value.trim() !== "" &&
          row.target !== "" &&
          parseMoneyInput(value, digits) === parseMoneyInput(row.target, digits));
      if (same || row.closedNote !== null) continue;
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
      <ScrollRegion label="Targets and actuals by month" className="relative mt-2 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Month
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Target ({currency})
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Actual
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Period
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Close or reopen</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const error = errors?.[`targets.${row.month}`]?.[0];
              const isClosed = row.closedNote !== null;
              return (
                <tr key={row.month} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                    {row.label}
                  </th>
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
                      <span className="inline-flex items-center gap-1">
                        <Lock aria-hidden className="size-3.5" /> {row.closedNote}
                      </span>
                    ) : (
                      <span className="inline-flex items-center gap-1">
                        <LockOpen aria-hidden className="size-3.5" /> Open
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-right">
                    <PeriodAction
                      slug={slug}
                      row={row}
                      canClose={canClose}
                      canReopen={canReopen}
                      onResult={setCloseResult}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-zinc-300 font-semibold dark:border-zinc-700">
            <tr>
              <th scope="row" className="px-2 py-2 text-left">
                Year
              </th>
              <td className="px-2 py-2 text-right tabular-nums" data-testid="targets-total">
                <span className="inline-block w-36 px-2">{targetTotal}</span>
              </td>
              <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums" data-testid="actuals-total">
                {actualTotal}
              </td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {canEdit && (
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save targets"}
          </Button>
          <p className="text-xs text-zinc-500">
            Leave a month empty to remove its target. Closed months cannot change.
          </p>
        </div>
      )}
    </form>
  );
}
