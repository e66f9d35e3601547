import type { ForecastCategory, StageOutcome } from "@db/enums";
import { parseAmount } from "./amount";
import { parseDate, type TDateFormat } from "./date";
import { quoteCell } from "./quote";
import type { TBadRow } from "./rows";
import type { TCsvTable } from "./table";
import { categoryForStage } from "../pipeline";
import { resolveStage, stageKey, type TStageMap } from "./opportunity-stage-map";
import { composeName, parseCategory, resolveCategory, type TValueMap } from "./opportunity-value-maps";

export { parseCategory };

// One row of a CRM export becomes a deal to create, a change to an existing deal (matched by its
// external id), a row that changes nothing, or a bad row with its line and every reason. Pure: the
// caller loads the stages, members, departments and the deals that exist now.
//
// Rules for a row whose external id exists: only the fields the file maps change; probability and
// forecast category follow a stage move (the stage's default, the category it implies) unless the
// file gives them; a blank owner or source department keeps the current one. A change that loses
// the deal, or moves its close date out of the current fiscal quarter, needs a cause and a
// responsible department that a file cannot give: such rows are refused, to be done on the page.

export type TOpportunityColumnMapping = {
  externalId: number;
  /** null: the name is composed from `nameParts`. */
  name: number | null;
  /** Up to three columns joined with " — " when the file has no name column (account + product). */
  nameParts?: number[];
  account: number;
  amount: number;
  stage: number;
  closeDate: number;
  probability: number | null;
  category: number | null;
  owner: number | null;
  sourceDepartment: number | null;
};

export type TStageRef = { id: string; name: string; outcome: StageOutcome; probabilityBp: number };
export type TExistingDeal = {
  id: string;
  name: string;
  account: string;
  amountMinor: bigint;
  /** An open deal imported without an amount (stored as 0): "No amount", out of coverage. */
  amountMissing: boolean;
  stageId: string;
  outcome: StageOutcome;
  probabilityBp: number;
  forecastCategory: ForecastCategory;
  expectedCloseDate: string;
  ownerId: string;
  sourceDepartmentId: string | null;
};

export type TOpportunityRowOptions = {
  mapping: TOpportunityColumnMapping;
  dateFormat: TDateFormat;
  currency: string;
  digits: number;
  stages: TStageRef[];
  /** The file's owner values (folded, see stageKey) → the member each maps to; a value absent here is unmapped. */
  members: ReadonlyMap<string, string>;
  /** The user chose, in the wizard, that a deal whose owner value is not mapped goes to the importer. */
  unmappedOwnerToImporter?: boolean;
  /** The wizard's forecast category mapping (folded value → category, "" for none) and the remembered one. */
  categoryMap?: TValueMap;
  rememberedCategoryMap?: TValueMap;
  /** Active departments by lower-cased name. */
  departments: ReadonlyMap<string, { id: string; name: string }>;
  importerId: string;
  /** The last day (YYYY-MM-DD) of the current fiscal quarter. */
  quarterEnd: string;
  /** The organization's deals by external id. */
  existing: ReadonlyMap<string, TExistingDeal>;
  /** The wizard's stage mapping (folded value → stage id, "" for none) and the remembered one. */
  stageMap?: TStageMap;
  rememberedStageMap?: TStageMap;
  /** The close date (YYYY-MM-DD) a new open deal without one gets; default: `quarterEnd`. */
  defaultCloseDate?: string | null;
};

/** A deal's fields as they will be stored. */
export type TDealFields = Omit<TExistingDeal, "id">;
export type TOpportunityImportRow = {
  line: number;
  externalId: string;
  kind: "new" | "changed" | "unchanged";
  id: string | null;
  fields: TDealFields;
  changes: Record<string, [string | number | null, string | number | null]>;
  /** An open deal whose blank close date or amount got the stated default. */
  defaulted: { closeDate: boolean; amount: boolean };
};
export type TOpportunityRowsResult = { accepted: TOpportunityImportRow[]; bad: TBadRow[] };

export const MAX_DEAL_TEXT = 200;

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** "25", "25%", "25.5 %" → basis points; null for anything else or outside 0–100. */
export function parseProbability(raw: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(raw.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp <= 10_000 ? bp : null;
}

function text(cells: string[], column: number, label: string, reasons: string[], composed?: string): string {
  const value = composed ?? (cells[column] ?? "").trim();
  if (!value) reasons.push(`empty ${label}`);
  else if (value.length > MAX_DEAL_TEXT) reasons.push(`${label} longer than ${MAX_DEAL_TEXT} characters`);
  else if (value.includes("\u0000")) reasons.push(`${label} contains a NUL character`);
  return value;
}

const optional = (cells: string[], column: number | null) => (column === null ? "" : (cells[column] ?? "").trim());

type TRead = {
  fields: Partial<TDealFields> & { stage?: TStageRef };
  probabilityBp: number | null;
  category: ForecastCategory | null;
};

type TDefaulted = TOpportunityImportRow["defaulted"];

function readCells(
  cells: string[],
  o: TOpportunityRowOptions,
  before: TExistingDeal | undefined,
  reasons: string[],
  defaulted: TDefaulted,
): TRead {
  const m = o.mapping;
  const name =
    m.name === null
      ? text(cells, -1, "name", reasons, composeName(cells, m.nameParts ?? []))
      : text(cells, m.name, "name", reasons);
  const fields: TRead["fields"] = { name, account: text(cells, m.account, "account", reasons) };
  const stageText = (cells[m.stage] ?? "").trim();
  const stage = stageText ? resolveStage(stageText, o.stages, o.stageMap ?? {}, o.rememberedStageMap ?? {}) : null;
  if (stage) fields.stage = stage;
  // An open deal may come without an amount or close date: a known deal keeps its own, a new one
  // gets the stated default (zero; the end of the fiscal quarter or the chosen date).
  const isOpen = stage?.outcome === "OPEN";
  const amountText = (cells[m.amount] ?? "").trim();
  if (!amountText && isOpen) {
    fields.amountMinor = before?.amountMinor ?? 0n;
    fields.amountMissing = before?.amountMissing ?? true;
    defaulted.amount = !before;
  } else {
    fields.amountMissing = false;
    const amount = parseAmount(amountText, { digits: o.digits, decimalSeparator: ".", currency: o.currency });
    if (!amount.ok) reasons.push(amount.reason);
    else if (amount.minor < 0n) reasons.push(`negative amount ${quoteCell(amountText)}`);
    else if (amount.isRounded) reasons.push(`amount ${quoteCell(amountText)} has more than ${o.digits} decimals`);
    else fields.amountMinor = amount.minor;
  }
  if (!stageText) reasons.push("empty stage");
  else if (!stage) reasons.push(`unknown stage ${quoteCell(stageText)}`);
  const dateText = (cells[m.closeDate] ?? "").trim();
  if (!dateText && isOpen) {
    fields.expectedCloseDate = before?.expectedCloseDate ?? o.defaultCloseDate ?? o.quarterEnd;
    defaulted.closeDate = !before;
  } else {
    const date = parseDate(dateText, o.dateFormat, "UTC");
    if (!date.ok) reasons.push(date.reason.replace("date", "close date"));
    else fields.expectedCloseDate = date.instant.toISOString().slice(0, 10);
  }
  const probabilityText = optional(cells, m.probability);
  const probabilityBp = probabilityText ? parseProbability(probabilityText) : null;
  if (probabilityText && probabilityBp === null)
    reasons.push(`probability ${quoteCell(probabilityText)} is not a percentage from 0 to 100`);
  const categoryText = optional(cells, m.category);
  const category = categoryText
    ? resolveCategory(categoryText, o.categoryMap ?? {}, o.rememberedCategoryMap ?? {})
    : null;
  if (categoryText && !category) reasons.push(`unknown forecast category ${quoteCell(categoryText)}`);
  if (
    stage &&
    category &&
    ((stage.outcome === "WON") !== (category === "CLOSED") || (stage.outcome === "LOST" && category !== "OMITTED"))
  ) {
    reasons.push(`forecast category ${quoteCell(categoryText)} does not fit stage ${stage.name}`);
  }
  const ownerText = optional(cells, m.owner);
  if (ownerText) {
    const ownerId = o.members.get(stageKey(ownerText));
    if (ownerId) fields.ownerId = ownerId;
    else if (!o.unmappedOwnerToImporter) reasons.push(`unknown owner ${quoteCell(ownerText)}`);
  }
  const departmentText = optional(cells, m.sourceDepartment);
  if (departmentText) {
    const department = o.departments.get(fold(departmentText));
    if (department) fields.sourceDepartmentId = department.id;
    else reasons.push(`unknown source department ${quoteCell(departmentText)}`);
  }
  return { fields, probabilityBp, category };
}

const FIELDS = [
  "name",
  "account",
  "amountMinor",
  "stageId",
  "probabilityBp",
  "forecastCategory",
  "expectedCloseDate",
  "ownerId",
  "sourceDepartmentId",
] as const;
type THistoryValue = string | number | null;
const asHistory = (v: unknown): THistoryValue =>
  typeof v === "bigint" ? v.toString() : typeof v === "number" || typeof v === "string" ? v : null;

/** The stored fields after this row, and what moved, against the deal as it is (or null: a new deal). */
function plan(
  read: TRead & {
    fields: Required<
      Pick<TRead["fields"], "name" | "account" | "amountMinor" | "amountMissing" | "stage" | "expectedCloseDate">
    >;
  },
  before: TExistingDeal | undefined,
  importerId: string,
) {
  const { stage } = read.fields;
  const moved = !before || stage.id !== before.stageId;
  const fields: TDealFields = {
    name: read.fields.name,
    account: read.fields.account,
    amountMinor: read.fields.amountMinor,
    amountMissing: read.fields.amountMissing,
    stageId: stage.id,
    outcome: stage.outcome,
    probabilityBp: read.probabilityBp ?? (moved ? stage.probabilityBp : (before?.probabilityBp ?? stage.probabilityBp)),
    forecastCategory:
      read.category ??
      (moved
        ? categoryForStage(stage.outcome, before?.forecastCategory ?? null, stage.name)
        : (before?.forecastCategory ?? categoryForStage(stage.outcome, null, stage.name))),
    expectedCloseDate: read.fields.expectedCloseDate,
    ownerId: read.fields.ownerId ?? before?.ownerId ?? importerId,
    sourceDepartmentId: read.fields.sourceDepartmentId ?? before?.sourceDepartmentId ?? null,
  };
  // A deal without an amount reads as "—" in its history, so an amount given later (even 0) is a change.
  const value = (deal: TDealFields, f: (typeof FIELDS)[number]) =>
    f === "amountMinor" && deal.amountMissing ? null : asHistory(deal[f]);
  const changes = before
    ? Object.fromEntries(
        FIELDS.filter((f) => value(before, f) !== value(fields, f)).map((f) => [
          f,
          [value(before, f), value(fields, f)] as [THistoryValue, THistoryValue],
        ]),
      )
    : {};
  return { fields, changes };
}

/** Why a file may not make this change, if it may not. */
function refusal(before: TExistingDeal, after: TDealFields, quarterEnd: string): string | null {
  if (before.outcome !== "LOST" && after.outcome === "LOST")
    return "this row loses the deal, which needs a cause and a responsible department: lose it on the pipeline page";
  if (
    before.outcome === "OPEN" &&
    after.outcome === "OPEN" &&
    before.expectedCloseDate <= quarterEnd &&
    after.expectedCloseDate > quarterEnd
  ) {
    return `this row moves the close date out of the current quarter (after ${quarterEnd}), which needs a cause and a responsible department: move it on the pipeline page`;
  }
  return null;
}

/** Validates every data row of `table`; an external id given on more than one line makes all of them bad. */
export function validateOpportunityRows(table: TCsvTable, options: TOpportunityRowOptions): TOpportunityRowsResult {
  const malformed = new Set(table.malformedLines);
  const linesById = new Map<string, number[]>();
  for (const { line, cells } of table.rows) {
    const id = (cells[options.mapping.externalId] ?? "").trim();
    if (id) linesById.set(id, [...(linesById.get(id) ?? []), line]);
  }
  const accepted: TOpportunityImportRow[] = [];
  const bad: TBadRow[] = [];
  for (const { line, cells } of table.rows) {
    const reasons: string[] = malformed.has(line) ? ["malformed CSV quoting"] : [];
    const externalId = text(cells, options.mapping.externalId, "external id", reasons);
    const others = (linesById.get(externalId) ?? []).filter((l) => l !== line);
    if (others.length)
      reasons.push(
        `external id ${quoteCell(externalId)} is also on line${others.length > 1 ? "s" : ""} ${others.slice(0, 5).join(", ")}`,
      );
    const before = options.existing.get(externalId);
    const defaulted = { closeDate: false, amount: false };
    const read = readCells(cells, options, before, reasons, defaulted);
    const f = read.fields;
    if (
      reasons.length ||
      f.name === undefined ||
      f.account === undefined ||
      f.amountMinor === undefined ||
      f.amountMissing === undefined ||
      !f.stage ||
      !f.expectedCloseDate
    ) {
      bad.push({ line, reason: reasons.join("; ") });
      continue;
    }
    const { fields, changes } = plan(
      {
        ...read,
        fields: {
          ...f,
          name: f.name,
          account: f.account,
          amountMinor: f.amountMinor,
          amountMissing: f.amountMissing,
          stage: f.stage,
          expectedCloseDate: f.expectedCloseDate,
        },
      },
      before,
      options.importerId,
    );
    const refused = before && Object.keys(changes).length ? refusal(before, fields, options.quarterEnd) : null;
    if (refused) bad.push({ line, reason: refused });
    else
      accepted.push({
        line,
        externalId,
        kind: !before ? "new" : Object.keys(changes).length ? "changed" : "unchanged",
        id: before?.id ?? null,
        fields,
        changes,
        defaulted,
      });
  }
  return { accepted, bad };
}
