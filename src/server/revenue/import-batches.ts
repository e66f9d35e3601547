import "server-only";
import { z } from "zod";
import type { TBadRow } from "@/lib/csv/rows";
import type { TImportBatchItem } from "@/lib/csv/wire";
import type { MonthKey } from "@/lib/period";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { KPI_IMPORT_KIND } from "@/lib/csv/kpi-wire";
import { kpiUndoRefusal, readKpiBatchAudit } from "../accountability/kpi-import-undo";
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

const ZKpiMapping = z.object({ departmentId: z.string(), department: z.string() });

/**
 * The organization's most recent imports of actuals and of KPI values, newest first, with the months
 * each touches (a KPI batch's months and undo information come from its import's audit event).
 */
export async function listImportBatches(ctx: TTenantContext, timeZone: string, options: { take?: number; kinds?: ("revenue" | "kpi")[] } = {}): Promise<TImportBatchItem[]> {
  const { organizationId } = ctx;
  const kinds = options.kinds ?? [REVENUE_IMPORT_KIND];
  const [batches, closed] = await Promise.all([
    db.importBatch.findMany({
      where: { organizationId, kind: { in: kinds } },
      orderBy: { createdAt: "desc" },
      take: options.take ?? 50,
      select: { id: true, kind: true, fileName: true, createdAt: true, rowCount: true, totalMinor: true, roundedCount: true, duplicateCount: true, duplicatesImported: true, skipped: true, mapping: true, createdBy: { select: { name: true } } },
    }),
    getClosedMonths(db, organizationId),
  ]);
  const revenueIds = batches.filter((b) => b.kind === REVENUE_IMPORT_KIND).map((b) => b.id);
  const kpiIds = batches.filter((b) => b.kind === KPI_IMPORT_KIND).map((b) => b.id);
  const [months, kpiInfo] = await Promise.all([getBatchMonths(db, organizationId, timeZone, revenueIds), readKpiBatchAudit(db, organizationId, kpiIds)]);
  return batches.map((b) => {
    const isKpi = b.kind === KPI_IMPORT_KIND;
    const info = kpiInfo.get(b.id);
    const batchMonths = (isKpi ? info?.months : months.get(b.id)) ?? [];
    const mapping = isKpi ? ZKpiMapping.safeParse(b.mapping) : null;
    return {
      id: b.id,
      kind: isKpi ? "kpi" : "revenue",
      department: mapping?.success ? { id: mapping.data.departmentId, name: mapping.data.department } : null,
      undoRefusal: isKpi ? kpiUndoRefusal(info) : null,
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
