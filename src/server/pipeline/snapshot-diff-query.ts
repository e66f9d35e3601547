import "server-only";
import type { SnapshotKind } from "@db/enums";
import { db } from "../db";
import type { TTenantContext } from "../tenant";
import { isoDate } from "@/lib/dates";

// "What changed since the last snapshot", computed in SQL: the deals now, left-joined to the
// latest snapshot's items, each put in one bucket with the precedence of src/lib/snapshot-diff.ts
// (new, won, lost, slipped, re-valued), then counted, summed and cut to the 10 largest per bucket.

export const DIFF_BUCKETS = ["added", "won", "lost", "slipped", "revalued"] as const;
export type TDiffBucket = (typeof DIFF_BUCKETS)[number];

export type TDiffDeal = {
  opportunityId: string;
  name: string;
  amountMinor: bigint;
  previousAmountMinor: bigint | null;
  fromDate: string | null;
  toDate: string | null;
};
export type TDiffBucketSummary = { count: number; movedMinor: bigint; top: TDiffDeal[] };
export type TSnapshotDiffSummary = {
  snapshot: { id: string; kind: SnapshotKind; takenAt: Date; takenByName: string | null } | null;
  buckets: Record<TDiffBucket, TDiffBucketSummary>;
};

type TRaw = {
  bucket: TDiffBucket;
  bucket_count: number;
  bucket_moved: string;
  id: string;
  name: string;
  amount: bigint;
  prev_amount: bigint | null;
  prev_date: Date | null;
  date: Date;
};

const empty = (): Record<TDiffBucket, TDiffBucketSummary> =>
  Object.fromEntries(DIFF_BUCKETS.map((b) => [b, { count: 0, movedMinor: 0n, top: [] }])) as unknown as Record<
    TDiffBucket,
    TDiffBucketSummary
  >;

/** The latest snapshot (weekly or manual) of the organization, compared with its deals now. */
export async function snapshotDiff(ctx: TTenantContext): Promise<TSnapshotDiffSummary> {
  const { organizationId } = ctx;
  const latest = await db.pipelineSnapshot.findFirst({
    where: { organizationId },
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, takenAt: true, takenById: true },
  });
  if (!latest) return { snapshot: null, buckets: empty() };
  const takenBy = latest.takenById
    ? await db.user.findUnique({ where: { id: latest.takenById }, select: { name: true } })
    : null;

  // moved: the deal's amount, except re-valued deals, which move by new − old.
  const rows = await db.$queryRaw<TRaw[]>`
    WITH classified AS (
      SELECT o.id, o.name, o."amountMinor" AS amount, o."expectedCloseDate" AS date,
             i."amountMinor" AS prev_amount, i."expectedCloseDate" AS prev_date,
             CASE
               WHEN i."opportunityId" IS NULL THEN CASE o.outcome WHEN 'OPEN' THEN 'added' WHEN 'WON' THEN 'won' ELSE 'lost' END
               WHEN i.outcome = 'OPEN' AND o.outcome = 'WON' THEN 'won'
               WHEN i.outcome = 'OPEN' AND o.outcome = 'LOST' THEN 'lost'
               WHEN o.outcome = 'OPEN' AND o."expectedCloseDate" > i."expectedCloseDate" THEN 'slipped'
               WHEN o."amountMinor" <> i."amountMinor" THEN 'revalued'
             END AS bucket
      FROM "Opportunity" o
      LEFT JOIN "PipelineSnapshotItem" i
        ON i."organizationId" = o."organizationId" AND i."snapshotId" = ${latest.id} AND i."opportunityId" = o.id
      WHERE o."organizationId" = ${organizationId}
    ), moved AS (
      SELECT *, CASE WHEN bucket = 'revalued' THEN amount - prev_amount ELSE amount END AS moved
      FROM classified WHERE bucket IS NOT NULL
    ), ranked AS (
      SELECT *, COUNT(*) OVER w AS bucket_count, SUM(moved::numeric) OVER w AS bucket_moved,
             ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY ABS(moved) DESC, id) AS rank
      FROM moved WINDOW w AS (PARTITION BY bucket)
    )
    SELECT bucket, bucket_count::int AS bucket_count, bucket_moved::text AS bucket_moved, id, name, amount, prev_amount, prev_date, date
    FROM ranked WHERE rank <= 10 ORDER BY bucket, rank`;

  const buckets = empty();
  for (const r of rows) {
    const b = buckets[r.bucket];
    b.count = r.bucket_count;
    b.movedMinor = BigInt(r.bucket_moved);
    b.top.push({
      opportunityId: r.id,
      name: r.name,
      amountMinor: BigInt(r.amount),
      previousAmountMinor: r.prev_amount === null ? null : BigInt(r.prev_amount),
      fromDate: r.bucket === "slipped" && r.prev_date ? isoDate(r.prev_date) : null,
      toDate: r.bucket === "slipped" ? isoDate(r.date) : null,
    });
  }
  return {
    snapshot: { id: latest.id, kind: latest.kind, takenAt: latest.takenAt, takenByName: takenBy?.name ?? null },
    buckets,
  };
}
