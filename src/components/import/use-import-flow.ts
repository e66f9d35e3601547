"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import type { TCsvTable } from "@/lib/csv/table";
import type { TJsonSafe } from "@/lib/csv/wire";
import type { TLoadedFile } from "./file-step";
import { postImport, type TTransferProgress } from "./post-import";

// An import wizard's state: file → mapping → server preview → commit. The browser only reads the
// file to offer the mapping; the server reads it again, and its preview and commit are what count.
// M is the import's mapping, P its preview and R its commit result.

export type TStage = "file" | "map" | "preview" | "commit";

/** A wizard's mapping: its keys are the import's form fields (column indexes and format choices). */
export type TFlatMapping = Record<string, string | number | null>;

type TConfig<M extends TFlatMapping> = {
  /** The import route: POST intent=preview|commit with the file and the mapping's fields. */
  url: string;
  /** First guesses from the file's header and first rows. */
  initialMapping: (table: TCsvTable) => M;
  /** Choices made on the preview (e.g. what to do with rows already imported), sent with the commit. */
  commitFields?: Record<string, string>;
};

function toForm(
  intent: "preview" | "commit",
  file: File,
  mapping: TFlatMapping,
  skipBadRows: boolean,
  extra: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", file);
  // No choice is sent as "": the server reads a blank as "none" or "detect".
  for (const [name, value] of Object.entries(mapping)) form.set(name, value === null ? "" : String(value));
  form.set("skipBadRows", String(skipBadRows));
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return form;
}

export function useImportFlow<M extends TFlatMapping, P, R>({ url, initialMapping, commitFields }: TConfig<M>) {
  const router = useRouter();
  const [stage, setStage] = useState<TStage>("file");
  const [loaded, setLoaded] = useState<TLoadedFile | null>(null);
  const [mapping, setMapping] = useState<M | null>(null);
  const [preview, setPreview] = useState<TJsonSafe<P> | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [transfer, setTransfer] = useState<TTransferProgress | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [commitResult, setCommitResult] = useState<TJsonSafe<ActionResult<R>> | null>(null);

  const load = (file: TLoadedFile) => {
    setLoaded(file);
    setMapping(initialMapping(file.table));
    setFailure(null);
    setStage("map");
  };

  const check = async () => {
    if (!loaded || mapping === null || isBusy) return;
    setFailure(null);
    setBusy(true);
    const result = await postImport<P>(url, toForm("preview", loaded.file, mapping, false), setTransfer);
    setBusy(false);
    setTransfer(null);
    if (!result.ok) return setFailure(result);
    setPreview(result.data);
    setSkipBadRows(false);
    setStage("preview");
  };

  const commit = async () => {
    if (!loaded || mapping === null || isBusy) return;
    setStage("commit");
    setCommitResult(null);
    setBusy(true);
    const result = await postImport<R>(
      url,
      toForm("commit", loaded.file, mapping, skipBadRows, commitFields),
      setTransfer,
    );
    setBusy(false);
    setTransfer(null);
    setCommitResult(result);
    if (result.ok) router.refresh();
  };

  const restart = () => {
    setStage("file");
    setLoaded(null);
    setMapping(null);
    setPreview(null);
    setFailure(null);
    setCommitResult(null);
  };

  return {
    stage,
    setStage,
    loaded,
    mapping,
    setMapping,
    preview,
    skipBadRows,
    setSkipBadRows,
    transfer,
    failure,
    commitResult,
    isBusy,
    load,
    check,
    commit,
    restart,
  };
}
