import { TZDate } from "@date-fns/tz";

// Months are labels ("2026-03") read in the organization's time zone; each is the half-open range
// [first instant of the month, first instant of the next) in that zone. Fiscal years are named by
// the calendar year in which they end: with an April start, FY2027 runs April 2026 – March 2027.

export type MonthKey = `${number}-${string}`;

export const monthKey = (year: number, month: number): MonthKey =>
  `${year}-${String(month).padStart(2, "0")}` as MonthKey;

export function parseMonthKey(key: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`not a month: ${key}`);
  return { year, month };
}

export const isMonthKey = (key: string): key is MonthKey => /^\d{4}-(0[1-9]|1[0-2])$/.test(key);

/** The month `offset` months after `key`. */
export function addMonths(key: MonthKey, offset: number): MonthKey {
  const { year, month } = parseMonthKey(key);
  const index = year * 12 + (month - 1) + offset;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** The month an instant falls in, read in `timeZone`. */
export function monthOf(instant: Date, timeZone: string): MonthKey {
  const local = new TZDate(instant.getTime(), timeZone);
  return monthKey(local.getFullYear(), local.getMonth() + 1);
}

/** [start, end) instants of a month in `timeZone` (lengths differ across daylight-saving changes). */
export function monthRange(key: MonthKey, timeZone: string): { start: Date; end: Date } {
  const { year, month } = parseMonthKey(key);
  const start = new TZDate(year, month - 1, 1, 0, 0, 0, 0, timeZone);
  const end = new TZDate(year, month, 1, 0, 0, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** The instant a calendar date (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDate(year: number, month: number, day: number, timeZone: string): Date {
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone).getTime());
}

/** A month as the first day of it at UTC midnight: how Prisma reads and writes a `@db.Date` month. */
export const monthToDbDate = (key: MonthKey) => new Date(`${key}-01T00:00:00Z`);
export const dbDateToMonth = (date: Date): MonthKey => date.toISOString().slice(0, 7) as MonthKey;

export function fiscalYearOfMonth(key: MonthKey, fiscalYearStartMonth: number): number {
  const { year, month } = parseMonthKey(key);
  if (fiscalYearStartMonth === 1) return year;
  return month >= fiscalYearStartMonth ? year + 1 : year;
}

export function fiscalYearOf(instant: Date, fiscalYearStartMonth: number, timeZone: string): number {
  return fiscalYearOfMonth(monthOf(instant, timeZone), fiscalYearStartMonth);
}

/** The 12 months of fiscal year `fy`, first to last. */
export function fiscalYearMonths(fy: number, fiscalYearStartMonth: number): MonthKey[] {
  const first = monthKey(fiscalYearStartMonth === 1 ? fy : fy - 1, fiscalYearStartMonth);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

/** 1–4: the fiscal quarter a month falls in. */
export function fiscalQuarterOfMonth(key: MonthKey, fiscalYearStartMonth: number): number {
  const fy = fiscalYearOfMonth(key, fiscalYearStartMonth);
  return Math.floor(fiscalYearMonths(fy, fiscalYearStartMonth).indexOf(key) / 3) + 1;
}

export const fiscalYearLabel = (fiscalYear: number) => `FY${fiscalYear}`;

const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Mar 2026"; "Mar" without the year; "March 2026" / "March" when long. */
export function monthLabel(key: MonthKey, options: { withYear?: boolean; long?: boolean } = {}): string {
  const { year, month } = parseMonthKey(key);
  const name = (options.long ? MONTH_LONG : MONTH_SHORT)[month - 1] ?? "";
  return options.withYear === false ? name : `${name} ${year}`;
}
