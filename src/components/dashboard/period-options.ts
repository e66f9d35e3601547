import type { TResolvedPeriod } from "@/lib/period-selection";
import { periodParam } from "@/lib/period-selection";
import { fiscalYearLabel, monthLabel } from "@/lib/period";

/** The picker's choices: nearby fiscal years, and the year, its YTD, quarters and months. */
export function periodOptions(resolved: TResolvedPeriod, currentFiscalYear: number) {
  const fy = resolved.fiscalYear;
  const years = [currentFiscalYear - 2, currentFiscalYear - 1, currentFiscalYear, currentFiscalYear + 1]
    .concat(fy < currentFiscalYear - 2 || fy > currentFiscalYear + 1 ? [fy] : [])
    .sort()
    .map((y) => ({ value: `fy-${y}`, label: fiscalYearLabel(y) }));
  const scopes = [
    { value: `fy-${fy}`, label: "Full year" },
    { value: `ytd-${fy}`, label: "Year to date" },
    ...[1, 2, 3, 4].map((q) => ({ value: `q-${fy}-${q}`, label: `Q${q}` })),
    ...resolved.yearMonths.map((m) => ({ value: `m-${m}`, label: monthLabel(m) })),
  ];
  return { years, scopes, selectedYear: `fy-${fy}`, selectedScope: periodParam(resolved.period) };
}
