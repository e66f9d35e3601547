import type { KpiUnit } from "@db/enums";
import { parseKpiValue } from "../kpi";
import { monthLabel, type MonthKey } from "../period";
import type { TDateFormat } from "./date";
import { parseMonthCell } from "./month";
import { quoteCell } from "./quote";
import type { TBadRow } from "./rows";
import type { TCsvTable } from "./table";

// One row of a KPI file (KPI, month, value) becomes either a value to write or a bad row with its
// line and every reason it cannot be written: unknown KPI, bad month, bad value, closed month, or
// the same KPI and month given twice.

export type TKpiRef = { id: string; name: string; unit: KpiUnit };
export type TKpiColumnMapping = { kpi: number; month: number; value: number };

export type TKpiRowOptions = {
  mapping: TKpiColumnMapping;
  monthFormat: TDateFormat;
  timeZone: string;
  currency: string;
  /** The department's active KPIs: the only ones a file may name. */
  kpis: TKpiRef[];
  departmentName: string;
};

export type TKpiImportRow = { line: number; kpiId: string; month: MonthKey; valueScaled: bigint };
export type TKpiRowsResult = { accepted: TKpiImportRow[]; bad: TBadRow[] };

/** The KpiValue column is a PostgreSQL bigint. */
const MAX_SCALED = 2n ** 63n - 1n;

export const kpiMonthKey = (kpiId: string, month: MonthKey) => `${kpiId}|${month}`;

type TMatch = { ok: true; kpi: TKpiRef } | { ok: false; reason: string };
type TCandidate = {
  line: number;
  reasons: string[];
  kpi: TKpiRef | null;
  month: MonthKey | null;
  value: bigint | null;
};

const normalName = (text: string) => text.trim().replace(/\s+/g, " ");

/**
 * A KPI by its exact name or id, else by its one case-insensitive name. Names are unique per
 * department only as written, so "Leads" and "leads" may both exist: then the case must match.
 */
function createKpiMatcher(kpis: TKpiRef[], departmentName: string): (raw: string) => TMatch {
  const exact = new Map<string, TKpiRef>();
  const folded = new Map<string, TKpiRef[]>();
  for (const kpi of kpis) {
    exact.set(kpi.id, kpi);
    exact.set(normalName(kpi.name), kpi);
    const key = normalName(kpi.name).toLowerCase();
    folded.set(key, [...(folded.get(key) ?? []), kpi]);
  }
  return (raw) => {
    const text = normalName(raw);
    if (!text) return { ok: false, reason: "empty KPI" };
    const found = exact.get(text);
    if (found) return { ok: true, kpi: found };
    const matches = folded.get(text.toLowerCase()) ?? [];
    if (matches.length === 1 && matches[0]) return { ok: true, kpi: matches[0] };
    if (matches.length > 1)
      return {
        ok: false,
        reason: `KPI ${quoteCell(text)} matches ${matches.length} KPIs of ${departmentName} that differ only in case: write the name exactly`,
      };
    return { ok: false, reason: `unknown KPI ${quoteCell(text)}: not an active KPI of ${departmentName}` };
  };
}

function readValue(
  raw: string,
  kpi: TKpiRef,
  currency: string,
): { ok: true; value: bigint } | { ok: false; reason: string } {
  const text = raw.trim();
  if (!text) return { ok: false, reason: `empty value for ${kpi.name}` };
  const parsed = parseKpiValue(text, kpi.unit, currency);
  if (!parsed.ok) {
    // The parser words its reasons for a form field ("Enter a number …."); a bad row's reason runs on.
    const reason = parsed.reason.replace(/\.$/, "");
    return {
      ok: false,
      reason: `value ${quoteCell(text)} for ${kpi.name}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
    };
  }
  if (parsed.value > MAX_SCALED || parsed.value < -MAX_SCALED)
    return { ok: false, reason: `value ${quoteCell(text)} for ${kpi.name} is too large` };
  return { ok: true, value: parsed.value };
}

function readRow(
  line: number,
  cells: string[],
  options: TKpiRowOptions,
  matchKpi: (raw: string) => TMatch,
  closedMonths: ReadonlySet<MonthKey>,
): TCandidate {
  const { mapping } = options;
  const reasons: string[] = [];
  const kpi = matchKpi(cells[mapping.kpi] ?? "");
  if (!kpi.ok) reasons.push(kpi.reason);
  const month = parseMonthCell(cells[mapping.month] ?? "", options.monthFormat, options.timeZone);
  if (!month.ok) reasons.push(month.reason);
  else if (closedMonths.has(month.month)) reasons.push(`${monthLabel(month.month)} is closed`);
  // A value is read in its KPI's unit: without a KPI there is nothing to read it against.
  const value = kpi.ok ? readValue(cells[mapping.value] ?? "", kpi.kpi, options.currency) : null;
  if (value && !value.ok) reasons.push(value.reason);
  return {
    line,
    reasons,
    kpi: kpi.ok ? kpi.kpi : null,
    month: month.ok ? month.month : null,
    value: value?.ok ? value.value : null,
  };
}

const listLines = (lines: number[]) =>
  `line${lines.length > 1 ? "s" : ""} ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ` and ${lines.length - 5} more` : ""}`;

/** Every row of a KPI and month given more than once is bad: which value is meant is for the user to say. */
function markRepeats(candidates: TCandidate[]): void {
  const lines = new Map<string, number[]>();
  for (const c of candidates)
    if (c.kpi && c.month)
      lines.set(kpiMonthKey(c.kpi.id, c.month), [...(lines.get(kpiMonthKey(c.kpi.id, c.month)) ?? []), c.line]);
  for (const c of candidates) {
    if (!c.kpi || !c.month) continue;
    const others = (lines.get(kpiMonthKey(c.kpi.id, c.month)) ?? []).filter((l) => l !== c.line);
    if (others.length) c.reasons.push(`${c.kpi.name} for ${monthLabel(c.month)} is also on ${listLines(others)}`);
  }
}

/** Validates every data row of `table` against the department's KPIs; rows in `closedMonths` are bad rows too. */
export function validateKpiRows(
  table: TCsvTable,
  options: TKpiRowOptions,
  closedMonths: ReadonlySet<MonthKey> = new Set(),
): TKpiRowsResult {
  const matchKpi = createKpiMatcher(options.kpis, options.departmentName);
  const malformed = new Set(table.malformedLines);
  const candidates = table.rows.map(({ line, cells }) => readRow(line, cells, options, matchKpi, closedMonths));
  markRepeats(candidates);
  const accepted: TKpiImportRow[] = [];
  const bad: TBadRow[] = [];
  for (const c of candidates) {
    if (malformed.has(c.line)) c.reasons.unshift("malformed CSV quoting");
    if (c.reasons.length || !c.kpi || !c.month || c.value === null)
      bad.push({ line: c.line, reason: c.reasons.join("; ") });
    else accepted.push({ line: c.line, kpiId: c.kpi.id, month: c.month, valueScaled: c.value });
  }
  return { accepted, bad };
}
