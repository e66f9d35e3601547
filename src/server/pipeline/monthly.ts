import "server-only";
import type { TOpenPipeline } from "@/lib/forecast";
import { dbDateToMonth, type MonthKey } from "@/lib/period";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** amountMinor: Σ of the deals that have an amount (coverage's open pipeline); noAmountCount: those imported without one. */
export type TMonthPipeline = TOpenPipeline & { month: MonthKey; amountMinor: bigint; noAmountCount: number };

/**
 * The open pipeline per month of expected close, for the dashboard's projections and coverage:
 * the same deals as `openPipeline` (open, not OMITTED, closing after `afterDate` and on or before
 * `throughDate`), grouped by month in one pass over the forecast index. Σ of the months equals
 * openPipeline's totals (weighted stays in basis-point minor units, so nothing is rounded here).
 * Deals imported without an amount (stored as 0) are left out of `amountMinor` and counted apart.
 */
export async function openPipelineByMonth(
  ctx: TTenantContext,
  afterDate: string,
  throughDate: string,
): Promise<TMonthPipeline[]> {
  const { organizationId } = ctx;
  const rows = await db.$queryRaw<
    {
      month: Date;
      count: number;
      amount: string;
      noAmount: number;
      commit: string | null;
      best: string | null;
      weighted: string | null;
    }[]
  >`
    SELECT date_trunc('month', "expectedCloseDate")::date AS month,
           COUNT(*)::int AS count,
           COALESCE(SUM("amountMinor") FILTER (WHERE NOT "amountMissing"), 0)::text AS amount,
           (COUNT(*) FILTER (WHERE "amountMissing"))::int AS "noAmount",
           SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'COMMIT')::text AS commit,
           SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'BEST_CASE')::text AS best,
           SUM("amountMinor"::numeric * "probabilityBp")::text AS weighted
    FROM "Opportunity"
    WHERE "organizationId" = ${organizationId} AND outcome = 'OPEN' AND "forecastCategory" <> 'OMITTED'
      AND "expectedCloseDate" > ${dbDate(afterDate)}::date AND "expectedCloseDate" <= ${dbDate(throughDate)}::date
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({
    month: dbDateToMonth(r.month),
    count: r.count,
    amountMinor: BigInt(r.amount),
    noAmountCount: r.noAmount,
    commitMinor: BigInt(r.commit ?? 0),
    bestCaseMinor: BigInt(r.best ?? 0),
    weightedBpMinor: BigInt(r.weighted ?? 0),
  }));
}

/** The organization's choice of headline forecast (settings, "Pipeline"). */
export async function getHeadlineChoice(ctx: TTenantContext) {
  const org = ctx.organization;
  return org.headlineForecast;
}
