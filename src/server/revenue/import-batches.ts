import "server-only";
import { z } from "zod";
import type { TBadRow } from "@/lib/csv/rows";
import type { TImportBatchItem } from "@/lib/csv/wire";
import type { MonthKey } from "@/lib/period";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { getClosedMonths } from "./period-close";

// Reads over committed import batches. A batch's months are those of its entries in the
// organization's zone, computed in SQL from the (organizationId, importBatchId) index.

export const REVENUE_IMPORT_KIND = "revenue";

const ZSkipped = z.array(z.object({ line: z.number().int(), reason: z.string() }));

/** The months (in `timeZone`) that each of `batchIds` has entries in. */
export async function getBatchMonths(tx: Tx, organizationId: string, timeZone: string, batchIds: string[]): Promise<Map<string, MonthKey[]>> {
  const months = new Map<string, MonthKey[]>();
  if (!batchIds.length) return months;
  const rows = await tx.$queryRaw<{ batchId: string; month: string }[]>`
    SELECT DISTINCT "importBatchId" AS "batchId",
           to_char(date_trunc('month', "occurredAt" AT TIME ZONE ${timeZone}), 'YYYY-MM') AS month
    FROM "RevenueEntry"
    WHERE "organizationId" = ${organizationId} AND "importBatchId" = ANY(${batchIds}::text[])
    ORDER BY 2`;
  for (const row of rows) months.set(row.batchId, [...(months.get(row.batchId) ?? []), row.month as MonthKey]);
  return months;
}

export function readSkipped(value: unknown): TBadRow[] {
  const parsed = ZSkipped.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The organization's most recent revenue imports, newest first, with the months each touches. */
export async function listImportBatches(ctx: TTenantContext, timeZone: string, options: { take?: number } = {}): Promise<TImportBatchItem[]> {
  const { organizationId } = ctx;
  const [batches, closed] = await Promise.all([
    db.importBatch.findMany({
      where: { organizationId, kind: REVENUE_IMPORT_KIND },
      orderBy: { createdAt: "desc" },
      take: options.take ?? 50,
      select: { id: true, fileName: true, createdAt: true, rowCount: true, totalMinor: true, roundedCount: true, duplicateCount: true, duplicatesImported: true, skipped: true, createdBy: { select: { name: true } } },
    }),
    getClosedMonths(db, organizationId),
  ]);
  const months = await getBatchMonths(db, organizationId, timeZone, batches.map((b) => b.id));
  return batches.map((b) => {
    const batchMonths = months.get(b.id) ?? [];
    return {
      id: b.id,
      fileName: b.fileName,
      createdAt: b.createdAt,
      createdBy: b.createdBy?.name ?? null,
      rowCount: b.rowCount,
      totalMinor: b.totalMinor,
      roundedCount: b.roundedCount,
      duplicateCount: b.duplicateCount,
      duplicatesImported: b.duplicatesImported,
      skipped: readSkipped(b.skipped),
      months: batchMonths,
      closedMonths: batchMonths.filter((m) => closed.has(m)),
    };
  });
}
