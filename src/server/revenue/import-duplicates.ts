import "server-only";
import { describeActor } from "@/lib/audit-trail";
import type { TImportRow } from "@/lib/csv/rows";
import { rowKeys } from "@/lib/csv/row-key";
import type { TDuplicateBatch } from "@/lib/csv/wire";
import type { Tx } from "../db";
import type { TTenantContext } from "../tenant";

// Which rows of a file the organization already has, by content key (lib/csv/row-key.ts). The
// existing side's occurrence is computed in SQL with the same rule: entries of one (local date,
// amount, reference) numbered in the order they were written. Only entries within two days of the
// file's dates can share a local date with its rows, so the scan is a range of the
// (organizationId, occurredAt, amountMinor) index.

const DAY_MS = 86_400_000;

export type TDuplicateMatch = {
  /** Index into the rows given → the batch of the entry it matches (null: an entry made by hand or by the API). */
  byRow: Map<number, string | null>;
  batches: TDuplicateBatch[];
};

export async function findDuplicateRows(
  tx: Tx,
  ctx: TTenantContext,
  timeZone: string,
  rows: readonly TImportRow[],
  options: { excludeBatchId?: string | null } = {},
): Promise<TDuplicateMatch> {
  const { organizationId } = ctx;
  const byRow = new Map<number, string | null>();
  const keys = rowKeys(rows, timeZone);
  if (!rows.length) return { byRow, batches: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const t = row.occurredAt.getTime();
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const from = new Date(min - 2 * DAY_MS);
  const to = new Date(max + 2 * DAY_MS);
  const exclude = options.excludeBatchId ?? null;
  const matches = await tx.$queryRaw<{ idx: number; batchId: string | null }[]>`
    WITH file AS (
      SELECT * FROM unnest(
        ${keys.map((k) => k.date)}::date[],
        ${keys.map((k) => k.amountMinor.toString())}::bigint[],
        ${keys.map((k) => k.reference)}::text[],
        ${keys.map((k) => k.occurrence)}::int[],
        ${keys.map((_k, i) => i)}::int[]
      ) AS f(local_date, amount_minor, reference, occurrence, idx)
    ),
    existing AS (
      SELECT e."importBatchId" AS batch_id,
             (e."occurredAt" AT TIME ZONE ${timeZone})::date AS local_date,
             e."amountMinor" AS amount_minor,
             btrim(coalesce(e.reference, '')) AS reference,
             row_number() OVER (
               PARTITION BY (e."occurredAt" AT TIME ZONE ${timeZone})::date, e."amountMinor", btrim(coalesce(e.reference, ''))
               ORDER BY e."createdAt", e."importLine" NULLS LAST, e.id
             )::int AS occurrence
      FROM "RevenueEntry" e
      WHERE e."organizationId" = ${organizationId}
        AND e."occurredAt" >= ${from} AND e."occurredAt" < ${to}
        AND (${exclude}::text IS NULL OR e."importBatchId" IS DISTINCT FROM ${exclude}::text)
    )
    SELECT f.idx, x.batch_id AS "batchId"
    FROM file f JOIN existing x USING (local_date, amount_minor, reference, occurrence)`;
  const counts = new Map<string | null, number>();
  for (const m of matches) {
    byRow.set(m.idx, m.batchId);
    counts.set(m.batchId, (counts.get(m.batchId) ?? 0) + 1);
  }
  const ids = [...counts.keys()].filter((id): id is string => id !== null);
  const found = ids.length
    ? await tx.importBatch.findMany({
        where: { organizationId, id: { in: ids } },
        select: {
          id: true,
          fileName: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          apiToken: { select: { name: true } },
        },
      })
    : [];
  // A batch the API sent names its token, not a member.
  const importedBy = (b: (typeof found)[number]) =>
    b.apiToken ? describeActor({ kind: "token", name: b.apiToken.name }) : (b.createdBy?.name ?? null);
  const batches: TDuplicateBatch[] = found
    .map((b) => ({
      batchId: b.id,
      fileName: b.fileName,
      importedAt: b.createdAt,
      importedBy: importedBy(b),
      rowCount: counts.get(b.id) ?? 0,
    }))
    .sort((a, b) => a.importedAt.getTime() - b.importedAt.getTime());
  const manual = counts.get(null);
  if (manual) batches.push({ batchId: null, fileName: null, importedAt: null, importedBy: null, rowCount: manual });
  return { byRow, batches };
}
