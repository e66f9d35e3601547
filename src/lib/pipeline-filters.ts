// The pipeline page's filters live in the URL (shareable, and the CSV export reads the same
// parameters). Anything that does not parse is dropped rather than refused: a stale link shows
// the unfiltered pipeline, never an error page.
import { FORECAST_CATEGORIES } from "./schemas/pipeline";

export const PIPELINE_STATUSES = ["open", "won", "lost"] as const;
export const PIPELINE_SORTS = ["updated", "close", "amount", "name"] as const;
export const PIPELINE_PAGE_SIZE = 50;

export type TPipelineFilters = {
  stageId?: string;
  ownerId?: string;
  category?: (typeof FORECAST_CATEGORIES)[number];
  /** Expected close date on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** A fiscal quarter, "2026-Q3" (fiscal year 2026, third quarter); overrides from/to. */
  quarter?: string;
  status?: (typeof PIPELINE_STATUSES)[number];
  stale?: boolean;
  /** Text searched in the deal's name and account. */
  q?: string;
  sort: (typeof PIPELINE_SORTS)[number];
  page: number;
};

type TParams = Record<string, string | string[] | undefined> | URLSearchParams;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function read(params: TParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one?.trim() || undefined;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

export function parsePipelineFilters(params: TParams): TPipelineFilters {
  const pick = (key: string, pattern: RegExp) => {
    const v = read(params, key);
    return v && pattern.test(v) ? v : undefined;
  };
  const page = Number(read(params, "page"));
  return {
    stageId: pick("stage", ID),
    ownerId: pick("owner", ID),
    category: oneOf(FORECAST_CATEGORIES, read(params, "category")),
    from: pick("from", ISO_DATE),
    to: pick("to", ISO_DATE),
    quarter: pick("quarter", QUARTER),
    status: oneOf(PIPELINE_STATUSES, read(params, "status")),
    stale: read(params, "stale") === "1",
    q: read(params, "q")?.slice(0, 100),
    sort: oneOf(PIPELINE_SORTS, read(params, "sort")) ?? "updated",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL query of `filters` (defaults left out), with `changes` applied. */
export function pipelineQuery(filters: TPipelineFilters, changes: Partial<Record<string, string | null>> = {}): string {
  const entries: Record<string, string | undefined> = {
    stage: filters.stageId,
    owner: filters.ownerId,
    category: filters.category,
    from: filters.from,
    to: filters.to,
    quarter: filters.quarter,
    status: filters.status,
    stale: filters.stale ? "1" : undefined,
    q: filters.q,
    sort: filters.sort === "updated" ? undefined : filters.sort,
    page: filters.page > 1 ? String(filters.page) : undefined,
  };
  for (const [key, value] of Object.entries(changes)) entries[key] = value ?? undefined;
  const query = new URLSearchParams(Object.entries(entries).filter((e): e is [string, string] => Boolean(e[1])));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const FORECAST_CATEGORY_LABELS: Record<(typeof FORECAST_CATEGORIES)[number], string> = {
  PIPELINE: "Pipeline",
  BEST_CASE: "Best case",
  COMMIT: "Commit",
  CLOSED: "Closed",
  OMITTED: "Omitted",
};
