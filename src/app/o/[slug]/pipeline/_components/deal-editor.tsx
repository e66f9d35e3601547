"use client";

import { useEffect, useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import type { FieldErrors } from "@/lib/action-result";
import { categoryForStage } from "@/lib/pipeline";
import { updateOpportunityAction } from "../actions";
import { CausePanel } from "./cause-panel";
import type { TEditOptions, TOption, TRowView } from "./types";

// Editing one deal of the pipeline list, in its table row or its phone card. Nothing is saved
// while the person moves around (Tab, arrow keys, choosing in a select): only Enter in a field or
// the Save button sends the changed fields, in one save with the deal's version; Escape or Cancel
// puts the saved values back. When the server asks for a cause (a lost deal, a close date slipping
// out of the quarter) the caller shows the cause panel and the same change is sent again with it.

export type TField = "amount" | "stageId" | "probability" | "forecastCategory" | "expectedCloseDate" | "ownerId";
/** The hidden line that tells a reader of an editable cell how to edit it (the table's). */
export const EDIT_HINT_ID = "pipeline-edit-hint";
export const FIELDS: TField[] = [
  "amount",
  "stageId",
  "probability",
  "forecastCategory",
  "expectedCloseDate",
  "ownerId",
];
type TDraft = Record<TField, string>;
export type TCause = { lossCauseId: string; responsibleDepartmentId: string };
export type TAsk = { message: string; errors?: FieldErrors };

const draftOf = (row: TRowView): TDraft => ({
  amount: row.amountText,
  stageId: row.stageId,
  probability: row.probabilityText,
  forecastCategory: row.forecastCategory,
  expectedCloseDate: row.expectedCloseDate,
  ownerId: row.ownerId,
});

/**
 * The fields to send: those the person changed. A probability or category that only followed a new
 * stage is left to the server, which derives the same from the stage.
 */
export function changedFields(original: TDraft, draft: TDraft, followsStage: ReadonlySet<TField>): Partial<TDraft> {
  return Object.fromEntries(
    FIELDS.filter((f) => !followsStage.has(f) && draft[f].trim() !== original[f]).map((f) => [f, draft[f].trim()]),
  );
}

export function useDealEditor({
  slug,
  row,
  options,
  version,
  onSaved,
  onCancel,
}: {
  slug: string;
  row: TRowView;
  options: TEditOptions;
  version: number;
  onSaved: (version: number) => void;
  onCancel: () => void;
}) {
  const original = useRef(draftOf(row)).current;
  const [draft, setDraft] = useState<TDraft>(original);
  const [followsStage, setFollowsStage] = useState<Set<TField>>(new Set());
  const [isPending, startTransition] = useTransition();
  const [ask, setAsk] = useState<TAsk | null>(null);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const set = (field: TField, value: string) => {
    const next = { ...draft, [field]: value };
    const follows = new Set(followsStage);
    follows.delete(field);
    if (field === "stageId") {
      // A new stage brings its probability and category, unless the person set those themselves.
      const stage = options.stages.find((s) => s.value === value);
      const touched = (f: TField) => draft[f] !== original[f] && !followsStage.has(f);
      if (stage && !touched("probability")) {
        next.probability = value === original.stageId ? original.probability : stage.probabilityText;
        if (value !== original.stageId) follows.add("probability");
      }
      if (stage && !touched("forecastCategory")) {
        next.forecastCategory =
          value === original.stageId
            ? original.forecastCategory
            : categoryForStage(stage.outcome, row.forecastCategory, stage.label);
        if (value !== original.stageId) follows.add("forecastCategory");
      }
    }
    setDraft(next);
    setFollowsStage(follows);
  };

  const save = (cause?: TCause) => {
    const changes = changedFields(original, draft, followsStage);
    if (!Object.keys(changes).length) return onCancel();
    startTransition(async () => {
      const result = await updateOpportunityAction(slug, { opportunityId: row.id, version, ...changes, ...cause });
      if (result.ok) return onSaved(result.data.version);
      const fe = result.fieldErrors;
      if (fe?.lossCauseId || fe?.responsibleDepartmentId) {
        setErrors(null);
        setMessage(null);
        setAsk({ message: result.message, errors: cause ? fe : undefined });
        return;
      }
      setErrors(fe ?? null);
      // A message of its own unless it only repeats a field's error.
      setMessage(FIELDS.some((f) => fe?.[f]) ? null : result.message);
    });
  };

  /** Enter in a field saves, Escape cancels; Tab and arrow keys only move or choose. */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (target.tagName === "INPUT" || target.tagName === "SELECT")) {
      e.preventDefault();
      if (!isPending && !ask) save();
    }
  };

  return { draft, set, save, isPending, ask, setAsk, errors, message, onKeyDown };
}

export type TDealEditor = ReturnType<typeof useDealEditor>;

const control =
  "block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm focus:border-accent-500 focus:outline-2 focus:outline-accent-500 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950";

/** One field's control while editing, labelled "<Field> of <deal>", with its error under it. */
export function FieldControl({
  editor,
  field,
  row,
  options,
  currency,
  autoFocus,
  unitInLabel = false,
}: {
  editor: TDealEditor;
  field: TField;
  row: TRowView;
  options: TEditOptions;
  currency: string;
  autoFocus?: boolean;
  /** The card's visible labels name the unit ("Amount (USD)"): no suffix beside the field there. */
  unitInLabel?: boolean;
}) {
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const error = editor.errors?.[field]?.[0];
  const errorId = `${row.id}-${field}-error`;
  const common = {
    ref,
    disabled: editor.isPending,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  const select = (label: string, list: TOption[]) => (
    // The whole name on hover, should a long one not fit the column.
    <select
      {...common}
      aria-label={`${label} of ${row.name}`}
      title={list.find((o) => o.value === editor.draft[field])?.label}
      value={editor.draft[field]}
      onChange={(e) => editor.set(field, e.target.value)}
      className={control}
    >
      {list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const input = (
    label: string,
    props: { type?: string; inputMode?: "decimal"; suffix?: string; className?: string },
  ) => (
    <span className="flex items-center gap-1">
      <input
        {...common}
        aria-label={`${label} of ${row.name}`}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        value={editor.draft[field]}
        onChange={(e) => editor.set(field, e.target.value)}
        className={`${control} ${props.className ?? ""}`}
      />
      {props.suffix && !unitInLabel && (
        <span aria-hidden="true" className="text-xs text-zinc-500">
          {props.suffix}
        </span>
      )}
    </span>
  );
  const controls: Record<TField, () => ReactNode> = {
    amount: () => input("Amount", { inputMode: "decimal", suffix: currency, className: "text-right tabular-nums" }),
    stageId: () => select("Stage", options.stages),
    probability: () =>
      input("Probability", { inputMode: "decimal", suffix: "%", className: "w-16 text-right tabular-nums" }),
    forecastCategory: () => select("Forecast category", options.categories),
    expectedCloseDate: () => input("Expected close", { type: "date", className: "tabular-nums" }),
    ownerId: () => select("Owner", options.owners),
  };
  return (
    <>
      {controls[field]()}
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  );
}

/** Save and Cancel, and what went wrong that is no single field's. */
export function EditActions({
  editor,
  dealName,
  onCancel,
  stacked = false,
}: {
  editor: TDealEditor;
  dealName: string;
  onCancel: () => void;
  stacked?: boolean;
}) {
  return (
    <div className="flex flex-col items-start gap-1">
      <div className={`flex gap-2 ${stacked ? "flex-col items-stretch" : ""}`}>
        <button
          type="button"
          onClick={() => editor.save()}
          disabled={editor.isPending || Boolean(editor.ask)}
          aria-label={`Save ${dealName}`}
          className="rounded-md bg-accent-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {editor.isPending ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={editor.isPending}
          aria-label={`Cancel editing ${dealName}`}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Cancel
        </button>
      </div>
      {editor.message && (
        <p role="alert" className="max-w-xs text-xs text-red-700 dark:text-red-400">
          {editor.message}
        </p>
      )}
    </div>
  );
}

/** The cause a loss or slip asks for, while the editor waits on it (row and card alike). */
export function EditorCausePanel({
  editor,
  dealName,
  options,
  onClose,
}: {
  editor: TDealEditor;
  dealName: string;
  options: TEditOptions;
  onClose: () => void;
}) {
  if (!editor.ask) return null;
  return (
    <CausePanel
      dealName={dealName}
      message={editor.ask.message}
      errors={editor.ask.errors}
      lossCauses={options.lossCauses}
      departments={options.departments}
      isPending={editor.isPending}
      onSubmit={(cause) => editor.save(cause)}
      onCancel={onClose}
    />
  );
}
