"use client";

import Link from "next/link";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { OutcomeBadge, NoAmountBadge, StaleBadge } from "./badges";
import {
  EDIT_HINT_ID,
  EditActions,
  EditorCausePanel,
  FIELDS,
  FieldControl,
  useDealEditor,
  type TField,
} from "./deal-editor";
import type { TEditOptions, TRowView } from "./types";

export type TRowProps = {
  slug: string;
  row: TRowView;
  canEdit: boolean;
  options: TEditOptions;
  currency: string;
  /** The version this deal's last save returned (ahead of `row.version` until the refreshed page arrives). */
  version: number;
  isEditing: boolean;
  /** The field to focus when editing starts (the cell that was clicked). */
  focusField?: TField;
  /** Where focus goes back after a save or a cancel: the cell that opened the editor, or the Edit button. */
  focusBack?: TField | "edit";
  /** The editable cell of this row that is the table's tab stop, if it is in this row. */
  cellStop?: TField;
  onCellFocus: (field: TField) => void;
  onEdit: (field?: TField, fromCell?: boolean) => void;
  onSaved: (version: number) => void;
  onClose: () => void;
};

const cell = (children: ReactNode, className = "") => (
  <td className={`px-2 py-2 align-top ${className}`}>{children}</td>
);

/** The deal's name (its page) and, when closed, whether it was won or lost. */
export function DealName({ slug, row }: { slug: string; row: TRowView }) {
  return (
    <>
      <Link
        prefetch={false}
        href={`/o/${slug}/pipeline/${row.id}`}
        className="font-medium text-accent-700 hover:underline dark:text-accent-400"
      >
        {row.name}
      </Link>{" "}
      <OutcomeBadge outcome={row.outcome} />
    </>
  );
}

export const amountOf = (row: TRowView) => (row.amountMissing ? <NoAmountBadge /> : row.amountLabel);
export const closeOf = (row: TRowView) => (
  <>
    {row.expectedCloseDate}
    {row.isStale && <StaleBadge />}
  </>
);

/** The editable cell for `field` in the row `tr`, if that row is not being edited. */
const cellIn = (tr: Element | null, field: TField) =>
  tr?.querySelector<HTMLElement>(`td[data-field="${field}"]`) ?? null;

/**
 * Arrow keys (and Home, End) move between the editable cells of the table, as in a spreadsheet;
 * only Enter (or F2) opens the row's editor there. Nothing here saves.
 */
function onCellKeyDown(e: KeyboardEvent<HTMLTableCellElement>, field: TField, onEdit: TRowProps["onEdit"]) {
  const tr = e.currentTarget.closest("tr");
  let to: HTMLElement | null = null;
  const at = FIELDS.indexOf(field);
  if (e.key === "Enter" || e.key === "F2") {
    e.preventDefault();
    onEdit(field, true);
    return;
  }
  if (e.key === "ArrowLeft" || e.key === "ArrowRight")
    to = cellIn(tr, FIELDS[at + (e.key === "ArrowLeft" ? -1 : 1)] ?? field);
  else if (e.key === "Home" || e.key === "End")
    to = cellIn(tr, e.key === "Home" ? FIELDS[0]! : FIELDS[FIELDS.length - 1]!);
  else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
    // The next row that has cells to move to (an open editor or a cause panel has none).
    let next = e.key === "ArrowUp" ? tr?.previousElementSibling : tr?.nextElementSibling;
    while (next && !cellIn(next, field))
      next = e.key === "ArrowUp" ? next.previousElementSibling : next.nextElementSibling;
    to = cellIn(next ?? null, field);
  } else return;
  e.preventDefault();
  to?.focus();
}

/**
 * One deal of the table: read-only cells, and for an editor an Edit button, a click on an editable
 * cell or Enter on it, that turns this row's cells into controls until it is saved or cancelled.
 */
export function PipelineRow(props: TRowProps) {
  const { slug, row, canEdit, isEditing, focusBack, cellStop, onCellFocus, onEdit } = props;
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (!focusBack || isEditing) return;
    const target =
      focusBack === "edit"
        ? rowRef.current?.querySelector<HTMLElement>("button[data-edit]")
        : cellIn(rowRef.current, focusBack);
    target?.focus();
  }, [focusBack, isEditing]);
  if (isEditing) return <EditingRow {...props} />;

  const editable = (field: TField, children: ReactNode, className = "") =>
    canEdit ? (
      <td
        data-field={field}
        tabIndex={cellStop === field ? 0 : -1}
        aria-describedby={EDIT_HINT_ID}
        className={`cursor-pointer px-2 py-2 align-top ${className}`}
        title="Click or press Enter to edit"
        onClick={() => onEdit(field)}
        onFocus={() => onCellFocus(field)}
        onKeyDown={(e) => onCellKeyDown(e, field, onEdit)}
      >
        {children}
      </td>
    ) : (
      cell(children, className)
    );
  return (
    <tr ref={rowRef} className="border-b border-zinc-100 dark:border-zinc-800">
      {cell(<DealName slug={slug} row={row} />, "min-w-40")}
      {cell(row.account, "min-w-28")}
      {editable("amount", amountOf(row), "text-right whitespace-nowrap tabular-nums")}
      {editable("stageId", row.stageName, "min-w-24")}
      {editable("probability", `${row.probabilityText} %`, "text-right whitespace-nowrap tabular-nums")}
      {editable("forecastCategory", row.forecastCategoryLabel)}
      {editable("expectedCloseDate", closeOf(row), "whitespace-nowrap tabular-nums")}
      {editable("ownerId", row.ownerName, "min-w-28")}
      {cell(row.sourceDepartmentName ?? <span className="text-zinc-500">—</span>)}
      {canEdit &&
        cell(
          <button
            data-edit
            type="button"
            onClick={() => onEdit()}
            aria-label={`Edit ${row.name}`}
            className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Edit
          </button>,
        )}
    </tr>
  );
}

function EditingRow({ slug, row, options, currency, version, focusField, onSaved, onClose }: TRowProps) {
  const editor = useDealEditor({ slug, row, options, version, onSaved, onCancel: onClose });
  // Tighter padding than the read-only row, so the controls get the width: a select as wide as the
  // longer stage and owner names (the whole name is its title too), the amount with its currency.
  const editCell = (children: ReactNode, className = "") => (
    <td className={`px-1 py-2 align-top ${className}`}>{children}</td>
  );
  const field = (f: TField, className = "") =>
    editCell(
      <FieldControl
        editor={editor}
        field={f}
        row={row}
        options={options}
        currency={currency}
        autoFocus={(focusField ?? "amount") === f}
      />,
      className,
    );
  return (
    <>
      <tr
        className="border-b border-zinc-100 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-800/40"
        aria-busy={editor.isPending || undefined}
        onKeyDown={editor.onKeyDown}
      >
        {cell(<DealName slug={slug} row={row} />, "min-w-32")}
        {editCell(row.account, "min-w-24")}
        {field("amount", "min-w-36")}
        {field("stageId", "min-w-40")}
        {field("probability")}
        {field("forecastCategory", "min-w-28")}
        {field("expectedCloseDate", "min-w-36")}
        {field("ownerId", "min-w-40")}
        {editCell(row.sourceDepartmentName ?? <span className="text-zinc-500">—</span>)}
        {/* Save and Cancel stay in sight at the right edge when the wider controls make the table scroll. */}
        {editCell(
          <EditActions editor={editor} dealName={row.name} onCancel={onClose} stacked />,
          "sticky right-0 bg-zinc-50 shadow-[-6px_0_6px_-6px_rgb(0_0_0/0.2)] dark:bg-zinc-800",
        )}
      </tr>
      {editor.ask && (
        <tr>
          <td colSpan={10} className="px-2 pb-3">
            {/* Pinned to the visible part of a sideways-scrolled table, and never wider than it. */}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Escape bubbling up from the cause panel's fields; it is not a control itself. */}
            <div
              className="sticky left-2 max-w-[min(48rem,calc(100vw-4rem))]"
              onKeyDown={(e) => e.key === "Escape" && onClose()}
            >
              <EditorCausePanel editor={editor} dealName={row.name} options={options} onClose={onClose} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
