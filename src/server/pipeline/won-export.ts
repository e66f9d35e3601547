import "server-only";
import { toCsv, type TCsvCell } from "@/lib/csv-export";
import { currencyDigits, minorToDecimalString } from "@/lib/money";
import { periodParam } from "@/lib/period-selection";
import type { TWonFigure } from "@/lib/won-by-month";
import type { TTenantContext } from "../tenant";
import { getWonByMonth } from "./won";

const HEADER = ["row", "close_month", "owner", "deals_won", "amount_won", "currency"];

/**
 * The won-by-month view as CSV, for a signed-in user (null: signed out): the owner-by-month cells
 * with deals, then each owner's total, each month's total and the grand total, marked in the first
 * column so a spreadsheet can filter them apart. Amounts exact in major units (the page rounds).
 * The route (tenantRoute) answers 404 to anyone but a member of the organization.
 */
export async function wonByMonthCsv(ctx: TTenantContext, period: string | undefined, now: Date): Promise<Response> {
  const { organization, resolved, table } = await getWonByMonth(ctx, period, now);
  const currency = organization.currency;
  const digits = currencyDigits(currency);
  const line = (kind: string, month: string, owner: string, f: TWonFigure): TCsvCell[] => [
    kind,
    month,
    owner,
    f.count,
    minorToDecimalString(f.amountMinor, digits),
    currency,
  ];
  const rows: TCsvCell[][] = [];
  for (const owner of table.owners) {
    table.months.forEach((month, i) => {
      const figure = owner.months[i];
      if (figure && figure.count > 0) rows.push(line("owner month", month, owner.ownerName, figure));
    });
  }
  for (const owner of table.owners) rows.push(line("owner total", "all", owner.ownerName, owner.total));
  for (const [i, month] of table.months.entries())
    rows.push(line("month total", month, "all", table.monthTotals[i] ?? { count: 0, amountMinor: 0n }));
  rows.push(line("grand total", "all", "all", table.total));
  return new Response(toCsv(HEADER, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${ctx.slug}-won-by-month-${periodParam(resolved.period)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
