import "server-only";
import type { TBridgeStep } from "@/lib/bridge";
import { toCsv, type TCsvCell } from "@/lib/csv-export";
import { RAG_LABELS } from "@/lib/kpi";
import { ratioBp } from "@/lib/metrics";
import { currencyDigits, minorToDecimalString } from "@/lib/money";
import { periodParam } from "@/lib/period-selection";
import { commitmentAccuracyByDepartment } from "../accountability/dashboard";
import type { TTenantContext } from "../tenant";
import { isoDate } from "@/lib/dates";
import { getDashboard, getDashboardBridge, getDashboardHeatMap, type TDashboard } from "./dashboard";

// The dashboard's tables as CSV files, one per table (?table=months|bridge|heatmap|accuracy):
// amounts as plain decimals in the organization's currency, so a spreadsheet sums them exactly.

export const DASHBOARD_TABLES = ["months", "bridge", "heatmap", "accuracy"] as const;
export type TDashboardTable = (typeof DASHBOARD_TABLES)[number];

type TCsvTable = { name: string; header: string[]; rows: TCsvCell[][] };

/** Basis points are hundredths of a percent: 326 → "3.26". */
const pct = (bp: number | null) => (bp === null ? null : minorToDecimalString(BigInt(bp), 2));

function monthsTable(data: TDashboard, dec: (v: bigint | null) => string | null, cur: string): TCsvTable {
  const rows = data.rows.map((r) => {
    // The month in progress has an actual so far: no gap or attainment against its whole target.
    const isComparable = r.target !== null && r.actual !== null && !r.isInProgress;
    const gap = isComparable && r.target !== null && r.actual !== null ? r.target - r.actual : null;
    const attainment = isComparable && r.target !== null && r.actual !== null ? ratioBp(r.actual, r.target) : null;
    const status = r.isFuture ? "forecast" : r.isInProgress ? "in_progress" : "actual";
    return [
      r.month,
      dec(r.target),
      dec(r.actual),
      dec(gap),
      pct(attainment),
      dec(r.cumulativeTarget),
      dec(r.cumulativeActual),
      dec(r.forecastCumulative),
      dec(r.commitCumulative),
      dec(r.bestCaseCumulative),
      dec(r.weightedCumulative),
      status,
    ];
  });
  const header = [
    "month",
    `target_${cur}`,
    `actual_${cur}`,
    `gap_${cur}`,
    "attainment_pct",
    `cumulative_target_${cur}`,
    `cumulative_actual_${cur}`,
    `forecast_cumulative_${cur}`,
    `commit_cumulative_${cur}`,
    `best_case_cumulative_${cur}`,
    `weighted_cumulative_${cur}`,
    "status",
  ];
  return { name: "revenue", header, rows };
}

async function bridgeTable(
  ctx: TTenantContext,
  data: TDashboard,
  dec: (v: bigint | null) => string | null,
  cur: string,
  includeClaimed: boolean,
  includeUnfinished: boolean,
): Promise<TCsvTable> {
  const { bridge } = await getDashboardBridge(ctx, data, includeClaimed, { includeUnfinished });
  // A department's amount = its contributions + its lost and slipped deals (pipeline causes); other steps leave both empty.
  const part = (s: TBridgeStep, v: bigint | undefined) => (s.kind === "department" ? dec(v ?? 0n) : null);
  // Claims awaiting finance are listed, not counted (empty when claimed ones are counted).
  const rows: TCsvCell[][] = (bridge?.steps ?? []).map((s) => [
    s.label,
    s.kind,
    dec(s.amountMinor),
    dec(s.endMinor),
    part(s, s.contributionsMinor),
    part(s, s.pipelineMinor),
    part(s, s.pendingMinor),
  ]);
  const header = [
    "step",
    "kind",
    `amount_${cur}`,
    `running_total_${cur}`,
    `contributions_${cur}`,
    `pipeline_${cur}`,
    `claimed_not_counted_${cur}`,
  ];
  return { name: includeClaimed ? "bridge-with-claimed" : "bridge", header, rows };
}

async function heatMapTable(ctx: TTenantContext, data: TDashboard): Promise<TCsvTable> {
  const heatMap = await getDashboardHeatMap(ctx, data);
  // One row per department, one column per month, as on screen; months not yet reached stay empty.
  const rows = heatMap.map((r) => [
    r.name,
    ...r.cells.map((c) =>
      c.isFuture ? null : `${c.status ? RAG_LABELS[c.status] : "Not rated"}${c.reviewed ? " (reviewed)" : ""}`,
    ),
  ]);
  return { name: "department-status", header: ["department", ...data.resolved.yearMonths], rows };
}

async function accuracyTable(
  ctx: TTenantContext,
  data: TDashboard,
  dec: (v: bigint | null) => string | null,
  cur: string,
): Promise<TCsvTable> {
  const accuracy = await commitmentAccuracyByDepartment(ctx, isoDate(data.today));
  const rows = accuracy.map(({ name, accuracy: a }) => [
    name,
    a.done,
    a.missed,
    pct(a.hitRateBp),
    dec(a.deliveredMinor),
    dec(a.promisedMinor),
    pct(a.deliveredBp),
    a.open,
    a.overdue,
  ]);
  return {
    name: "commitment-accuracy",
    header: [
      "department",
      "done",
      "missed",
      "hit_rate_pct",
      `delivered_${cur}`,
      `promised_${cur}`,
      "delivered_pct",
      "open",
      "overdue",
    ],
    rows,
  };
}

/** One of the dashboard's tables for the period in `params` (the page's own query string). */
export async function getDashboardCsv(
  ctx: TTenantContext,
  params: URLSearchParams,
  now: Date = new Date(),
): Promise<{ filename: string; csv: string }> {
  const data = await getDashboard(ctx, params.get("period") ?? undefined, now);
  const table = (DASHBOARD_TABLES as readonly string[]).includes(params.get("table") ?? "")
    ? (params.get("table") as TDashboardTable)
    : "months";
  const cur = data.organization.currency;
  const digits = currencyDigits(cur);
  const dec = (v: bigint | null) => (v === null ? null : minorToDecimalString(v, digits));
  const result =
    table === "bridge"
      ? await bridgeTable(ctx, data, dec, cur, params.get("claimed") === "1", params.get("bridge") === "all")
      : table === "heatmap"
        ? await heatMapTable(ctx, data)
        : table === "accuracy"
          ? await accuracyTable(ctx, data, dec, cur)
          : monthsTable(data, dec, cur);
  return {
    filename: `${ctx.slug}-${result.name}-${periodParam(data.resolved.period)}.csv`,
    csv: toCsv(result.header, result.rows),
  };
}
