import type { TOpportunityRowsResult } from "./opportunity-rows";
import { summariseBadRows, type TBadRowsSummary } from "./summary";
import type { TAlreadyImported, TAlreadyImportedOutcome } from "./wire";
import type { TDateFormat } from "./date";

// What the opportunity import's preview shows and its commit answers, shared by the server and the wizard.

export const OPPORTUNITY_IMPORT_KIND = "opportunity";

export type TOpportunityPreviewRow = {
  line: number;
  externalId: string;
  kind: "new" | "changed" | "unchanged";
  name: string;
  account: string;
  amountMinor: bigint;
  stageName: string;
  expectedCloseDate: string;
  /** The fields that move, for a changed deal. */
  changedFields: string[];
};

export type TOpportunityImportSummary = TBadRowsSummary & {
  dataRowCount: number;
  acceptedCount: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  totalMinor: bigint;
  /** New and changed deals first (those are what an import does), up to PREVIEW_ROWS_SHOWN. */
  rows: TOpportunityPreviewRow[];
};

export const PREVIEW_ROWS_SHOWN = 500;

const FIELD_LABELS: Record<string, string> = {
  name: "name",
  account: "account",
  amountMinor: "amount",
  stageId: "stage",
  probabilityBp: "probability",
  forecastCategory: "category",
  expectedCloseDate: "close date",
  ownerId: "owner",
  sourceDepartmentId: "source department",
};

export function summariseOpportunityRows(result: TOpportunityRowsResult, stageNames: ReadonlyMap<string, string>): TOpportunityImportSummary {
  const count = (kind: string) => result.accepted.filter((r) => r.kind === kind).length;
  const ordered = [...result.accepted.filter((r) => r.kind !== "unchanged"), ...result.accepted.filter((r) => r.kind === "unchanged")];
  return {
    dataRowCount: result.accepted.length + result.bad.length,
    acceptedCount: result.accepted.length,
    newCount: count("new"),
    changedCount: count("changed"),
    unchangedCount: count("unchanged"),
    totalMinor: result.accepted.reduce((sum, r) => sum + r.fields.amountMinor, 0n),
    rows: ordered.slice(0, PREVIEW_ROWS_SHOWN).map((r) => ({
      line: r.line,
      externalId: r.externalId,
      kind: r.kind,
      name: r.fields.name,
      account: r.fields.account,
      amountMinor: r.fields.amountMinor,
      stageName: stageNames.get(r.fields.stageId) ?? "",
      expectedCloseDate: r.fields.expectedCloseDate,
      changedFields: Object.keys(r.changes).map((f) => FIELD_LABELS[f] ?? f),
    })),
    ...summariseBadRows(result.bad),
  };
}

export type TOpportunityImportPreview = {
  fileName: string;
  fileHash: string;
  header: string[];
  delimiter: string;
  dateFormat: TDateFormat;
  isDateFormatDetected: boolean;
  summary: TOpportunityImportSummary;
  alreadyImported: TAlreadyImported | null;
};

export type TOpportunityCommitResult =
  | { outcome: "imported"; batchId: string; rowCount: number; newCount: number; changedCount: number; unchangedCount: number; skippedCount: number }
  | TAlreadyImportedOutcome;
