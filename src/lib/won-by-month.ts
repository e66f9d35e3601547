import type { MonthKey } from "./period";
import type { TPeriod } from "./period-selection";

// The "won by month" view of the pipeline (DESIGN.md "Pipeline"). A won deal counts in the month of
// its close date, the same date the pipeline's quarter filter, the forecast and the picker's years
// read: for a deal imported from a CRM that is the CRM's close date (its closedAt is only the import
// time). A close date is a calendar date, so its month is read as written: 31 March is March in
// every time zone, never shifted through UTC.

/** The month of a close date (YYYY-MM-DD). */
export function closeMonthOf(isoDate: string): MonthKey {
  if (!/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return isoDate.slice(0, 7) as MonthKey;
}

/** The view reads a fiscal year or one of its quarters; any other period (a month, YTD, a range) is not its own. */
export const isWonPeriod = (period: TPeriod): period is Extract<TPeriod, { kind: "fy" | "quarter" }> =>
  period.kind === "fy" || period.kind === "quarter";

/** First and last day (YYYY-MM-DD) of a run of months, for a close-date filter. */
export function closeDateRange(months: MonthKey[]): { from: string; to: string } {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) throw new RangeError("no months");
  const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0));
  return { from: `${first}-01`, to: end.toISOString().slice(0, 10) };
}

/** One GROUP BY row: deals won and their amount for an owner in a close month. */
export type TWonCell = { month: MonthKey; ownerId: string; ownerName: string; count: number; amountMinor: bigint };
export type TWonFigure = { count: number; amountMinor: bigint };
export type TWonOwnerRow = { ownerId: string; ownerName: string; months: TWonFigure[]; total: TWonFigure };
export type TWonTable = { months: MonthKey[]; owners: TWonOwnerRow[]; monthTotals: TWonFigure[]; total: TWonFigure };

const ZERO: TWonFigure = { count: 0, amountMinor: 0n };
const add = (a: TWonFigure, b: TWonFigure): TWonFigure => ({
  count: a.count + b.count,
  amountMinor: a.amountMinor + b.amountMinor,
});

/**
 * The grid of owners by month with its totals per owner, per month and overall (exact BigInt
 * sums of the cells). Owners with the most won first (then by name); a month without deals is a
 * zero, so every row has one figure per month of the period. Cells outside `months` are ignored.
 */
export function buildWonTable(months: MonthKey[], cells: TWonCell[]): TWonTable {
  const index = new Map(months.map((m, i) => [m, i]));
  const byOwner = new Map<string, TWonOwnerRow>();
  for (const cell of cells) {
    const i = index.get(cell.month);
    if (i === undefined) continue;
    let row = byOwner.get(cell.ownerId);
    if (!row) {
      row = { ownerId: cell.ownerId, ownerName: cell.ownerName, months: months.map(() => ZERO), total: ZERO };
      byOwner.set(cell.ownerId, row);
    }
    const figure = { count: cell.count, amountMinor: cell.amountMinor };
    row.months[i] = add(row.months[i] ?? ZERO, figure);
    row.total = add(row.total, figure);
  }
  const owners = [...byOwner.values()].sort((a, b) =>
    a.total.amountMinor !== b.total.amountMinor
      ? a.total.amountMinor > b.total.amountMinor
        ? -1
        : 1
      : a.ownerName.localeCompare(b.ownerName) || a.ownerId.localeCompare(b.ownerId),
  );
  const monthTotals = months.map((_, i) => owners.reduce((sum, o) => add(sum, o.months[i] ?? ZERO), ZERO));
  return { months, owners, monthTotals, total: monthTotals.reduce(add, ZERO) };
}
