import "server-only";
import { kpiMonthKey, type TKpiImportRow } from "@/lib/csv/kpi-rows";
import { ZKpiImportInput, type TKpiImportInput } from "@/lib/csv/kpi-schema";
import { summariseKpiRows } from "@/lib/csv/kpi-summary";
import { KPI_IMPORT_KIND, type TKpiCommitResult, type TKpiImportPreview } from "@/lib/csv/kpi-wire";
import { can } from "@/lib/permissions";
import { dbDateToMonth, monthToDbDate } from "@/lib/period";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { commitImport, createImportBatch, findImportedBatch, writeInChunks, type TProgressListener } from "../imports/commit";
import { assertMonthsOpen, getClosedMonths } from "../revenue/period-close";
import { getOrganizationMoney } from "../revenue/targets";
import type { TTenantContext } from "../tenant";
import { departmentForWrite } from "./guards";
import { readKpiImport, type TKpiImportTarget, type TParsedKpiImport } from "./kpi-import-file";

// CSV import of a department's monthly KPI values (DESIGN.md "Data in and out"), with the revenue
// import's rules: a preview that writes nothing; a commit of every good row or none, in one
// transaction; bad rows refuse the file unless the user chose to skip them; the same file twice
// adds nothing. Values are upserted per (KPI, month) and stamped with the KPI's current target.
// There is no undo: an imported value may have replaced an earlier one (KpiValue → ImportBatch is
// ON DELETE RESTRICT).

const permission = (ctx: TTenantContext, input: TKpiImportInput) => can(ctx, "department.write", input.departmentId);

/** The department (this organization's, writable by this user, not archived) and what its rows are checked against. */
async function loadTarget(ctx: TTenantContext, departmentId: string): Promise<TKpiImportTarget> {
  const { organizationId } = ctx;
  const department = await departmentForWrite(db, ctx, departmentId);
  const [kpis, { currency, timeZone }, closedMonths] = await Promise.all([
    db.kpi.findMany({ where: { organizationId, departmentId: department.id, archivedAt: null }, select: { id: true, name: true, unit: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    getOrganizationMoney(db, organizationId),
    getClosedMonths(db, organizationId),
  ]);
  return { department, kpis, currency, timeZone, closedMonths };
}

/** The values stored now for the rows' KPIs and months, by kpiMonthKey. */
async function currentValues(tx: Tx, organizationId: string, rows: TKpiImportRow[]): Promise<Map<string, bigint>> {
  if (!rows.length) return new Map();
  const values = await tx.kpiValue.findMany({
    where: { organizationId, kpiId: { in: [...new Set(rows.map((r) => r.kpiId))] }, month: { in: [...new Set(rows.map((r) => r.month))].map(monthToDbDate) } },
    select: { kpiId: true, month: true, valueScaled: true },
  });
  return new Map(values.map((v) => [kpiMonthKey(v.kpiId, dbDateToMonth(v.month)), v.valueScaled]));
}

/** Reads the file and reports what a commit would write, next to the values it would replace. Nothing is written. */
export const previewKpiImport = tenantMutation({
  schema: ZKpiImportInput,
  permission,
  run: async (ctx, input): Promise<TKpiImportPreview> => {
    const target = await loadTarget(ctx, input.departmentId);
    const parsed = await readKpiImport(input, target);
    const { fileName, fileHash, header, delimiter, monthFormat, isMonthFormatDetected, rows } = parsed;
    const [current, alreadyImported] = await Promise.all([currentValues(db, ctx.organizationId, rows.accepted), findImportedBatch(db, ctx.organizationId, KPI_IMPORT_KIND, fileHash)]);
    return { fileName, fileHash, header, delimiter, monthFormat, isMonthFormatDetected, summary: summariseKpiRows(rows, target.kpis, current), alreadyImported };
  },
});

/**
 * Upserts the rows chunk by chunk, one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per chunk.
 * The join re-reads each KPI inside the transaction: its target is the one stamped on the value, and
 * a KPI archived or moved since the file was read writes nothing, which the row count then refuses.
 */
function upsertValues(tx: Tx, ctx: TTenantContext, departmentId: string, batchId: string, rows: TKpiImportRow[], onProgress: TProgressListener): Promise<void> {
  const { organizationId, userId } = ctx;
  return writeInChunks(rows, onProgress, async (chunk) => {
    const written = await tx.$executeRaw`
      INSERT INTO "KpiValue" ("organizationId", id, "kpiId", month, "valueScaled", "targetScaled", "importBatchId", "updatedById", "updatedAt")
      SELECT k."organizationId", gen_random_uuid()::text, k.id, r.month, r.value_scaled, k."targetScaled", ${batchId}, ${userId}, now()
      FROM unnest(
        ${chunk.map((row) => row.kpiId)}::text[],
        ${chunk.map((row) => `${row.month}-01`)}::date[],
        ${chunk.map((row) => row.valueScaled.toString())}::bigint[]
      ) AS r(kpi_id, month, value_scaled)
      JOIN "Kpi" k ON k."organizationId" = ${organizationId} AND k.id = r.kpi_id AND k."departmentId" = ${departmentId} AND k."archivedAt" IS NULL
      ON CONFLICT ("organizationId", "kpiId", month) DO UPDATE SET
        "valueScaled" = EXCLUDED."valueScaled",
        "targetScaled" = EXCLUDED."targetScaled",
        "importBatchId" = EXCLUDED."importBatchId",
        "updatedById" = EXCLUDED."updatedById",
        "updatedAt" = EXCLUDED."updatedAt"`;
    if (written !== chunk.length) throw new AppError("CONFLICT", "A KPI of this file was archived or changed while the file was imported. Check the file again.");
  });
}

async function writeBatch(tx: Tx, ctx: TTenantContext, target: TKpiImportTarget, parsed: TParsedKpiImport, onProgress: TProgressListener): Promise<TKpiCommitResult> {
  const { organizationId } = ctx;
  const { accepted, bad } = parsed.rows;
  const summary = summariseKpiRows(parsed.rows, target.kpis, await currentValues(tx, organizationId, accepted));
  await assertMonthsOpen(tx, organizationId, summary.months);
  const batchId = await createImportBatch(tx, ctx, KPI_IMPORT_KIND, parsed, { rowCount: accepted.length });
  await upsertValues(tx, ctx, target.department.id, batchId, accepted, onProgress);
  const counts = { rowCount: accepted.length, newCount: summary.newCount, changedCount: summary.changedCount };
  // One event for the batch: its values are in KpiValue (importBatchId), not copied into the log.
  const after = { id: batchId, kind: KPI_IMPORT_KIND, departmentId: target.department.id, fileName: parsed.fileName, fileHash: parsed.fileHash, ...counts, unchangedCount: summary.unchangedCount, months: summary.months, skippedLines: bad.map((b) => b.line), mapping: parsed.mapping };
  await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "kpiValues.imported", entityType: "ImportBatch", entityId: batchId, after });
  return { outcome: "imported", batchId, ...counts, skippedCount: bad.length, months: summary.months };
}

const commitMutation = (onProgress: TProgressListener) =>
  tenantMutation({
    schema: ZKpiImportInput,
    permission,
    run: async (ctx, input): Promise<TKpiCommitResult> => {
      onProgress({ stage: "checking", done: 0, total: 0 });
      const target = await loadTarget(ctx, input.departmentId);
      const parsed = await readKpiImport(input, target);
      return commitImport(ctx, KPI_IMPORT_KIND, parsed, input.skipBadRows, (tx) => writeBatch(tx, ctx, target, parsed, onProgress));
    },
  });

/**
 * Writes every good row of the file as one batch, or nothing; `onProgress` hears how many rows are
 * written, for the route's streamed progress.
 */
export function commitKpiImport(userId: string | null, slug: string, rawInput: unknown, onProgress: TProgressListener = () => {}) {
  return commitMutation(onProgress)(userId, slug, rawInput);
}
