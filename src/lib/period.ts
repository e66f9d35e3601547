import { TZDate } from "@date-fns/tz";

/**
 * Fiscal years are named by the calendar year in which they end: with an April start,
 * FY2027 runs from April 2026 to March 2027; with a January start, FY2026 is calendar 2026.
 */
export function fiscalYearOf(instant: Date, fiscalYearStartMonth: number, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  const month = local.getMonth() + 1;
  const year = local.getFullYear();
  if (fiscalYearStartMonth === 1) return year;
  return month >= fiscalYearStartMonth ? year + 1 : year;
}

export const fiscalYearLabel = (fiscalYear: number) => `FY${fiscalYear}`;
