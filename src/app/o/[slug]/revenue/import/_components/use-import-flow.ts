"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { guessColumns, guessDecimalSeparator } from "@/lib/csv/guess";
import type { TCommitResult, TImportPreview, TJsonSafe } from "@/lib/csv/wire";
import type { TLoadedFile } from "./file-step";
import type { TMapping } from "./mapping-step";
import { postImport, type TTransferProgress } from "./post-import";

// The wizard's state: file → mapping → server preview → commit. The browser only reads the file
// to offer the mapping; the server reads it again, and its preview and commit are what count.

export type TStage = "file" | "map" | "preview" | "commit";

const EMPTY_MAPPING: TMapping = { dateColumn: null, amountColumn: null, referenceColumn: null, customerColumn: null, dateFormat: null, decimalSeparator: "." };

function initialMapping({ table }: TLoadedFile): TMapping {
  const guess = guessColumns(table.header);
  const amounts = guess.amount === null ? [] : table.rows.slice(0, 500).map((r) => r.cells[guess.amount ?? 0] ?? "");
  return { dateColumn: guess.date, amountColumn: guess.amount, referenceColumn: guess.reference, customerColumn: guess.customer, dateFormat: null, decimalSeparator: guessDecimalSeparator(amounts) };
}

function toForm(intent: "preview" | "commit", file: File, mapping: TMapping, skipBadRows: boolean): FormData {
  const form = new FormData();
  const text = (value: number | string | null) => (value === null ? "" : String(value));
  form.set("intent", intent);
  form.set("file", file);
  form.set("dateColumn", text(mapping.dateColumn));
  form.set("amountColumn", text(mapping.amountColumn));
  form.set("referenceColumn", text(mapping.referenceColumn));
  form.set("customerColumn", text(mapping.customerColumn));
  form.set("dateFormat", text(mapping.dateFormat));
  form.set("decimalSeparator", mapping.decimalSeparator);
  form.set("skipBadRows", String(skipBadRows));
  return form;
}

export function useImportFlow(slug: string) {
  const router = useRouter();
  const [stage, setStage] = useState<TStage>("file");
  const [loaded, setLoaded] = useState<TLoadedFile | null>(null);
  const [mapping, setMapping] = useState<TMapping>(EMPTY_MAPPING);
  const [preview, setPreview] = useState<TJsonSafe<TImportPreview> | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [transfer, setTransfer] = useState<TTransferProgress | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [commitResult, setCommitResult] = useState<TJsonSafe<ActionResult<TCommitResult>> | null>(null);
  const url = `/o/${encodeURIComponent(slug)}/revenue/import/api`;

  const load = (file: TLoadedFile) => {
    setLoaded(file);
    setMapping(initialMapping(file));
    setFailure(null);
    setStage("map");
  };

  const check = async () => {
    if (!loaded || isBusy) return;
    setFailure(null);
    setBusy(true);
    const result = await postImport<TImportPreview>(url, toForm("preview", loaded.file, mapping, false), setTransfer);
    setBusy(false);
    setTransfer(null);
    if (!result.ok) return setFailure(result);
    setPreview(result.data);
    setSkipBadRows(false);
    setStage("preview");
  };

  const commit = async () => {
    if (!loaded || isBusy) return;
    setStage("commit");
    setCommitResult(null);
    setBusy(true);
    const result = await postImport<TCommitResult>(url, toForm("commit", loaded.file, mapping, skipBadRows), setTransfer);
    setBusy(false);
    setTransfer(null);
    setCommitResult(result);
    if (result.ok) router.refresh();
  };

  const restart = () => {
    setStage("file");
    setLoaded(null);
    setPreview(null);
    setFailure(null);
    setCommitResult(null);
  };

  return { stage, setStage, loaded, mapping, setMapping, preview, skipBadRows, setSkipBadRows, transfer, failure, commitResult, isBusy, load, check, commit, restart };
}
