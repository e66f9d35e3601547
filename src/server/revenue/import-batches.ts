import "server-only";
import { z } from "zod";
import type { TBadRow } from "@/lib/csv/rows";
import type { TImportBatchItem } from "@/lib/csv/wire";
import type { MonthKey } from "@/lib/period";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";
import { KPI_IMPORT_KIND } from "@/lib/csv/kpi-wire";
import { kpiUndoRefusal, readKpiBatchAudit } from "../accountability/kpi-import-undo";
import { getClosedMonths } from "../periods/open-months";
import { OPPORTUNITY_IMPORT_KIND } from "@/lib/csv/opportunity-summary";

// Reads over committed import batches. A batch's months are those of its entries in the
// organization's zone, computed in SQL from the (organizationId, importBatchId) index.

export const REVENUE_IMPORT_KIND = "revenue";

const ZSkipped = z.array(z.object({ line: z.number().int(), reason: z.string() }));

/** The months (in `timeZone`) that each of `batchIds` has entries in. */
export async function getBatchMonths(
  tx: Tx,
  ctx: TTenantContext,
  timeZone: string,
  batchIds: string[],
): Promise<Map<string, MonthKey[]>> {
  const { organizationId } = ctx;
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
 * Pipeline batches whose history rows are not linked to them (imported before the link was kept):
 * they wrote deals but cannot say which, so they cannot be undone.
 */
async function untracedOpportunityBatches(
  organizationId: string,
  batches: { id: string; kind: string; newCount: number; changedCount: number }[],
): Promise<Set<string>> {
  const ids = batches
    .filter((b) => b.kind === OPPORTUNITY_IMPORT_KIND && b.newCount + b.changedCount > 0)
    .map((b) => b.id);
  if (!ids.length) return new Set();
  const linked = await db.opportunityChange.groupBy({
    by: ["importBatchId"],
    where: { organizationId, importBatchId: { in: ids } },
    _count: { _all: true },
  });
  const counts = new Map(linked.map((l) => [l.importBatchId, l._count._all]));
  return new Set(
    batches.filter((b) => ids.includes(b.id) && (counts.get(b.id) ?? 0) < b.newCount + b.changedCount).map((b) => b.id),
  );
}

/**
 * The organization's most recent imports of actuals, KPI values and deals, newest first, with the
 * months each touches (a KPI batch's months and undo information come from its import's audit
 * event; a pipeline batch has no months, and its counts are stored on it).
 */
export async function listImportBatches(
  ctx: TTenantContext,
  timeZone: string,
  options: { take?: number; kinds?: TImportBatchItem["kind"][] } = {},
): Promise<TImportBatchItem[]> {
  const { organizationId } = ctx;
  const kinds = options.kinds ?? [REVENUE_IMPORT_KIND];
  const [batches, closed] = await Promise.all([
    db.importBatch.findMany({
      where: { organizationId, kind: { in: kinds } },
      orderBy: { createdAt: "desc" },
      take: options.take ?? 50,
      select: {
        id: true,
        kind: true,
        fileName: true,
        createdAt: true,
        rowCount: true,
        totalMinor: true,
        roundedCount: true,
        duplicateCount: true,
        duplicatesImported: true,
        newCount: true,
        changedCount: true,
        unchangedCount: true,
        skipped: true,
        mapping: true,
        createdBy: { select: { name: true } },
        apiToken: { select: { name: true } },
      },
    }),
    getClosedMonths(db, ctx),
  ]);
  const revenueIds = batches.filter((b) => b.kind === REVENUE_IMPORT_KIND).map((b) => b.id);
  const kpiIds = batches.filter((b) => b.kind === KPI_IMPORT_KIND).map((b) => b.id);
  const [months, kpiInfo, untraced] = await Promise.all([
    getBatchMonths(db, ctx, timeZone, revenueIds),
    readKpiBatchAudit(db, ctx, kpiIds),
    untracedOpportunityBatches(organizationId, batches),
  ]);
  return batches.map((b) => {
    const isKpi = b.kind === KPI_IMPORT_KIND;
    const isDeals = b.kind === OPPORTUNITY_IMPORT_KIND;
    const info = kpiInfo.get(b.id);
    const batchMonths = (isKpi ? info?.months : months.get(b.id)) ?? [];
    const mapping = isKpi ? ZKpiMapping.safeParse(b.mapping) : null;
    return {
      id: b.id,
      kind: isKpi ? "kpi" : isDeals ? "opportunity" : "revenue",
      department: mapping?.success ? { id: mapping.data.departmentId, name: mapping.data.department } : null,
      undoRefusal: isKpi
        ? kpiUndoRefusal(info)
        : untraced.has(b.id)
          ? "It was imported before imports kept which deals they wrote."
          : null,
      fileName: b.fileName,
      createdAt: b.createdAt,
      createdBy: b.createdBy?.name ?? null,
      apiTokenName: b.apiToken?.name ?? null,
      rowCount: b.rowCount,
      totalMinor: b.totalMinor,
      roundedCount: b.roundedCount,
      duplicateCount: b.duplicateCount,
      duplicatesImported: b.duplicatesImported,
      newCount: b.newCount,
      changedCount: b.changedCount,
      unchangedCount: b.unchangedCount,
      skipped: readSkipped(b.skipped),
      months: batchMonths,
      closedMonths: batchMonths.filter((m) => closed.has(m)),
    };
  });
}
