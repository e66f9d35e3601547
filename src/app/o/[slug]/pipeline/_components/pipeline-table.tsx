"use client";

import { useState } from "react";
import { DealCard } from "./deal-card";
import { EDIT_HINT_ID, type TField } from "./deal-editor";
import { PipelineRow, type TRowProps } from "./pipeline-row";
import type { TEditOptions, TRowView } from "./types";

const HEADERS: { label: string; isNumber?: boolean }[] = [
  { label: "Deal" },
  { label: "Account" },
  { label: "Amount", isNumber: true },
  { label: "Stage" },
  { label: "Probability", isNumber: true },
  { label: "Forecast category" },
  { label: "Expected close" },
  { label: "Owner" },
  { label: "Source department" },
];

type TEditing = { id: string; where: "table" | "cards"; field?: TField; fromCell?: boolean };
/** Where focus goes back to when a row's editor closes: the cell that opened it, or its Edit button. */
type TFocusBack = { id: string; field?: TField };
/** The table's one tab stop among the editable cells; arrow keys move it (a roving tabindex). */
type TCellStop = { id: string; field: TField };

/**
 * The deals: a table from 640 px, cards on a phone. Cells are read-only; an editor edits one deal
 * at a time (opening another discards the first's unsaved changes). Only the row or card being
 * edited has form controls, so the page carries none for the rest.
 */
export function PipelineTable({
  slug,
  rows,
  canEdit,
  options,
  currency,
}: {
  slug: string;
  rows: TRowView[];
  canEdit: boolean;
  options: TEditOptions;
  currency: string;
}) {
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [focusBack, setFocusBack] = useState<TFocusBack | null>(null);
  const [cellStop, setCellStop] = useState<TCellStop | null>(null);
  // The stop stays on the cell last focused while its deal is listed; else the first deal's amount.
  const stop: TCellStop | null =
    cellStop && rows.some((r) => r.id === cellStop.id)
      ? cellStop
      : rows[0]
        ? { id: rows[0].id, field: "amount" }
        : null;
  // Said after each save: a deal that no longer matches the filters (lost, in the open view) leaves the list.
  const [notice, setNotice] = useState("");
  // The version each deal's last save returned, against the version the page showed then: the
  // refreshed page may arrive after the save, and the next save must send the newer version.
  const [saved, setSaved] = useState<Record<string, { from: number; version: number }>>({});
  const versionOf = (row: TRowView) => {
    const s = saved[row.id];
    return s && s.from === row.version ? Math.max(s.version, row.version) : row.version;
  };
  const closeEditor = (id: string) => {
    setFocusBack({ id, field: editing?.id === id && editing.fromCell ? editing.field : undefined });
    setEditing(null);
  };
  const propsOf = (row: TRowView, where: TEditing["where"]): TRowProps => ({
    slug,
    row,
    canEdit,
    options,
    currency,
    version: versionOf(row),
    isEditing: editing?.id === row.id && editing.where === where,
    focusField: editing?.field,
    focusBack: focusBack?.id === row.id ? (focusBack.field ?? "edit") : undefined,
    cellStop: stop?.id === row.id ? stop.field : undefined,
    onCellFocus: (field) => setCellStop({ id: row.id, field }),
    onEdit: (field, fromCell = false) => {
      setFocusBack(null);
      setNotice("");
      setEditing({ id: row.id, where, field, fromCell });
    },
    onSaved: (version) => {
      setSaved((all) => ({ ...all, [row.id]: { from: row.version, version } }));
      setNotice(`Saved ${row.name}.`);
      closeEditor(row.id);
    },
    onClose: () => closeEditor(row.id),
  });
  return (
    <>
      <p role="status" className={notice ? "mb-2 text-sm text-zinc-700 dark:text-zinc-300" : "sr-only"}>
        {notice}
      </p>
      {canEdit && (
        <p id={EDIT_HINT_ID} hidden>
          Enter edits this deal; arrow keys move between cells.
        </p>
      )}
      <div className="hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white sm:block dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Deals
            {canEdit
              ? ": Edit, or Enter on a cell, opens a deal's fields; Enter or Save saves them, Escape or Cancel puts them back"
              : ""}
          </caption>
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              {HEADERS.map((h) => (
                <th key={h.label} scope="col" className={`px-2 py-2 font-medium ${h.isNumber ? "text-right" : ""}`}>
                  {h.label}
                </th>
              ))}
              {canEdit && (
                <th scope="col" className="px-2 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <PipelineRow key={row.id} {...propsOf(row, "table")} />
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label="Deals" className="space-y-2 sm:hidden">
        {rows.map((row) => (
          <DealCard key={row.id} {...propsOf(row, "cards")} />
        ))}
      </ul>
    </>
  );
}
