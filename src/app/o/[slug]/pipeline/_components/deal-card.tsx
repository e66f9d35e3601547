"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { EditActions, EditorCausePanel, FieldControl, useDealEditor, type TField } from "./deal-editor";
import { amountOf, closeOf, DealName, type TRowProps } from "./pipeline-row";

const term = "text-xs text-zinc-500 dark:text-zinc-400";

/**
 * One deal on a phone: name, account and amount on top, then stage, close date, owner, probability
 * and category; an editor's Edit button turns the card into a small form (same rules as the table row).
 */
export function DealCard(props: TRowProps) {
  const { slug, row, canEdit, isEditing, focusBack, onEdit } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  // A card has no editable cells: focus always goes back to its Edit button.
  useEffect(() => {
    if (focusBack && !isEditing) editButton.current?.focus();
  }, [focusBack, isEditing]);
  const item = (label: string, value: ReactNode) => (
    <div className="min-w-0">
      <dt className={term}>{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 break-words">
          <DealName slug={slug} row={row} />
          <p className="text-zinc-600 dark:text-zinc-400">{row.account}</p>
        </div>
        <p className="shrink-0 text-right font-semibold tabular-nums">{amountOf(row)}</p>
      </div>
      {isEditing ? (
        <EditingCard {...props} />
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1.5">
            {item("Stage", row.stageName)}
            {item("Expected close", <span className="tabular-nums">{closeOf(row)}</span>)}
            {item("Owner", row.ownerName)}
            {item("Probability", <span className="tabular-nums">{row.probabilityText} %</span>)}
            {item("Forecast category", row.forecastCategoryLabel)}
            {row.sourceDepartmentName && item("Source department", row.sourceDepartmentName)}
          </dl>
          {canEdit && (
            <button
              ref={editButton}
              type="button"
              onClick={() => onEdit()}
              aria-label={`Edit ${row.name}`}
              className="mt-3 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Edit
            </button>
          )}
        </>
      )}
    </li>
  );
}

const LABELS: Record<TField, string> = {
  amount: "Amount ({currency})",
  stageId: "Stage",
  probability: "Probability (%)",
  forecastCategory: "Forecast category",
  expectedCloseDate: "Expected close",
  ownerId: "Owner",
};

function EditingCard({ slug, row, options, currency, version, focusField, onSaved, onClose }: TRowProps) {
  const editor = useDealEditor({ slug, row, options, version, onSaved, onCancel: onClose });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Enter and Escape bubbling up from the card's own fields; it is not a control itself.
    <div className="mt-3 space-y-3" onKeyDown={editor.onKeyDown} aria-busy={editor.isPending || undefined}>
      <div className="grid grid-cols-2 gap-3">
        {(Object.keys(LABELS) as TField[]).map((f) => (
          <div key={f} className={f === "amount" || f === "stageId" ? "col-span-2" : "min-w-0"}>
            <span aria-hidden="true" className={term}>
              {LABELS[f].replace("{currency}", currency)}
            </span>
            <FieldControl
              editor={editor}
              field={f}
              row={row}
              options={options}
              currency={currency}
              autoFocus={(focusField ?? "amount") === f}
              unitInLabel
            />
          </div>
        ))}
      </div>
      <EditActions editor={editor} dealName={row.name} onCancel={onClose} />
      <EditorCausePanel editor={editor} dealName={row.name} options={options} onClose={onClose} />
    </div>
  );
}
