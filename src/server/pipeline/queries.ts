import "server-only";
import type { TOpenPipeline } from "@/lib/forecast";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The open deals behind the forecast: expected to close after `afterDate` and on or before
 * `throughDate` (YYYY-MM-DD), summed per forecast category in one pass over the forecast index.
 * OMITTED deals are the rep's own "leave this out", so they count in none of the sums.
 */
export async function openPipeline(
  ctx: TTenantContext,
  afterDate: string,
  throughDate: string,
): Promise<TOpenPipeline> {
  const { organizationId } = ctx;
  const [row] = await db.$queryRaw<
    { count: number; commit: string | null; best: string | null; weighted: string | null }[]
  >`
    SELECT COUNT(*)::int AS count,
           SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'COMMIT')::text AS commit,
           SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'BEST_CASE')::text AS best,
           SUM("amountMinor"::numeric * "probabilityBp")::text AS weighted
    FROM "Opportunity"
    WHERE "organizationId" = ${organizationId} AND outcome = 'OPEN' AND "forecastCategory" <> 'OMITTED'
      AND "expectedCloseDate" > ${dbDate(afterDate)}::date AND "expectedCloseDate" <= ${dbDate(throughDate)}::date`;
  return {
    count: row?.count ?? 0,
    commitMinor: BigInt(row?.commit ?? 0),
    bestCaseMinor: BigInt(row?.best ?? 0),
    weightedBpMinor: BigInt(row?.weighted ?? 0),
  };
}

/** Σ amount of open (not omitted) deals expected to close after `afterDate` and on or before `throughDate`. */
export async function openAmount(ctx: TTenantContext, afterDate: string, throughDate: string): Promise<bigint> {
  const { organizationId } = ctx;
  const [row] = await db.$queryRaw<{ total: string | null }[]>`
    SELECT SUM("amountMinor")::text AS total FROM "Opportunity"
    WHERE "organizationId" = ${organizationId} AND outcome = 'OPEN' AND "forecastCategory" <> 'OMITTED'
      AND "expectedCloseDate" > ${dbDate(afterDate)}::date AND "expectedCloseDate" <= ${dbDate(throughDate)}::date`;
  return BigInt(row?.total ?? 0);
}

/** Open deals whose expected close date is before `today`: stale. */
export async function staleCount(ctx: TTenantContext, today: string): Promise<number> {
  const { organizationId } = ctx;
  return db.opportunity.count({ where: { organizationId, outcome: "OPEN", expectedCloseDate: { lt: dbDate(today) } } });
}
