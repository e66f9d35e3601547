// The dashboard's period picker: a fiscal year, one of its quarters or months, or year-to-date,
// resolved to its months and to the as-of date D of DESIGN.md (today in the organization's zone;
// for a range that has ended, its last day).
import { TZDate } from "@date-fns/tz";
import { isSupportedYear } from "./date-range";
import type { TAsOf } from "./metrics";
import { fiscalYearLabel, fiscalYearMonths, fiscalYearOfMonth, isMonthKey, monthKey, monthLabel, type MonthKey } from "./period";

export type TLocalDate = { year: number; month: number; day: number };
export type TPeriod =
  | { kind: "fy"; fiscalYear: number }
  | { kind: "ytd"; fiscalYear: number }
  | { kind: "quarter"; fiscalYear: number; quarter: number }
  | { kind: "month"; month: MonthKey };

export function todayIn(timeZone: string, now: Date = new Date()): TLocalDate {
  const local = new TZDate(now.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "fy-2026", "ytd-2026", "q-2026-3", "m-2026-11"; anything else is the current fiscal year. */
export function parsePeriod(param: string | undefined, today: TLocalDate, fiscalYearStartMonth: number): TPeriod {
  const currentFy = fiscalYearOfMonth(monthKey(today.year, today.month), fiscalYearStartMonth);
  const [kind, a, b] = (param ?? "").split("-");
  const year = Number(a);
  // Only years of the supported range (lib/date-range.ts): a forged "fy-9999" is the current year.
  const isYear = /^\d{4}$/.test(a ?? "") && isSupportedYear(year);
  if (kind === "fy" && isYear) return { kind: "fy", fiscalYear: year };
  if (kind === "ytd" && isYear) return { kind: "ytd", fiscalYear: year };
  if (kind === "q" && isYear && ["1", "2", "3", "4"].includes(b ?? "")) return { kind: "quarter", fiscalYear: year, quarter: Number(b) };
  const month = `${a}-${b}`;
  if (kind === "m" && isYear && isMonthKey(month)) return { kind: "month", month };
  return { kind: "fy", fiscalYear: currentFy };
}

export function periodParam(period: TPeriod): string {
  switch (period.kind) {
    case "fy":
    case "ytd":
      return `${period.kind}-${period.fiscalYear}`;
    case "quarter":
      return `q-${period.fiscalYear}-${period.quarter}`;
    case "month":
      return `m-${period.month}`;
  }
}

export type TResolvedPeriod = {
  period: TPeriod;
  fiscalYear: number;
  /** The 12 months of the fiscal year the period belongs to. */
  yearMonths: MonthKey[];
  /** The months of the period itself. */
  months: MonthKey[];
  asOf: TAsOf;
  label: string;
};

export function resolvePeriod(period: TPeriod, today: TLocalDate, fiscalYearStartMonth: number): TResolvedPeriod {
  const todayMonth = monthKey(today.year, today.month);
  const fiscalYear = period.kind === "month" ? fiscalYearOfMonth(period.month, fiscalYearStartMonth) : period.fiscalYear;
  const yearMonths = fiscalYearMonths(fiscalYear, fiscalYearStartMonth);
  let months: MonthKey[];
  let label: string;
  switch (period.kind) {
    case "fy":
      months = yearMonths;
      label = fiscalYearLabel(fiscalYear);
      break;
    case "ytd":
      months = yearMonths.filter((m) => m <= todayMonth);
      label = `${fiscalYearLabel(fiscalYear)} year to date`;
      break;
    case "quarter":
      months = yearMonths.slice((period.quarter - 1) * 3, period.quarter * 3);
      label = `Q${period.quarter} ${fiscalYearLabel(fiscalYear)}`;
      break;
    case "month":
      months = [period.month];
      label = monthLabel(period.month);
  }
  const last = months.at(-1) ?? yearMonths[0] ?? todayMonth;
  const hasEnded = last < todayMonth;
  const asOf: TAsOf = hasEnded
    ? { month: last, isLastDayOfMonth: true }
    : { month: todayMonth, isLastDayOfMonth: today.day === daysInMonth(today.year, today.month) };
  return { period, fiscalYear, yearMonths, months, asOf, label };
}
