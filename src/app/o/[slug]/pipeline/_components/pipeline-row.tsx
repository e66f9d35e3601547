"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { OutcomeBadge, NoAmountBadge, StaleBadge } from "./badges";
import { EditActions, EditorCausePanel, FieldControl, useDealEditor, type TField } from "./deal-editor";
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
  /** Put focus back on the row's Edit button (after a save or a cancel). */
  focusEdit: boolean;
  onEdit: (field?: TField) => void;
  onSaved: (version: number) => void;
  onClose: () => void;
};

const cell = (children: ReactNode, className = "") => <td className={`px-2 py-2 align-top ${className}`}>{children}</td>;

/** The deal's name (its page) and, when closed, whether it was won or lost. */
export function DealName({ slug, row }: { slug: string; row: TRowView }) {
  return (
    <>
      <Link prefetch={false} href={`/o/${slug}/pipeline/${row.id}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
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

/**
 * One deal of the table: read-only cells, and for an editor an Edit button (or a click on an
 * editable cell) that turns this row's cells into controls until it is saved or cancelled.
 */
export function PipelineRow(props: TRowProps) {
  const { slug, row, canEdit, isEditing, focusEdit, onEdit } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusEdit && !isEditing) editButton.current?.focus();
  }, [focusEdit, isEditing]);
  if (isEditing) return <EditingRow {...props} />;

  const editable = (field: TField, children: ReactNode, className = "") =>
    canEdit ? (
      // biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut; keyboard users open the same editor with the row's Edit button.
      <td className={`cursor-pointer px-2 py-2 align-top ${className}`} title="Click to edit" onClick={() => onEdit(field)}>
        {children}
      </td>
    ) : (
      cell(children, className)
    );
  return (
    <tr className="border-b border-zinc-100 dark:border-zinc-800">
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
            ref={editButton}
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
  const field = (f: TField, className = "") => cell(<FieldControl editor={editor} field={f} row={row} options={options} currency={currency} autoFocus={(focusField ?? "amount") === f} />, className);
  return (
    <>
      <tr className="border-b border-zinc-100 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-800/40" aria-busy={editor.isPending || undefined} onKeyDown={editor.onKeyDown}>
        {cell(<DealName slug={slug} row={row} />, "min-w-40")}
        {cell(row.account, "min-w-28")}
        {field("amount", "min-w-32")}
        {field("stageId", "min-w-32")}
        {field("probability")}
        {field("forecastCategory", "min-w-28")}
        {field("expectedCloseDate", "min-w-36")}
        {field("ownerId", "min-w-32")}
        {cell(row.sourceDepartmentName ?? <span className="text-zinc-500">—</span>)}
        {cell(<EditActions editor={editor} dealName={row.name} onCancel={onClose} stacked />)}
      </tr>
      {editor.ask && (
        <tr>
          <td colSpan={10} className="px-2 pb-3">
            {/* Pinned to the visible part of a sideways-scrolled table, and never wider than it. */}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Escape bubbling up from the cause panel's fields; it is not a control itself. */}
            <div className="sticky left-2 max-w-[min(48rem,calc(100vw-4rem))]" onKeyDown={(e) => e.key === "Escape" && onClose()}>
              <EditorCausePanel editor={editor} dealName={row.name} options={options} onClose={onClose} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
