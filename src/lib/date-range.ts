// The one range of dates the app stores and shows: years 2000 to 2100. Forms, imports, URL
// parameters and the period picker all refuse (or drop) a date outside it, so no record can be
// dated where no view reaches it, and no query is handed a year like 0000 or 9999.

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const DATE_RANGE_MESSAGE = `Dates are between ${MIN_YEAR} and ${MAX_YEAR}.`;

export const isSupportedYear = (year: number) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** A real calendar date "YYYY-MM-DD" (no 2026-02-30) within the supported years. */
export function isSupportedIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isSupportedYear(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "YYYY-MM" within the supported years. */
export const isSupportedMonthKey = (text: string) =>
  /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && isSupportedYear(Number(text.slice(0, 4)));
