// The dashboard's period picker: a fiscal year, one of its quarters or months, year-to-date, or a
// custom run of months, resolved to its months and to the as-of date D of DESIGN.md (today in the
// organization's zone; for a range that has ended, its last day).
import { TZDate } from "@date-fns/tz";
import { isSupportedYear } from "./date-range";
import type { TAsOf } from "./metrics";
import {
  addMonths,
  fiscalYearLabel,
  fiscalYearMonths,
  fiscalYearOfMonth,
  isMonthKey,
  monthKey,
  monthLabel,
  type MonthKey,
} from "./period";

export type TLocalDate = { year: number; month: number; day: number };
export type TPeriod =
  | { kind: "fy"; fiscalYear: number }
  | { kind: "ytd"; fiscalYear: number }
  | { kind: "quarter"; fiscalYear: number; quarter: number }
  | { kind: "month"; month: MonthKey }
  | { kind: "range"; from: MonthKey; to: MonthKey };

/** A custom run of months is at most three years long: longer views are fiscal years. */
export const MAX_RANGE_MONTHS = 36;

export function todayIn(timeZone: string, now: Date = new Date()): TLocalDate {
  const local = new TZDate(now.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const monthsBetween = (from: MonthKey, to: MonthKey) => {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
};

/** Only years of the supported range (lib/date-range.ts): a forged "fy-9999" is the current year. */
const isYear = (text: string | undefined) => /^\d{4}$/.test(text ?? "") && isSupportedYear(Number(text));

/** "fy-2026", "ytd-2026", "q-2026-3", "m-2026-11", "r-2026-03-2026-08"; anything else is the current fiscal year. */
export function parsePeriod(param: string | undefined, today: TLocalDate, fiscalYearStartMonth: number): TPeriod {
  const currentFy = fiscalYearOfMonth(monthKey(today.year, today.month), fiscalYearStartMonth);
  const [kind, a, b, c, d] = (param ?? "").split("-");
  const year = Number(a);
  if (kind === "fy" && isYear(a)) return { kind: "fy", fiscalYear: year };
  if (kind === "ytd" && isYear(a)) return { kind: "ytd", fiscalYear: year };
  if (kind === "q" && isYear(a) && ["1", "2", "3", "4"].includes(b ?? ""))
    return { kind: "quarter", fiscalYear: year, quarter: Number(b) };
  const month = `${a}-${b}`;
  if (kind === "m" && isYear(a) && isMonthKey(month)) return { kind: "month", month };
  const to = `${c}-${d}`;
  if (kind === "r" && isYear(a) && isYear(c) && isMonthKey(month) && isMonthKey(to)) {
    const length = monthsBetween(month, to);
    if (length >= 1 && length <= MAX_RANGE_MONTHS) return { kind: "range", from: month, to };
  }
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
    case "range":
      return `r-${period.from}-${period.to}`;
  }
}

/** D's own month when the period reaches it: the month in progress, day d of n. */
export type TMonthInProgress = { month: MonthKey; day: number; daysInMonth: number };

export type TResolvedPeriod = {
  period: TPeriod;
  fiscalYear: number;
  /** The 12 months of the fiscal year the period belongs to (for a custom range: the year of D, or of its last month). */
  yearMonths: MonthKey[];
  /** The months of the period itself. */
  months: MonthKey[];
  /**
   * The period's completed months (last day before D): what "to date" compares. All of them for a
   * range that has ended; none for one that has not started.
   */
  toDateMonths: MonthKey[];
  /** Set when D's month is one of the period's months. */
  inProgress: TMonthInProgress | null;
  /** The period has not started by D: every month is after D's month. */
  isFuture: boolean;
  asOf: TAsOf;
  label: string;
};

function monthsOf(
  period: TPeriod,
  yearMonths: MonthKey[],
  todayMonth: MonthKey,
): { months: MonthKey[]; label: string } {
  switch (period.kind) {
    case "fy":
      return { months: yearMonths, label: "" };
    case "ytd":
      return { months: yearMonths.filter((m) => m <= todayMonth), label: "" };
    case "quarter":
      return { months: yearMonths.slice((period.quarter - 1) * 3, period.quarter * 3), label: "" };
    case "month":
      return { months: [period.month], label: monthLabel(period.month) };
    case "range": {
      const months = Array.from({ length: monthsBetween(period.from, period.to) }, (_, i) => addMonths(period.from, i));
      return { months, label: `${monthLabel(period.from)} – ${monthLabel(period.to)}` };
    }
  }
}

export function resolvePeriod(period: TPeriod, today: TLocalDate, fiscalYearStartMonth: number): TResolvedPeriod {
  const todayMonth = monthKey(today.year, today.month);
  const fiscalYear = (() => {
    switch (period.kind) {
      case "month":
        return fiscalYearOfMonth(period.month, fiscalYearStartMonth);
      case "range": {
        // The year whose forecast the range is read against: D's, when the range reaches it.
        let anchor = todayMonth;
        if (anchor < period.from) anchor = period.from;
        else if (anchor > period.to) anchor = period.to;
        return fiscalYearOfMonth(anchor, fiscalYearStartMonth);
      }
      default:
        return period.fiscalYear;
    }
  })();
  const yearMonths = fiscalYearMonths(fiscalYear, fiscalYearStartMonth);
  const { months, label: ownLabel } = monthsOf(period, yearMonths, todayMonth);
  const fy = fiscalYearLabel(fiscalYear);
  const label =
    period.kind === "fy"
      ? fy
      : period.kind === "ytd"
        ? `${fy} year to date`
        : period.kind === "quarter"
          ? `Q${period.quarter} ${fy}`
          : ownLabel;
  const last = months.at(-1) ?? yearMonths[0] ?? todayMonth;
  const hasEnded = last < todayMonth;
  const asOf: TAsOf = hasEnded ? { month: last, isMonthComplete: true } : { month: todayMonth, isMonthComplete: false };
  return {
    period,
    fiscalYear,
    yearMonths,
    months,
    toDateMonths: months.filter((m) => m < todayMonth),
    inProgress: months.includes(todayMonth)
      ? { month: todayMonth, day: today.day, daysInMonth: daysInMonth(today.year, today.month) }
      : null,
    isFuture: (months[0] ?? todayMonth) > todayMonth,
    asOf,
    label,
  };
}

/** "through November" (or "through Nov 2025" when the year differs from D's): the last month a to-date figure covers. */
export function throughLabel(months: MonthKey[], todayMonth: MonthKey): string | null {
  const last = months.at(-1);
  if (!last) return null;
  return `through ${monthLabel(last, { long: true, withYear: last.slice(0, 4) !== todayMonth.slice(0, 4) })}`;
}
