import { TZDate } from "@date-fns/tz";
import { isSupportedYear, MAX_YEAR, MIN_YEAR } from "../date-range";
import { monthKey, monthOf, type MonthKey } from "../period";
import { quoteCell } from "./quote";

// Dates from exported files. A date or date-time without an offset is a wall-clock time in the
// organization's zone (a bare date is local midnight); an explicit Z or ±hh:mm is honoured. Year-first
// dates are never ambiguous; "03/04/2026" is, so the reading order is detected or chosen.

export const DATE_FORMATS = ["ISO", "DAY_FIRST", "MONTH_FIRST"] as const;
export type TDateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<TDateFormat, string> = {
  ISO: "Year first (2026-03-04)",
  DAY_FIRST: "Day first (04/03/2026 = 4 March)",
  MONTH_FIRST: "Month first (03/04/2026 = 4 March)",
};

export type TDateResult = { ok: true; instant: Date; month: MonthKey } | { ok: false; reason: string };

type TParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offsetMinutes: number | null;
};

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NUMERIC =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?)?$/i;

const num = (text: string | undefined) => (text ? Number(text) : 0);

function parseOffset(text: string | undefined): number | null {
  if (!text) return null;
  if (text.toUpperCase() === "Z") return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(text) ?? [];
  const total = num(hours) * 60 + num(minutes);
  return num(hours) > 14 || num(minutes) > 59 ? Number.NaN : sign === "-" ? -total : total;
}

function readIso(m: RegExpExecArray): TParts {
  const ms = num((m[7] ?? "").slice(0, 3).padEnd(3, "0"));
  return {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3]),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    ms,
    offsetMinutes: parseOffset(m[8]),
  };
}

function readNumeric(m: RegExpExecArray, format: TDateFormat): TParts | null {
  if (format === "ISO") return null;
  const [first, second] = [num(m[1]), num(m[2])];
  // Two-digit years are this century's: exports of revenue are never from the 1900s.
  const year = m[3]?.length === 2 ? 2000 + num(m[3]) : num(m[3]);
  let hour = num(m[4]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  const [day, month] = format === "DAY_FIRST" ? [first, second] : [second, first];
  return { year, month, day, hour, minute: num(m[5]), second: num(m[6]), ms: 0, offsetMinutes: null };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isValid(p: TParts): boolean {
  return (
    p.year >= 1900 &&
    p.year <= 2199 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59 &&
    p.second <= 59 &&
    !Number.isNaN(p.offsetMinutes)
  );
}

function toResult(p: TParts, timeZone: string): TDateResult {
  if (p.offsetMinutes !== null) {
    const instant = new Date(
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - p.offsetMinutes * 60_000,
    );
    return { ok: true, instant, month: monthOf(instant, timeZone) };
  }
  const local = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms, timeZone);
  // A wall-clock time belongs to the month written on it (a daylight-saving gap never crosses a month).
  return { ok: true, instant: new Date(local.getTime()), month: monthKey(p.year, p.month) };
}

/** Reads one date cell in `format`, as a wall-clock time in `timeZone` unless it carries an offset. */
export function parseDate(raw: string, format: TDateFormat, timeZone: string): TDateResult {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "empty date" };
  const iso = ISO.exec(text);
  const numeric = iso ? null : NUMERIC.exec(text);
  const parts = iso ? readIso(iso) : numeric ? readNumeric(numeric, format) : null;
  if (!parts || !isValid(parts)) return { ok: false, reason: `unparseable date ${quoteCell(text)}` };
  if (!isSupportedYear(parts.year))
    return { ok: false, reason: `date ${quoteCell(text)} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  return toResult(parts, timeZone);
}

/** parseDate with a memo: an export repeats the same few hundred dates across thousands of lines. */
export function createDateParser(format: TDateFormat, timeZone: string): (raw: string) => TDateResult {
  const memo = new Map<string, TDateResult>();
  return (raw) => {
    let result = memo.get(raw);
    if (!result) {
      result = parseDate(raw, format, timeZone);
      if (memo.size > 50_000) memo.clear();
      memo.set(raw, result);
    }
    return result;
  };
}

export type TDateDetection = { format: TDateFormat | null; ambiguousExample: string | null };

/**
 * The reading order of a date column: year-first dates only → ISO; a first part above 12 somewhere →
 * day-first; a second part above 12 → month-first; otherwise (or if both occur) the user must choose.
 */
export function detectDateFormat(values: Iterable<string>): TDateDetection {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguousExample: string | null = null;
  for (const raw of values) {
    const text = raw.trim();
    const m = ISO.test(text) ? null : NUMERIC.exec(text);
    if (!m) continue;
    const [first, second] = [num(m[1]), num(m[2])];
    if (first > 12) dayFirst = true;
    else if (second > 12) monthFirst = true;
    else ambiguousExample ??= text;
  }
  if (dayFirst !== monthFirst) return { format: dayFirst ? "DAY_FIRST" : "MONTH_FIRST", ambiguousExample };
  if (!dayFirst && ambiguousExample === null) return { format: "ISO", ambiguousExample };
  return { format: null, ambiguousExample };
}
