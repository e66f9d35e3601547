// The pipeline page's filters live in the URL (shareable, and the CSV export reads the same
// parameters). Each is parsed with zod; anything that does not parse is dropped rather than
// refused, and named in a notice: a stale or forged link shows the pipeline, never an error page.
import { z } from "zod";
import { isSupportedIsoDate, isSupportedYear } from "./date-range";
import { FORECAST_CATEGORIES } from "./schemas/pipeline";
import { isPrintableLine } from "./schemas/text";

/** "open" is the default (a forecast reads open deals); "all" is open, won and lost together. */
export const PIPELINE_STATUSES = ["open", "won", "lost", "all"] as const;
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
  /** Which outcomes: open deals unless the URL asks for won, lost or all of them. */
  status: (typeof PIPELINE_STATUSES)[number];
  stale?: boolean;
  /** Text searched in the deal's name and account. */
  q?: string;
  sort: (typeof PIPELINE_SORTS)[number];
  page: number;
};

type TParams = Record<string, string | string[] | undefined> | URLSearchParams;

const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ZQuarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/)
  .refine((v) => isSupportedYear(Number(v.slice(0, 4))));
const ZDate = z.string().refine(isSupportedIsoDate);
/** Searched text: one line of printable characters (a NUL cannot even reach PostgreSQL). */
const ZSearch = z.string().max(100).refine(isPrintableLine);
const ZPage = z.coerce.number().int().min(1).max(10_000);

/** Each URL parameter with its parser; the key is the parameter's name, which the notice shows. */
const PARAMS = {
  stage: ZId,
  owner: ZId,
  category: z.enum(FORECAST_CATEGORIES),
  from: ZDate,
  to: ZDate,
  quarter: ZQuarter,
  status: z.enum(PIPELINE_STATUSES),
  stale: z.enum(["1"]),
  q: ZSearch,
  sort: z.enum(PIPELINE_SORTS),
  page: ZPage,
} as const;
type TParsed = { [K in keyof typeof PARAMS]?: z.output<(typeof PARAMS)[K]> };

function read(params: TParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one?.trim() || undefined;
}

/**
 * The filters of the URL, and the names of the parameters that were given but do not parse (a
 * month 13, a quarter of year 9999, a NUL in the search): those are dropped, and the page says so.
 */
export function parsePipelineFiltersWithNotices(params: TParams): { filters: TPipelineFilters; ignored: string[] } {
  const parsed: TParsed = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(PARAMS) as [keyof typeof PARAMS, z.ZodType][]) {
    const raw = read(params, key);
    if (raw === undefined) continue;
    const result = schema.safeParse(raw);
    if (result.success) (parsed as Record<string, unknown>)[key] = result.data;
    else ignored.push(key);
  }
  const filters: TPipelineFilters = {
    stageId: parsed.stage,
    ownerId: parsed.owner,
    category: parsed.category,
    from: parsed.from,
    to: parsed.to,
    quarter: parsed.quarter,
    status: parsed.status ?? "open",
    stale: parsed.stale === "1",
    q: parsed.q,
    sort: parsed.sort ?? "updated",
    page: parsed.page ?? 1,
  };
  return { filters, ignored };
}

export function parsePipelineFilters(params: TParams): TPipelineFilters {
  return parsePipelineFiltersWithNotices(params).filters;
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
    status: filters.status === "open" ? undefined : filters.status,
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
