import type { ForecastCategory } from "@db/enums";
import { stageKey, type TStageMap } from "./opportunity-stage-map";

// Besides its stages, a CRM export names owners its own way ("Sam Okafor", "SAM@ACME.EXAMPLE") and
// spells forecast categories its own way ("Best Case", "Not forecasted"). Like the stages, each
// distinct value of the file maps to one of ours: the user's choice in the wizard, else the mapping
// remembered from the last import, else a proposal by name. Pure.

/** Folded value → a member's user id (owners) or a ForecastCategory (categories); "" means "not mapped". */
export type TValueMap = TStageMap;

export type TOwnerChoice = { userId: string; name: string; email: string };

/**
 * The member a file's owner value names without a choice: remembered, else the member whose email
 * or name it is (any case and spacing). A name two members share proposes no one.
 */
export function proposeOwner<M extends TOwnerChoice>(
  value: string,
  members: readonly M[],
  remembered: TValueMap,
): M | null {
  const key = stageKey(value);
  if (!key) return null;
  const kept = remembered[key];
  const byMemory = kept ? members.find((m) => m.userId === kept) : undefined;
  if (byMemory) return byMemory;
  const byEmail = members.find((m) => stageKey(m.email) === key);
  if (byEmail) return byEmail;
  const byName = members.filter((m) => stageKey(m.name) === key);
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

/** The member an owner value maps to: the user's choice (a member's id, or "" for none), else the proposal. */
export function resolveOwner<M extends TOwnerChoice>(
  value: string,
  members: readonly M[],
  chosen: TValueMap,
  remembered: TValueMap,
): M | null {
  const key = stageKey(value);
  if (Object.hasOwn(chosen, key)) return members.find((m) => m.userId === chosen[key]) ?? null;
  return proposeOwner(value, members, remembered);
}

export const FORECAST_CATEGORY_VALUES = [
  "PIPELINE",
  "BEST_CASE",
  "COMMIT",
  "CLOSED",
  "OMITTED",
] as const satisfies readonly ForecastCategory[];

// The usual spellings of Salesforce, HubSpot, Pipedrive and Dynamics exports, folded ("_" and "-" as spaces).
const CATEGORY_NAMES: Record<string, ForecastCategory> = {
  pipeline: "PIPELINE",
  open: "PIPELINE",
  "open pipeline": "PIPELINE",
  "best case": "BEST_CASE",
  bestcase: "BEST_CASE",
  upside: "BEST_CASE",
  "most likely": "BEST_CASE",
  probable: "BEST_CASE",
  commit: "COMMIT",
  committed: "COMMIT",
  forecast: "COMMIT",
  closed: "CLOSED",
  "closed won": "CLOSED",
  won: "CLOSED",
  omitted: "OMITTED",
  omit: "OMITTED",
  "not forecasted": "OMITTED",
  "not forecast": "OMITTED",
  excluded: "OMITTED",
  "closed lost": "OMITTED",
  lost: "OMITTED",
};

const isCategory = (v: string | undefined): v is ForecastCategory =>
  (FORECAST_CATEGORY_VALUES as readonly string[]).includes(v ?? "");

/** A forecast category by one of its usual names ("Best Case", "BEST_CASE", "not-forecasted"); null if none. */
export function parseCategory(raw: string): ForecastCategory | null {
  return CATEGORY_NAMES[stageKey(raw).replace(/[_-]/g, " ").replace(/\s+/g, " ")] ?? null;
}

/** The category a value maps to: the user's choice ("" for none), else remembered, else by its usual name. */
export function resolveCategory(value: string, chosen: TValueMap, remembered: TValueMap): ForecastCategory | null {
  const key = stageKey(value);
  if (!key) return null;
  if (Object.hasOwn(chosen, key)) return isCategory(chosen[key]) ? chosen[key] : null;
  const kept = remembered[key];
  return isCategory(kept) ? kept : parseCategory(value);
}

/** The mapping a commit remembers: the old one with each value of this file that maps set to its target. */
export function rememberValues(
  remembered: TValueMap,
  values: readonly { value: string; target: string | null }[],
): TValueMap {
  const next = { ...remembered };
  for (const v of values) if (v.target) next[stageKey(v.value)] = v.target;
  return next;
}

// A deal name composed from other columns when the export has none ("Initech — Platform").

export const NAME_SEPARATOR = " — ";
export const MAX_NAME_PARTS = 3;

/** The row's name from its `columns`' cells: the non-blank ones, trimmed, joined with " — " ("" if all are blank). */
export function composeName(cells: readonly string[], columns: readonly number[]): string {
  return columns
    .map((c) => (cells[c] ?? "").trim())
    .filter(Boolean)
    .join(NAME_SEPARATOR);
}

const PRODUCT = [
  /^(product|product[ _-]?name|item|plan|service|line[ _-]?item|offering)$/i,
  /product|item|plan|sku|service|offering/i,
];

/**
 * Columns to compose a name from when no column holds one: the account, then a product-like column
 * ("Product", "Plan", "Line item") if there is one. Empty without an account.
 */
export function guessNameParts(
  header: readonly string[],
  account: number | null,
  taken: ReadonlySet<number>,
): number[] {
  if (account === null) return [];
  for (const pattern of PRODUCT) {
    const product = header.findIndex((h, i) => i !== account && !taken.has(i) && pattern.test(h.trim()));
    if (product >= 0) return [account, product];
  }
  return [account];
}
