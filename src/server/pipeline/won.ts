import "server-only";
import { fiscalYearOfMonth, monthKey, type MonthKey } from "@/lib/period";
import { parsePeriod, resolvePeriod, todayIn } from "@/lib/period-selection";
import { buildWonTable, closeDateRange, isWonPeriod, type TWonCell } from "@/lib/won-by-month";
import { db } from "../db";
import { getOrganization } from "../organizations/queries";
import { listFiscalYears } from "../periods/fiscal-years";
import type { TTenantContext } from "../tenant";

const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Won deals per owner and close month, in one GROUP BY over the forecast index (organization,
 * outcome, close date). The month is taken from the date itself (cast to a timestamp without zone),
 * so the session's time zone cannot move a deal of the 1st or the 31st into another month.
 */
export async function wonCells(ctx: TTenantContext, months: MonthKey[]): Promise<TWonCell[]> {
  const { from, to } = closeDateRange(months);
  const rows = await db.$queryRaw<
    { month: string; ownerId: string; ownerName: string; count: number; amount: string }[]
  >`
    SELECT to_char(o."expectedCloseDate"::timestamp, 'YYYY-MM') AS month, o."ownerId", u.name AS "ownerName",
           COUNT(*)::int AS count, SUM(o."amountMinor")::text AS amount
    FROM "Opportunity" o JOIN "User" u ON u.id = o."ownerId"
    WHERE o."organizationId" = ${ctx.organizationId} AND o.outcome = 'WON'
      AND o."expectedCloseDate" >= ${dbDate(from)}::date AND o."expectedCloseDate" <= ${dbDate(to)}::date
    GROUP BY 1, 2, 3 ORDER BY 1, 2`;
  return rows.map((r) => ({
    month: r.month as MonthKey,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    count: r.count,
    amountMinor: BigInt(r.amount),
  }));
}

/**
 * The "won by month" view for ?period= (a fiscal year "fy-2026" or quarter "q-2026-3"; anything
 * else is the current fiscal year), with the fiscal years its picker offers.
 */
export async function getWonByMonth(ctx: TTenantContext, periodParam: string | undefined, now: Date) {
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, now);
  const start = organization.fiscalYearStartMonth;
  const parsed = parsePeriod(periodParam, today, start);
  const period = isWonPeriod(parsed)
    ? parsed
    : { kind: "fy" as const, fiscalYear: fiscalYearOfMonth(monthKey(today.year, today.month), start) };
  const resolved = resolvePeriod(period, today, start);
  const [cells, fiscalYears] = await Promise.all([
    wonCells(ctx, resolved.months),
    listFiscalYears(ctx, now, organization),
  ]);
  return {
    organization,
    today,
    resolved,
    fiscalYears,
    table: buildWonTable(resolved.months, cells),
  };
}

export type TWonByMonth = Awaited<ReturnType<typeof getWonByMonth>>;
