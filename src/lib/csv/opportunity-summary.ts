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
  /** An open deal without an amount: shown as "No amount". */
  amountMissing: boolean;
  stageName: string;
  expectedCloseDate: string;
  /** The fields that move, for a changed deal. */
  changedFields: string[];
};

/** Bad rows grouped by reason, most frequent first, with what to do about it. */
export type TBadReasonCount = { reason: string; count: number; hint: TReasonHint };
export type TReasonHint =
  | "map-stage"
  | "map-owner"
  | "map-category"
  | "open-default"
  | "closed-needs-values"
  | "column"
  | "on-page"
  | "fix-file";

export type TOpportunityImportSummary = TBadRowsSummary & {
  reasons: TBadReasonCount[];
  /** New open deals that got the stated default close date, and those that got amount zero. */
  closeDateDefaultCount: number;
  amountDefaultCount: number;
  /** The default close date those rows got. */
  defaultCloseDate: string;
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

/** A reason's group: quoted values are dropped ("non-numeric amount "x"" → "non-numeric amount"), except a stage's, which the wizard maps. */
function reasonGroup(reason: string): { reason: string; hint: TReasonHint } {
  if (reason.startsWith("unknown stage ")) return { reason, hint: "map-stage" };
  if (reason.startsWith("unknown owner ")) return { reason, hint: "map-owner" };
  if (reason.startsWith("unknown forecast category ")) return { reason, hint: "map-category" };
  const plain = reason
    .replace(/\s*"(?:[^"]|"")*"/g, "")
    .replace(/ is also on lines? [\d, ]+$/, " is on more than one line");
  if (plain === "empty close date" || plain === "empty amount") return { reason: plain, hint: "closed-needs-values" };
  if (plain.startsWith("this row ")) return { reason: plain.replace(/ \(after [\d-]+\)/, ""), hint: "on-page" };
  if (/^(non-numeric amount|unparseable close date|empty external id|empty name|empty account|empty stage)/.test(plain))
    return { reason: plain, hint: "column" };
  return { reason: plain, hint: "fix-file" };
}

/** "812 rows: empty close date", most frequent first; a row with two reasons counts in both. */
export function countBadReasons(bad: TOpportunityRowsResult["bad"]): TBadReasonCount[] {
  const groups = new Map<string, TBadReasonCount>();
  for (const row of bad) {
    for (const part of new Set(
      row.reason
        .split("; ")
        .map(reasonGroup)
        .map((g) => JSON.stringify(g)),
    )) {
      const g = JSON.parse(part) as { reason: string; hint: TReasonHint };
      const entry = groups.get(g.reason) ?? { ...g, count: 0 };
      entry.count += 1;
      groups.set(g.reason, entry);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function summariseOpportunityRows(
  result: TOpportunityRowsResult,
  stageNames: ReadonlyMap<string, string>,
  defaultCloseDate = "",
): TOpportunityImportSummary {
  const count = (kind: string) => result.accepted.filter((r) => r.kind === kind).length;
  const ordered = [
    ...result.accepted.filter((r) => r.kind !== "unchanged"),
    ...result.accepted.filter((r) => r.kind === "unchanged"),
  ];
  return {
    reasons: countBadReasons(result.bad),
    closeDateDefaultCount: result.accepted.filter((r) => r.defaulted.closeDate).length,
    amountDefaultCount: result.accepted.filter((r) => r.defaulted.amount).length,
    defaultCloseDate,
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
      amountMissing: r.fields.amountMissing,
      stageName: stageNames.get(r.fields.stageId) ?? "",
      expectedCloseDate: r.fields.expectedCloseDate,
      changedFields: Object.keys(r.changes).map((f) => FIELD_LABELS[f] ?? f),
    })),
    ...summariseBadRows(result.bad),
  };
}

export type TOpportunityImportPreview = {
  /** The stage mapping the rows were read with: each distinct value of the file, its rows and stage (null: unmapped). */
  stageValues: { value: string; count: number; stageId: string | null }[];
  /** The same for owners (the member each maps to) and forecast categories. */
  ownerValues: { value: string; count: number; userId: string | null }[];
  categoryValues: { value: string; count: number; category: string | null }[];
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
  | {
      outcome: "imported";
      batchId: string;
      rowCount: number;
      newCount: number;
      changedCount: number;
      unchangedCount: number;
      skippedCount: number;
      message: string;
    }
  | TAlreadyImportedOutcome;

const n = (count: number) => count.toLocaleString("en-US");
const deals = (count: number) => `${n(count)} ${count === 1 ? "deal" : "deals"}`;

/** What an import did, in words: "Nothing changed: 6,711 deals already up to date." or "Imported 12 deals: 3 new, 2 changed, 7 already up to date." */
export function importedMessage(c: {
  rowCount: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  skippedCount: number;
}): string {
  const skipped = c.skippedCount
    ? ` ${n(c.skippedCount)} skipped ${c.skippedCount === 1 ? "line is" : "lines are"} recorded with the batch.`
    : "";
  if (c.newCount + c.changedCount === 0)
    return `Nothing changed: ${deals(c.unchangedCount)} already up to date.${skipped}`;
  const parts = [
    c.newCount && `${n(c.newCount)} new`,
    c.changedCount && `${n(c.changedCount)} changed`,
    c.unchangedCount && `${n(c.unchangedCount)} already up to date`,
  ].filter(Boolean);
  return `Imported ${deals(c.newCount + c.changedCount + c.unchangedCount)}: ${parts.join(", ")}.${skipped}`;
}
