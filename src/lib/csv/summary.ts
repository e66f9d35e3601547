import type { MonthKey } from "../period";
import type { TBadRow, TRowsResult } from "./rows";

// What the preview shows before anything is written: rows and total per month (in the
// organization's zone), the overall total, how many amounts were rounded, and the bad rows.

export type TMonthSummary = { month: MonthKey; rowCount: number; totalMinor: bigint };

/** What every import's preview says about its bad rows. */
export type TBadRowsSummary = {
  badRowCount: number;
  /** The first BAD_ROWS_SHOWN bad rows, in line order; the batch records all skipped rows. */
  badRows: TBadRow[];
};

export type TImportSummary = TBadRowsSummary & {
  dataRowCount: number;
  acceptedCount: number;
  totalMinor: bigint;
  roundedCount: number;
  months: TMonthSummary[];
};

/** Past this many bad rows the column mapping is wrong, not the rows: listing them all helps nobody. */
export const BAD_ROWS_SHOWN = 1000;

export const summariseBadRows = (bad: TBadRow[]): TBadRowsSummary => ({
  badRowCount: bad.length,
  badRows: bad.slice(0, BAD_ROWS_SHOWN),
});

/** BigInt's limit for the batch total column (PostgreSQL bigint). */
const MAX_TOTAL = 2n ** 63n - 1n;

export function summariseRows(result: TRowsResult): TImportSummary {
  const byMonth = new Map<MonthKey, TMonthSummary>();
  let totalMinor = 0n;
  let roundedCount = 0;
  for (const row of result.accepted) {
    const month = byMonth.get(row.month) ?? { month: row.month, rowCount: 0, totalMinor: 0n };
    month.rowCount += 1;
    month.totalMinor += row.amountMinor;
    byMonth.set(row.month, month);
    totalMinor += row.amountMinor;
    if (row.isRounded) roundedCount += 1;
  }
  return {
    dataRowCount: result.accepted.length + result.bad.length,
    acceptedCount: result.accepted.length,
    totalMinor,
    roundedCount,
    months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    ...summariseBadRows(result.bad),
  };
}

export const isTotalInRange = (total: bigint) => total <= MAX_TOTAL && total >= -MAX_TOTAL;

/** "line 4: empty amount; line 9: unparseable date "x"" and "… and 3 more" past `limit`. */
export function describeBadRows(bad: TBadRow[], limit = 3): string {
  const shown = bad.slice(0, limit).map((b) => `line ${b.line}: ${b.reason}`);
  const more = bad.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? ` and ${more} more` : ""}`;
}
