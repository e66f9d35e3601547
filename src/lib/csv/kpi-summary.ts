import type { KpiUnit } from "@db/enums";
import { monthLabel, type MonthKey } from "../period";
import { kpiMonthKey, type TKpiRef, type TKpiRowsResult } from "./kpi-rows";
import { summariseBadRows, type TBadRowsSummary } from "./summary";

// What the KPI import's preview shows before anything is written: every value as it was read, next
// to the value it replaces, and how many values are new, changed or the same as now.

export type TKpiPreviewRow = {
  line: number;
  kpiName: string;
  unit: KpiUnit;
  month: MonthKey;
  valueScaled: bigint;
  currentScaled: bigint | null;
};

export type TKpiImportSummary = TBadRowsSummary & {
  dataRowCount: number;
  acceptedCount: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  months: MonthKey[];
  /** The first PREVIEW_ROWS_SHOWN values to write, in line order. */
  rows: TKpiPreviewRow[];
};

/** A KPI file is a few hundred rows; a longer one is summarised by its counts past this many. */
export const PREVIEW_ROWS_SHOWN = 500;

/** `current` holds the values stored now, by kpiMonthKey. */
export function summariseKpiRows(
  result: TKpiRowsResult,
  kpis: TKpiRef[],
  current: ReadonlyMap<string, bigint>,
): TKpiImportSummary {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const months = new Set<MonthKey>();
  let newCount = 0;
  let changedCount = 0;
  const rows: TKpiPreviewRow[] = [];
  for (const row of result.accepted) {
    const kpi = byId.get(row.kpiId);
    if (!kpi) throw new Error(`row ${row.line} names a KPI outside the list it was validated against`);
    const currentScaled = current.get(kpiMonthKey(row.kpiId, row.month)) ?? null;
    if (currentScaled === null) newCount += 1;
    else if (currentScaled !== row.valueScaled) changedCount += 1;
    months.add(row.month);
    if (rows.length < PREVIEW_ROWS_SHOWN)
      rows.push({
        line: row.line,
        kpiName: kpi.name,
        unit: kpi.unit,
        month: row.month,
        valueScaled: row.valueScaled,
        currentScaled,
      });
  }
  return {
    dataRowCount: result.accepted.length + result.bad.length,
    acceptedCount: result.accepted.length,
    newCount,
    changedCount,
    unchangedCount: result.accepted.length - newCount - changedCount,
    months: [...months].sort(),
    rows,
    ...summariseBadRows(result.bad),
  };
}

/** "Oct 2026 – Nov 2026" for the first and last of sorted `months`, "Nov 2026" for one. */
export function monthSpanLabel(months: readonly string[]): string {
  const [first, last] = [months[0], months.at(-1)];
  if (!first || !last) return "";
  return first === last
    ? monthLabel(first as MonthKey)
    : `${monthLabel(first as MonthKey)} – ${monthLabel(last as MonthKey)}`;
}
