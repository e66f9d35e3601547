import type { TResolvedPeriod } from "@/lib/period-selection";
import { periodParam } from "@/lib/period-selection";
import { fiscalYearLabel, monthLabel } from "@/lib/period";

/** The "Custom range" choice of the scope select; the picker then asks for the first and last month. */
export const CUSTOM_SCOPE = "custom";

/**
 * The picker's choices: the fiscal years given (every year with targets, actuals or deals, from the
 * dashboard), or the years around the current one; then the year, its YTD, quarters, months, and a
 * custom run of months.
 */
export function periodOptions(resolved: TResolvedPeriod, currentFiscalYear: number, fiscalYears?: number[]) {
  const fy = resolved.fiscalYear;
  const base = fiscalYears?.length
    ? fiscalYears
    : [currentFiscalYear - 2, currentFiscalYear - 1, currentFiscalYear, currentFiscalYear + 1];
  const years = [...new Set([...base, fy])]
    .sort((a, b) => a - b)
    .map((y) => ({ value: `fy-${y}`, label: fiscalYearLabel(y) }));
  const scopes = [
    { value: `fy-${fy}`, label: "Full year" },
    { value: `ytd-${fy}`, label: "Year to date" },
    ...[1, 2, 3, 4].map((q) => ({ value: `q-${fy}-${q}`, label: `Q${q}` })),
    ...resolved.yearMonths.map((m) => ({ value: `m-${m}`, label: monthLabel(m) })),
    { value: CUSTOM_SCOPE, label: "Custom range…" },
  ];
  const range =
    resolved.period.kind === "range"
      ? { from: resolved.period.from, to: resolved.period.to }
      : { from: resolved.months[0] ?? resolved.yearMonths[0] ?? "", to: resolved.months.at(-1) ?? "" };
  return {
    years,
    scopes,
    selectedYear: `fy-${fy}`,
    selectedScope: resolved.period.kind === "range" ? CUSTOM_SCOPE : periodParam(resolved.period),
    range,
  };
}
