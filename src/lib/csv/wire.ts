import type { ActionResult } from "../action-result";
import type { MonthKey } from "../period";
import type { TDateFormat } from "./date";
import type { TBadRow } from "./rows";
import type { TImportSummary } from "./summary";

// What the import routes return, shared by the server that builds it and the wizards that read it.
// The revenue import's shapes are here; TAlreadyImported, the progress and the JSON helpers serve
// every import (the KPI import's own shapes are in kpi-wire.ts).

export type TAlreadyImported = { batchId: string; fileName: string; importedAt: Date; importedBy: string | null };

/** A batch (or, with batchId null, entries made by hand or through the API) that already holds some of a file's rows. */
export type TDuplicateBatch = {
  batchId: string | null;
  fileName: string | null;
  importedAt: Date | null;
  importedBy: string | null;
  rowCount: number;
};

/** One row of the file that the organization already has, by content key. */
export type TDuplicateRow = {
  line: number;
  date: string;
  amountMinor: bigint;
  reference: string | null;
  batchId: string | null;
};

/** The file's rows already imported: skipped by default, imported anyway when the user says so. */
export type TDuplicates = {
  count: number;
  totalMinor: bigint;
  batches: TDuplicateBatch[];
  /** Per month, the already imported rows among the summary's. */
  months: { month: MonthKey; rowCount: number; totalMinor: bigint }[];
  /** The first DUPLICATE_ROWS_SHOWN of them, in line order. */
  rows: TDuplicateRow[];
};

export const DUPLICATE_ROWS_SHOWN = 1000;

export type TImportPreview = {
  fileName: string;
  fileHash: string;
  header: string[];
  delimiter: string;
  dateFormat: TDateFormat;
  isDateFormatDetected: boolean;
  summary: TImportSummary;
  /** Revenue recognises duplicates by content (`duplicates`); this stays null. */
  alreadyImported: TAlreadyImported | null;
  duplicates: TDuplicates;
};

/** A commit of a file that is already imported: nothing is written a second time. */
export type TAlreadyImportedOutcome = { outcome: "already-imported" } & TAlreadyImported;

export type TCommitResult =
  | {
      outcome: "imported";
      batchId: string;
      rowCount: number;
      totalMinor: bigint;
      roundedCount: number;
      skippedCount: number;
      /** Rows already in the organization: skipped, or imported anyway when `duplicatesImported`. */
      duplicateCount: number;
      duplicatesImported: boolean;
      /** The batch this file replaced, removed in the same commit. */
      replaced: { batchId: string; fileName: string; rowCount: number } | null;
    }
  | TAlreadyImportedOutcome;

export type TImportBatchItem = {
  id: string;
  /** "revenue": actuals (rows, total); "kpi": a department's KPI values (no total); "opportunity": deals from a CRM export. */
  kind: "revenue" | "kpi" | "opportunity";
  /** The department of a KPI import, as named when it was imported. */
  department: { id: string; name: string } | null;
  /** Why the batch cannot be undone, when it cannot (besides closed months). */
  undoRefusal: string | null;
  fileName: string;
  createdAt: Date;
  createdBy: string | null;
  /** The API token that sent the batch (`/api/v1`), when no member did. */
  apiTokenName: string | null;
  rowCount: number;
  totalMinor: bigint;
  roundedCount: number;
  duplicateCount: number;
  duplicatesImported: boolean;
  /** A pipeline batch's deals: created, changed, and rows equal to the deal (0 for other kinds). */
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  skipped: TBadRow[];
  months: MonthKey[];
  closedMonths: MonthKey[];
};

/** The commit's progress: rows written so far inside the one transaction that commits them all. */
export type TImportProgress = { stage: "checking" | "writing"; done: number; total: number };

/** One line of a commit's NDJSON response: progress lines, then exactly one result line. */
export type TImportStreamLine<R = TCommitResult> =
  | ({ type: "progress" } & TImportProgress)
  | { type: "result"; result: TJsonSafe<ActionResult<R>> };

/** JSON carries no BigInt or Date: amounts cross the wire as their decimal string of minor units. */
export type TJsonSafe<T> = T extends bigint
  ? string
  : T extends Date
    ? string
    : T extends readonly (infer U)[]
      ? TJsonSafe<U>[]
      : T extends object
        ? { [K in keyof T]: TJsonSafe<T[K]> }
        : T;

export function toJsonSafe<T>(value: T): TJsonSafe<T> {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as TJsonSafe<T>;
}

/** The message a user sees when a file was imported before: nothing is added a second time. */
export function alreadyImportedMessage(
  info: { batchId: string; importedAt: Date | string; importedBy: string | null },
  timeZone: string,
): string {
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(info.importedAt),
  );
  return `This file was already imported on ${when}${info.importedBy ? ` by ${info.importedBy}` : ""} as batch ${info.batchId}. Nothing was added.`;
}
