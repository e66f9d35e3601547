import "server-only";
import { fiscalYearsWithData } from "@/lib/fiscal-years";
import { todayIn } from "@/lib/period-selection";
import { dbDateToMonth, monthOf, type MonthKey } from "@/lib/period";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

type TCalendar = { timeZone: string; fiscalYearStartMonth: number };

/**
 * The fiscal years a period or quarter picker offers: first to last with targets, actuals or deals,
 * plus the current and the next (lib/fiscal-years.ts), in one aggregate query. Pass the
 * organization when the caller has it already.
 */
export async function listFiscalYears(ctx: TTenantContext, now: Date, organization?: TCalendar): Promise<number[]> {
  const calendar = organization ?? ctx.organization;
  const span = await dataSpan(ctx, calendar.timeZone);
  return fiscalYearsWithData(span, calendar.fiscalYearStartMonth, todayIn(calendar.timeZone, now));
}

/**
 * The first and last month with a target, an actual or a deal's expected close (null with none):
 * the period picker offers every fiscal year between them. Three min/max lookups on indexed columns.
 */
export async function dataSpan(
  ctx: TTenantContext,
  timeZone: string,
): Promise<{ first: MonthKey; last: MonthKey } | null> {
  const { organizationId } = ctx;
  const [row] = await db.$queryRaw<
    {
      tfirst: Date | null;
      tlast: Date | null;
      efirst: Date | null;
      elast: Date | null;
      ofirst: Date | null;
      olast: Date | null;
    }[]
  >`
    SELECT (SELECT MIN(month) FROM "RevenueTarget" WHERE "organizationId" = ${organizationId}) AS tfirst,
           (SELECT MAX(month) FROM "RevenueTarget" WHERE "organizationId" = ${organizationId}) AS tlast,
           (SELECT MIN("occurredAt") FROM "RevenueEntry" WHERE "organizationId" = ${organizationId}) AS efirst,
           (SELECT MAX("occurredAt") FROM "RevenueEntry" WHERE "organizationId" = ${organizationId}) AS elast,
           (SELECT MIN("expectedCloseDate") FROM "Opportunity" WHERE "organizationId" = ${organizationId}) AS ofirst,
           (SELECT MAX("expectedCloseDate") FROM "Opportunity" WHERE "organizationId" = ${organizationId}) AS olast`;
  if (!row) return null;
  // Dates are months or calendar days (read as such); instants are read in the organization's zone.
  const months = [row.tfirst, row.tlast, row.ofirst, row.olast].flatMap((d) => (d ? [dbDateToMonth(d)] : []));
  months.push(...[row.efirst, row.elast].flatMap((d) => (d ? [monthOf(d, timeZone)] : [])));
  if (!months.length) return null;
  months.sort();
  return { first: months[0] as MonthKey, last: months.at(-1) as MonthKey };
}
