import "server-only";
import { kpiMonthKey, type TKpiImportRow } from "@/lib/csv/kpi-rows";
import { ZKpiImportInput, type TKpiImportInput } from "@/lib/csv/kpi-schema";
import { summariseKpiRows } from "@/lib/csv/kpi-summary";
import { KPI_IMPORT_KIND, type TKpiCommitResult, type TKpiImportPreview } from "@/lib/csv/kpi-wire";
import { dbDateToMonth, monthToDbDate } from "@/lib/period";
import { tenantMutation, type TPermissionDeclaration } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { TAlreadyImported } from "@/lib/csv/wire";
import {
  commitImport,
  createImportBatch,
  findImportedBatch,
  writeInChunks,
  type TProgressListener,
} from "../imports/commit";
import { assertMonthsOpen, getClosedMonths } from "../periods/open-months";
import { getOrganizationMoney } from "../organizations/queries";
import type { TTenantContext } from "../tenant";
import { departmentForWrite } from "./guards";
import { readKpiImport, type TKpiImportTarget, type TParsedKpiImport } from "./kpi-import-file";

// CSV import of a department's monthly KPI values (DESIGN.md "Data in and out"), with the revenue
// import's rules: a preview that writes nothing; a commit of every good row or none, in one
// transaction; bad rows refuse the file unless the user chose to skip them; the same file twice
// adds nothing. Values are upserted per (KPI, month) and stamped with the KPI's current target.
// Duplicates are recognised by content (key: KPI, month): a row whose value is the one stored now is
// "unchanged" and not written again, so a re-saved copy of an imported file changes nothing and is
// answered as already imported (by the batch that wrote those values).
// There is no undo: an imported value may have replaced an earlier one (KpiValue → ImportBatch is
// ON DELETE RESTRICT).

const permission: TPermissionDeclaration<TKpiImportInput> = {
  permission: "department.write",
  department: (input) => input.departmentId,
};

/** The department (this organization's, writable by this user, not archived) and what its rows are checked against. */
async function loadTarget(ctx: TTenantContext, departmentId: string): Promise<TKpiImportTarget> {
  const { organizationId } = ctx;
  const department = await departmentForWrite(db, ctx, departmentId);
  const [kpis, { currency, timeZone }, closedMonths] = await Promise.all([
    db.kpi.findMany({
      where: { organizationId, departmentId: department.id, archivedAt: null },
      select: { id: true, name: true, unit: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    getOrganizationMoney(db, ctx),
    getClosedMonths(db, ctx),
  ]);
  return { department, kpis, currency, timeZone, closedMonths };
}

/** The values stored now for the rows' KPIs and months, by kpiMonthKey. */
async function currentValues(tx: Tx, organizationId: string, rows: TKpiImportRow[]): Promise<Map<string, bigint>> {
  if (!rows.length) return new Map();
  const values = await tx.kpiValue.findMany({
    where: {
      organizationId,
      kpiId: { in: [...new Set(rows.map((r) => r.kpiId))] },
      month: { in: [...new Set(rows.map((r) => r.month))].map(monthToDbDate) },
    },
    select: { kpiId: true, month: true, valueScaled: true },
  });
  return new Map(values.map((v) => [kpiMonthKey(v.kpiId, dbDateToMonth(v.month)), v.valueScaled]));
}

/**
 * The import that holds a file whose every value is already stored: the batch with these exact bytes,
 * else the latest batch that wrote one of these values. Null when they were all entered by hand.
 */
async function batchOfValues(
  tx: Tx,
  ctx: TTenantContext,
  rows: TKpiImportRow[],
  fileHash: string,
): Promise<TAlreadyImported | null> {
  const { organizationId } = ctx;
  const sameFile = await findImportedBatch(tx, ctx, KPI_IMPORT_KIND, fileHash);
  if (sameFile) return sameFile;
  const batch = await tx.importBatch.findFirst({
    where: {
      organizationId,
      kind: KPI_IMPORT_KIND,
      kpiValues: {
        some: {
          organizationId,
          kpiId: { in: [...new Set(rows.map((r) => r.kpiId))] },
          month: { in: [...new Set(rows.map((r) => r.month))].map(monthToDbDate) },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, fileName: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return (
    batch && {
      batchId: batch.id,
      fileName: batch.fileName,
      importedAt: batch.createdAt,
      importedBy: batch.createdBy?.name ?? null,
    }
  );
}

/** Reads the file and reports what a commit would write, next to the values it would replace. Nothing is written. */
export const previewKpiImport = tenantMutation({
  schema: ZKpiImportInput,
  permission,
  run: async (ctx, input): Promise<TKpiImportPreview> => {
    const target = await loadTarget(ctx, input.departmentId);
    const parsed = await readKpiImport(input, target);
    const { fileName, fileHash, header, delimiter, monthFormat, isMonthFormatDetected, rows } = parsed;
    const current = await currentValues(db, ctx.organizationId, rows.accepted);
    const summary = summariseKpiRows(rows, target.kpis, current);
    const alreadyImported =
      summary.acceptedCount > 0 && summary.newCount + summary.changedCount === 0
        ? await batchOfValues(db, ctx, rows.accepted, fileHash)
        : null;
    return { fileName, fileHash, header, delimiter, monthFormat, isMonthFormatDetected, summary, alreadyImported };
  },
});

/**
 * Upserts the rows chunk by chunk, one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per chunk.
 * The join re-reads each KPI inside the transaction: its target is the one stamped on the value, and
 * a KPI archived or moved since the file was read writes nothing, which the row count then refuses.
 */
function upsertValues(
  tx: Tx,
  ctx: TTenantContext,
  departmentId: string,
  batchId: string,
  rows: TKpiImportRow[],
  onProgress: TProgressListener,
): Promise<void> {
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
    if (written !== chunk.length)
      throw new AppError(
        "CONFLICT",
        "A KPI of this file was archived or changed while the file was imported. Check the file again.",
      );
  });
}

async function writeBatch(
  tx: Tx,
  ctx: TTenantContext,
  target: TKpiImportTarget,
  parsed: TParsedKpiImport,
  onProgress: TProgressListener,
): Promise<TKpiCommitResult> {
  const { organizationId } = ctx;
  const { accepted, bad } = parsed.rows;
  const current = await currentValues(tx, organizationId, accepted);
  const summary = summariseKpiRows(parsed.rows, target.kpis, current);
  // By content: a value already stored is not written again (it keeps the batch that wrote it).
  const toWrite = (accepted as TKpiImportRow[]).filter(
    (row) => current.get(kpiMonthKey(row.kpiId, row.month)) !== row.valueScaled,
  );
  if (!toWrite.length) {
    const holder = await batchOfValues(tx, ctx, accepted, parsed.fileHash);
    if (holder) return { outcome: "already-imported", ...holder };
    const message = `Nothing to change: the ${countValues(accepted.length)} of this file ${accepted.length === 1 ? "is" : "are"} already stored.`;
    throw new AppError("VALIDATION", message, { file: [message] });
  }
  await assertMonthsOpen(tx, ctx, summary.months);
  const replacedValues = await valuesReplaced(tx, organizationId, toWrite, current);
  const batchId = await createImportBatch(tx, ctx, KPI_IMPORT_KIND, parsed, {
    rowCount: accepted.length,
    duplicateCount: summary.unchangedCount,
  });
  await upsertValues(tx, ctx, target.department.id, batchId, toWrite, onProgress);
  const counts = { rowCount: accepted.length, newCount: summary.newCount, changedCount: summary.changedCount };
  // One event for the batch: its values are in KpiValue (importBatchId), not copied into the log.
  const after = {
    id: batchId,
    kind: KPI_IMPORT_KIND,
    departmentId: target.department.id,
    fileName: parsed.fileName,
    fileHash: parsed.fileHash,
    ...counts,
    unchangedCount: summary.unchangedCount,
    months: summary.months,
    skippedLines: bad.map((b) => b.line),
    mapping: parsed.mapping,
  };
  // The values it replaced are recorded, so that undoing the batch can restore them (kpi-import-undo.ts).
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: "kpiValues.imported",
    entityType: "ImportBatch",
    entityId: batchId,
    before: { replacedValues },
    after,
  });
  return { outcome: "imported", batchId, ...counts, skippedCount: bad.length, months: summary.months };
}

/** The stored values that `rows` change (not the new ones), as they are before the import. */
async function valuesReplaced(
  tx: Tx,
  organizationId: string,
  rows: TKpiImportRow[],
  current: ReadonlyMap<string, bigint>,
) {
  const changed = rows.filter((row) => current.has(kpiMonthKey(row.kpiId, row.month)));
  if (!changed.length) return [];
  const values = await tx.kpiValue.findMany({
    where: { organizationId, OR: changed.map((row) => ({ kpiId: row.kpiId, month: monthToDbDate(row.month) })) },
    select: {
      kpiId: true,
      month: true,
      valueScaled: true,
      targetScaled: true,
      importBatchId: true,
      updatedById: true,
      updatedAt: true,
    },
  });
  return values.map((v) => ({
    kpiId: v.kpiId,
    month: dbDateToMonth(v.month),
    valueScaled: v.valueScaled.toString(),
    targetScaled: v.targetScaled?.toString() ?? null,
    importBatchId: v.importBatchId,
    updatedById: v.updatedById,
    updatedAt: v.updatedAt.toISOString(),
  }));
}

const countValues = (n: number) => `${n.toLocaleString("en-US")} value${n === 1 ? "" : "s"}`;

const commitMutation = (onProgress: TProgressListener) =>
  tenantMutation({
    schema: ZKpiImportInput,
    permission,
    run: async (ctx, input): Promise<TKpiCommitResult> => {
      onProgress({ stage: "checking", done: 0, total: 0 });
      const target = await loadTarget(ctx, input.departmentId);
      const parsed = await readKpiImport(input, target);
      return commitImport(
        ctx,
        KPI_IMPORT_KIND,
        parsed,
        input.skipBadRows,
        (tx) => writeBatch(tx, ctx, target, parsed, onProgress),
        { byContent: true },
      );
    },
  });

/**
 * Writes every good row of the file as one batch, or nothing; `onProgress` hears how many rows are
 * written, for the route's streamed progress.
 */
export function commitKpiImport(
  userId: string | null,
  slug: string,
  rawInput: unknown,
  onProgress: TProgressListener = () => {},
) {
  return commitMutation(onProgress)(userId, slug, rawInput);
}
