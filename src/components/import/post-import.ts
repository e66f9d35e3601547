"use client";

import type { ActionResult } from "@/lib/action-result";
import type { TImportProgress, TImportStreamLine, TJsonSafe } from "@/lib/csv/wire";

// Sends the file to an import route with XMLHttpRequest, the one browser API that reports upload
// progress, and reads the commit's NDJSON lines as they arrive.

export type TTransferProgress = { phase: "uploading"; fraction: number } | ({ phase: "server" } & TImportProgress);

const LOST =
  "The connection was lost before the server answered. Reload the page to see whether the import is listed; importing the same file again never adds it twice.";

function parseLines(text: string): TImportStreamLine<unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as TImportStreamLine<unknown>);
}

function readResult<T>(xhr: XMLHttpRequest): TJsonSafe<ActionResult<T>> {
  try {
    if (!(xhr.getResponseHeader("Content-Type") ?? "").includes("ndjson"))
      return JSON.parse(xhr.responseText) as TJsonSafe<ActionResult<T>>;
    const last = parseLines(xhr.responseText).findLast((line) => line.type === "result");
    if (last?.type === "result") return last.result as TJsonSafe<ActionResult<T>>;
  } catch {}
  return { ok: false, code: "INTERNAL", message: LOST };
}

export function postImport<T>(
  url: string,
  form: FormData,
  onProgress: (progress: TTransferProgress) => void,
): Promise<TJsonSafe<ActionResult<T>>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: "uploading", fraction: event.loaded / event.total });
    };
    // Complete lines only: a chunk may end in the middle of one.
    xhr.onprogress = () => {
      const end = xhr.responseText.lastIndexOf("\n") + 1;
      if (end <= seen || !(xhr.getResponseHeader("Content-Type") ?? "").includes("ndjson")) return;
      for (const line of parseLines(xhr.responseText.slice(seen, end)))
        if (line.type === "progress") onProgress({ phase: "server", ...line });
      seen = end;
    };
    xhr.onload = () => resolve(readResult<T>(xhr));
    xhr.onerror = () => resolve({ ok: false, code: "INTERNAL", message: LOST });
    xhr.send(form);
  });
}
