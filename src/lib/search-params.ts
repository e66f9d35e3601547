import { z } from "zod";
import { isSupportedYear } from "./date-range";
import { periodParam, type TPeriod } from "./period-selection";
import { isPrintableLine } from "./schemas/text";

// The URL parameters of the pages other than the pipeline (lib/pipeline-filters.ts): each parsed
// with zod, and a given but invalid one dropped and named in a notice instead of reaching a query.

export type TSearchParams = Record<string, string | string[] | undefined>;

/** One value of a parameter (the first when repeated), or undefined. */
const ZParam = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z.string().max(100).refine(isPrintableLine).optional().catch(undefined),
);

export function readParam(params: TSearchParams, key: string): string | undefined {
  return ZParam.parse(params[key]) || undefined;
}

/** Whether a given ?period= was not read as written (parsePeriod falls back to the current year). */
export function isIgnoredPeriod(given: string | undefined, resolved: TPeriod): boolean {
  return given !== undefined && periodParam(resolved) !== given;
}

/** ?fy= of the revenue page: a fiscal year in the supported range, else undefined. */
export const parseFiscalYearParam = (given: string | undefined): number | undefined => {
  const parsed = z.coerce.number().int().refine(isSupportedYear).safeParse(given);
  return given !== undefined && /^\d{4}$/.test(given) && parsed.success ? parsed.data : undefined;
};

/** The notice a page shows for dropped parameters: "Ignored an invalid filter: from". */
export function ignoredNotice(names: string[]): string | null {
  if (!names.length) return null;
  return names.length === 1 ? `Ignored an invalid filter: ${names[0]}` : `Ignored invalid filters: ${names.join(", ")}`;
}

/** A record id as the app writes them (cuid, uuid, or a seed's readable id): anything else is not found. */
export const isRecordId = (id: unknown): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
