"use client";

import { useState } from "react";
import { DealCard } from "./deal-card";
import type { TField } from "./deal-editor";
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

type TEditing = { id: string; where: "table" | "cards"; field?: TField };

/**
 * The deals: a table from 640 px, cards on a phone. Cells are read-only; an editor edits one deal
 * at a time (opening another discards the first's unsaved changes). Only the row or card being
 * edited has form controls, so the page carries none for the rest.
 */
export function PipelineTable({ slug, rows, canEdit, options, currency }: { slug: string; rows: TRowView[]; canEdit: boolean; options: TEditOptions; currency: string }) {
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [focusEdit, setFocusEdit] = useState<string | null>(null);
  // Said after each save: a deal that no longer matches the filters (lost, in the open view) leaves the list.
  const [notice, setNotice] = useState("");
  // The version each deal's last save returned, against the version the page showed then: the
  // refreshed page may arrive after the save, and the next save must send the newer version.
  const [saved, setSaved] = useState<Record<string, { from: number; version: number }>>({});
  const versionOf = (row: TRowView) => {
    const s = saved[row.id];
    return s && s.from === row.version ? Math.max(s.version, row.version) : row.version;
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
    focusEdit: focusEdit === row.id,
    onEdit: (field) => {
      setFocusEdit(null);
      setNotice("");
      setEditing({ id: row.id, where, field });
    },
    onSaved: (version) => {
      setSaved((all) => ({ ...all, [row.id]: { from: row.version, version } }));
      setNotice(`Saved ${row.name}.`);
      setEditing(null);
      setFocusEdit(row.id);
    },
    onClose: () => {
      setEditing(null);
      setFocusEdit(row.id);
    },
  });
  return (
    <>
      <p role="status" className={notice ? "mb-2 text-sm text-zinc-700 dark:text-zinc-300" : "sr-only"}>
        {notice}
      </p>
      <div className="hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white sm:block dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-sm">
          <caption className="sr-only">Deals{canEdit ? ": Edit opens a deal's fields; Enter or Save saves them, Escape or Cancel puts them back" : ""}</caption>
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
