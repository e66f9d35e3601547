// The board pack's pure half (issue 15): the headline tiles as the dashboard defines them for a range
// (one mapping, rendered by the dashboard's tiles and by the PDF alike), and the text rules of a PDF
// drawn with the standard Helvetica font.
import { formatRatio } from "./format";
import { FORECAST_KIND_LABELS, type TForecastKind } from "./forecast";
import type { TOutlook, TRangeSummary } from "./metrics";
import { formatMoney } from "./money";
import { fiscalYearLabel, monthKey, monthLabel, type MonthKey } from "./period";
import { periodParam, throughLabel, type TLocalDate, type TResolvedPeriod } from "./period-selection";

/** What the tiles read of the dashboard (getDashboard's result satisfies it). */
export type TTilesInput = {
  organization: { currency: string };
  resolved: TResolvedPeriod;
  today: TLocalDate;
  range: TRangeSummary;
  toDate: TRangeSummary;
  monthInProgress: {
    month: MonthKey;
    day: number;
    daysInMonth: number;
    targetMinor: bigint | null;
    actualMinor: bigint;
  } | null;
  annualTarget: bigint | null;
  stillToBook: bigint | null;
  forecast: bigint | null;
  forecastKind: TForecastKind;
  requiredRunRate: bigint | null;
  outlook: TOutlook | null;
};

/** One headline tile: the compact value shown, the exact amount beside it, a line of detail. */
export type THeadlineTile = {
  testId: string;
  label: string;
  value: string;
  exact?: string;
  detail?: string;
  /** Set on the outlook tile only: its value is this status in words. */
  outlook?: TOutlook | null;
};

export const OUTLOOK_LABELS: Record<TOutlook, string> = {
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  OFF_TRACK: "Off track",
};
export const outlookText = (outlook: TOutlook | null) => (outlook ? OUTLOOK_LABELS[outlook] : "Not yet known");

const abs = (v: bigint) => (v < 0n ? -v : v);

/** The year's three tiles: forecast, required per month, outlook. */
function yearTiles(data: TTilesInput, money: (v: bigint | null, compact?: boolean) => string): THeadlineTile[] {
  const { resolved } = data;
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const todayMonth = monthKey(data.today.year, data.today.month);
  const asOfNote = resolved.asOf.month < todayMonth ? `, as of ${monthLabel(resolved.asOf.month)}` : "";
  return [
    {
      testId: "tile-forecast",
      label: `Forecast ${fy}`,
      value: money(data.forecast),
      exact: money(data.forecast, false),
      detail:
        data.forecast === null
          ? "After the first month completes"
          : `${FORECAST_KIND_LABELS[data.forecastKind]}${asOfNote}`,
    },
    {
      testId: "tile-run-rate",
      label: "Required per month",
      value: money(data.requiredRunRate),
      exact: money(data.requiredRunRate, false),
      detail:
        data.requiredRunRate === null
          ? data.annualTarget === null
            ? `No target for ${fy}`
            : "No months left"
          : `For the rest of ${fy}${asOfNote}`,
    },
    { testId: "tile-outlook", label: `Outlook ${fy}`, value: outlookText(data.outlook), outlook: data.outlook },
  ];
}

/** A range that reaches today: to date (completed months), the month in progress, still to book. */
function toDateTiles(
  data: TTilesInput,
  inProgress: NonNullable<TTilesInput["monthInProgress"]>,
  money: (v: bigint | null, compact?: boolean) => string,
  locale: string,
): THeadlineTile[] {
  const { resolved, toDate } = data;
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const through = throughLabel(resolved.toDateMonths, monthKey(data.today.year, data.today.month));
  const gap = toDate.gap;
  const month = monthLabel(inProgress.month, { long: true, withYear: false });
  return [
    {
      testId: "tile-to-date",
      label: gap === null ? "Plan to date" : gap > 0n ? "Behind plan to date" : "Ahead of plan to date",
      value: gap === null ? "—" : money(abs(gap)),
      exact: gap === null ? undefined : money(abs(gap), false),
      detail: !through
        ? `No month of ${resolved.label} has ended yet`
        : gap === null
          ? `No target ${through}`
          : `${through} · ${formatRatio(toDate.actual, toDate.target, locale)} of plan`,
    },
    {
      testId: "tile-actual",
      label: "Actual to date",
      value: through ? money(toDate.actual) : "—",
      exact: through ? money(toDate.actual, false) : undefined,
      detail: through
        ? toDate.target === null
          ? through
          : `against ${money(toDate.target)} plan ${through}`
        : "Completed months only",
    },
    {
      testId: "tile-month",
      label: `${month} so far`,
      value: money(inProgress.actualMinor),
      exact: money(inProgress.actualMinor, false),
      detail: `${inProgress.targetMinor === null ? "No target" : `of ${money(inProgress.targetMinor)} target`} · day ${inProgress.day} of ${inProgress.daysInMonth}`,
    },
    {
      testId: "tile-still-to-book",
      label: data.stillToBook !== null && data.stillToBook <= 0n ? `${fy} target reached` : `Still to book ${fy}`,
      value: data.stillToBook === null ? "—" : money(abs(data.stillToBook)),
      exact: data.stillToBook === null ? undefined : money(data.stillToBook, false),
      detail:
        data.annualTarget === null
          ? `No target for ${fy}`
          : data.stillToBook !== null && data.stillToBook < 0n
            ? "above the annual target"
            : `of ${money(data.annualTarget)} annual target`,
    },
  ];
}

/** A range that has ended (or not begun), read whole: target, actual, gap, attainment. */
function wholeRangeTiles(
  data: TTilesInput,
  money: (v: bigint | null, compact?: boolean) => string,
  locale: string,
): THeadlineTile[] {
  const { resolved, range } = data;
  const label = resolved.label;
  return [
    {
      testId: "tile-target",
      label: `Target · ${label}`,
      value: money(range.target),
      exact: money(range.target, false),
      detail: range.target === null ? "Not set" : undefined,
    },
    {
      testId: "tile-actual",
      label: `Actual · ${label}`,
      value: resolved.isFuture ? "—" : money(range.actual),
      exact: resolved.isFuture ? undefined : money(range.actual, false),
      detail: resolved.isFuture ? "Not started" : undefined,
    },
    {
      testId: "tile-gap",
      label: range.gap !== null && range.gap < 0n ? "Ahead of target" : "Gap",
      value: resolved.isFuture ? "—" : money(range.gap === null ? null : abs(range.gap)),
      exact: resolved.isFuture ? undefined : money(range.gap, false),
      detail:
        range.gap === null || resolved.isFuture
          ? undefined
          : `${formatRatio(abs(range.gap), range.target, locale)} of target`,
    },
    {
      testId: "tile-attainment",
      label: "Attainment",
      value: resolved.isFuture ? "—" : formatRatio(range.actual, range.target, locale),
    },
  ];
}

/**
 * The dashboard's headline tiles for its range (DESIGN.md "The numbers"). A range that reaches today
 * reads "to date": its completed months against their target, the month in progress on its own, and
 * what is still to book for the year; one that has ended (or not begun) reads whole. Then the year's
 * forecast, required run rate and outlook. Values are compact; `exact` is the amount to the cent.
 */
export function headlineTiles(data: TTilesInput, locale: string): THeadlineTile[] {
  const money = (v: bigint | null, compact = true) =>
    v === null ? "—" : formatMoney(v, data.organization.currency, { locale, compact });
  const own = data.monthInProgress
    ? toDateTiles(data, data.monthInProgress, money, locale)
    : wholeRangeTiles(data, money, locale);
  return [...own, ...yearTiles(data, money)];
}

/** The characters of WinAnsi (the standard fonts' encoding) beyond Latin-1. */
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const isWinAnsi = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.includes(ch)
  );
};

/** Currency signs the standard fonts lack, as their codes; any other becomes "¤", the generic sign. */
const SIGN_CODES: Record<string, string> = {
  "₹": "INR",
  "₩": "KRW",
  "₺": "TRY",
  "₽": "RUB",
  "₴": "UAH",
  "₪": "ILS",
  "₫": "VND",
  "₱": "PHP",
  "₦": "NGN",
  "₸": "KZT",
  "₼": "AZN",
  "₾": "GEL",
  "₡": "CRC",
  "₲": "PYG",
  "₵": "GHS",
  "₭": "LAK",
  "₮": "MNT",
  "৳": "BDT",
  "฿": "THB",
  "₨": "Rs",
};

/**
 * Text for the PDF's standard Helvetica (WinAnsi encoding): characters it lacks become their
 * nearest it has, so no figure loses its sign or a space. Intl writes U+2212 for minus in some
 * locales and U+202F (narrow no-break space) as the French group separator; a currency sign the
 * font lacks (₹, ₩, ₺…) becomes its code.
 */
export function pdfText(text: string): string {
  return text
    .replace(/\u2212/g, "-")
    .replace(/[\u202F\u2007]/g, "\u00A0")
    .replace(/[\u2009\u200A\u2002\u2003]/g, " ")
    .replace(/\u200B|\u200E|\u200F|\u061C/g, "")
    .replace(/\u2265/g, ">=")
    .replace(/\u2264/g, "<=")
    .replace(/\uFFE5/g, "\u00A5")
    .replace(/\u2190/g, "<-")
    .replace(/\u2192/g, "->")
    .replace(/\p{Sc}(\d?)/gu, (match, digit: string) => {
      const sign = match.slice(0, match.length - digit.length);
      if (isWinAnsi(sign)) return match;
      return `${SIGN_CODES[sign] ?? "\u00A4"}${digit ? `\u00A0${digit}` : ""}`;
    });
}

/** The pack's file name: "acme-board-pack-q-2026-2.pdf". */
export const boardPackFilename = (slug: string, resolved: TResolvedPeriod) =>
  `${slug}-board-pack-${periodParam(resolved.period)}.pdf`;

/** The range's months not closed yet (in order): the footer says the pack includes them. */
export const unclosedMonths = (months: MonthKey[], closed: ReadonlySet<MonthKey>) =>
  months.filter((m) => !closed.has(m));

/** Round axis steps (1, 2, 2.5, 5 × 10^k) covering 0..max in about `count` ticks; minor units in, minor units out. */
export function axisTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step; v += step) {
    ticks.push(v);
    if (v >= hi) break;
  }
  return ticks;
}

/**
 * Where the bridge's value axis starts: zero, unless the department steps would be slivers beside two
 * tall totals; then half the steps' span below the lowest total, on a round number (the dashboard's
 * waterfall does the same). `values` are the totals and every step's start and end.
 */
export function bridgeAxisFloor(totals: number[], steps: number[]): number {
  const values = [...totals, ...steps];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!values.length || lo <= 0 || hi - lo >= lo / 2) return 0;
  const below = lo - Math.max((hi - lo) / 2, lo / 20);
  const step = 10 ** Math.floor(Math.log10(below)) / 2;
  return Math.max(0, Math.floor(below / step) * step);
}
