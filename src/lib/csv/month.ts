import { isSupportedYear, MAX_YEAR, MIN_YEAR } from "../date-range";
import { monthKey, type MonthKey } from "../period";
import { parseDate, type TDateFormat } from "./date";
import { quoteCell } from "./quote";

// Months in KPI files, as spreadsheets write them: "2026-03" (or 2026/03), "03/2026", "Mar 2026",
// "March 2026", or a full date of which the month is taken ("2026-03-31", "31/03/2026" read in the
// column's date format). A date with an explicit offset belongs to its month in the organization's zone.

export type TMonthResult = { ok: true; month: MonthKey } | { ok: false; reason: string };

const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const NAMED = /^(\p{L}+)\.?[\s,/-]+(\d{4})$/u;

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "mar", "march" and "sept" are March and September; anything else is not a month name. */
function monthOfName(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower === "sept") return 9;
  const index = MONTH_NAMES.findIndex((full) => full === lower || (lower.length === 3 && full.startsWith(lower)));
  return index < 0 ? null : index + 1;
}

function toMonth(year: number, month: number | null): MonthKey | null {
  return month !== null && isSupportedYear(year) && month >= 1 && month <= 12 ? monthKey(year, month) : null;
}

function readMonthOnly(text: string): MonthKey | null {
  const yearFirst = YEAR_MONTH.exec(text);
  if (yearFirst) return toMonth(Number(yearFirst[1]), Number(yearFirst[2]));
  const monthFirst = MONTH_YEAR.exec(text);
  if (monthFirst) return toMonth(Number(monthFirst[2]), Number(monthFirst[1]));
  const named = NAMED.exec(text);
  if (named) return toMonth(Number(named[2]), monthOfName(named[1] ?? ""));
  return null;
}

/** Reads one month cell; full dates are read in `dateFormat` and, with an offset, placed in `timeZone`. */
export function parseMonthCell(raw: string, dateFormat: TDateFormat, timeZone: string): TMonthResult {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "empty month" };
  const month = readMonthOnly(text);
  if (month) return { ok: true, month };
  const date = parseDate(text, dateFormat, timeZone);
  if (date.ok) return { ok: true, month: date.month };
  const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(text)?.[1];
  if (year && !isSupportedYear(Number(year)))
    return { ok: false, reason: `month ${quoteCell(text)} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  return { ok: false, reason: `unparseable month ${quoteCell(text)}` };
}
