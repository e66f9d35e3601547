import { fiscalYearOfMonth, monthKey, type MonthKey } from "./period";

// DESIGN.md "The numbers": every period or quarter picker offers each fiscal year that has targets,
// actuals or deals, so a year of old imported data is never out of reach.

/**
 * Every fiscal year from the first to the last month with data (`span`, null without any), always
 * including the current fiscal year and the next one (targets are set ahead), oldest first.
 */
export function fiscalYearsWithData(
  span: { first: MonthKey; last: MonthKey } | null,
  fiscalYearStartMonth: number,
  today: { year: number; month: number },
): number[] {
  const current = fiscalYearOfMonth(monthKey(today.year, today.month), fiscalYearStartMonth);
  const first = span ? Math.min(fiscalYearOfMonth(span.first, fiscalYearStartMonth), current) : current;
  const last = span ? Math.max(fiscalYearOfMonth(span.last, fiscalYearStartMonth), current + 1) : current + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** `years` with `extra` added when a link asked for a year outside them (it stays selectable), sorted. */
export const withYear = (years: number[], extra: number | undefined): number[] =>
  extra === undefined || years.includes(extra) ? years : [...years, extra].sort((a, b) => a - b);
