import { addMonths, monthToDbDate, type MonthKey } from "./period";

// Calendar days as the app passes them around: YYYY-MM-DD strings.

/**
 * YYYY-MM-DD of a date: a database `@db.Date` value (midnight UTC) read as the day it names, or a
 * local date such as the organization's today (src/lib/period-selection.ts `todayIn`).
 */
export function isoDate(d: Date | { year: number; month: number; day: number }): string {
  if (d instanceof Date) return d.toISOString().slice(0, 10);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** The last day (YYYY-MM-DD) of a month. */
export const lastDayOfMonth = (month: MonthKey): string =>
  isoDate(new Date(monthToDbDate(addMonths(month, 1)).getTime() - 86_400_000));
