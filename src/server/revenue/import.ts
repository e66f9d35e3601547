import "server-only";
import { ZRevenueImportInput } from "@/lib/csv/schema";
import { describeBadRows, isTotalInRange } from "@/lib/csv/summary";
import type { TCommitResult, TImportPreview, TImportProgress } from "@/lib/csv/wire";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";
import { findImportedBatch, REVENUE_IMPORT_KIND } from "./import-batches";
import { readRevenueImport, type TParsedImport } from "./import-file";
import { assertMonthsOpen, getClosedMonths } from "./period-close";
import { getOrganizationMoney } from "./targets";

// CSV import of actuals. The preview and the commit read the same uploaded bytes the same way; the
// commit writes every accepted row or none, in one transaction, and a file already imported
// (same sha256) adds nothing.

export type TProgressListener = (progress: TImportProgress) => void;

/** Rows per INSERT: small enough for steady progress, large enough that round trips do not dominate. */
const CHUNK_ROWS = 5000;

/** A 100,000-row file writes in seconds; the generous bound only stops a transaction that hangs. */
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };

async function readForOrganization(ctx: TTenantContext, input: Parameters<typeof readRevenueImport>[0]): Promise<TParsedImport> {
  const { currency, digits, timeZone } = await getOrganizationMoney(db, ctx.organizationId);
  const closed = await getClosedMonths(db, ctx.organizationId);
  return readRevenueImport(input, { currency, digits, timeZone }, closed);
}

/** Reads the file and reports what a commit would write. Nothing is written; the permission is the writer's. */
export const previewRevenueImport = tenantMutation({
  schema: ZRevenueImportInput,
  permission: "actuals.write",
  run: async (ctx, input): Promise<TImportPreview> => {
    const parsed = await readForOrganization(ctx, input);
    const { fileName, fileHash, header, delimiter, dateFormat, isDateFormatDetected, summary } = parsed;
    const alreadyImported = await findImportedBatch(db, ctx.organizationId, fileHash);
    return { fileName, fileHash, header, delimiter, dateFormat, isDateFormatDetected, summary, alreadyImported };
  },
});

function assertCommittable(parsed: TParsedImport, skipBadRows: boolean): void {
  const { summary, rows } = parsed;
  if (rows.bad.length && !skipBadRows) {
    const message = `${summary.badRowCount} row${summary.badRowCount === 1 ? " has" : "s have"} problems (${describeBadRows(rows.bad)}). Fix the file, or choose to skip ${summary.badRowCount === 1 ? "it" : "them"}.`;
    throw new AppError("VALIDATION", message, { skipBadRows: [message] });
  }
  if (!rows.accepted.length) throw new AppError("VALIDATION", "No row of this file can be imported.", { file: ["No row of this file can be imported."] });
  if (!isTotalInRange(summary.totalMinor)) throw new AppError("VALIDATION", "The file's total is too large to store.", { file: ["The file's total is too large to store."] });
}

/** Two commits of the same file wait for each other here, so the second sees the first's batch. */
async function lockFile(tx: Tx, organizationId: string, fileHash: string): Promise<void> {
  const key = `revenue-import:${organizationId}:${fileHash}`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
}

/**
 * Inserts the batch's rows in chunks, one INSERT … SELECT FROM unnest(arrays) per chunk. Measured on
 * 100,000 rows this is several times faster than createMany, whose per-row bind parameters and
 * row mapping dominate at this size; the tenant and batch are single parameters of every chunk.
 */
async function insertEntries(tx: Tx, ctx: TTenantContext, batchId: string, parsed: TParsedImport, onProgress: TProgressListener): Promise<void> {
  const rows = parsed.rows.accepted;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    await tx.$executeRaw`
      INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source, reference, customer, "importBatchId", "importLine", "createdById")
      SELECT ${ctx.organizationId}, gen_random_uuid()::text, r.occurred_at, r.amount_minor, 'IMPORT'::"RevenueSource", r.reference, r.customer, ${batchId}, r.line, ${ctx.userId}
      FROM unnest(
        ${chunk.map((row) => row.occurredAt)}::timestamptz[],
        ${chunk.map((row) => row.amountMinor.toString())}::bigint[],
        ${chunk.map((row) => row.reference)}::text[],
        ${chunk.map((row) => row.customer)}::text[],
        ${chunk.map((row) => row.line)}::int[]
      ) AS r(occurred_at, amount_minor, reference, customer, line)`;
    onProgress({ stage: "writing", done: start + chunk.length, total: rows.length });
  }
}

async function writeBatch(tx: Tx, ctx: TTenantContext, parsed: TParsedImport, onProgress: TProgressListener): Promise<TCommitResult> {
  const { organizationId } = ctx;
  await lockFile(tx, organizationId, parsed.fileHash);
  const existing = await findImportedBatch(tx, organizationId, parsed.fileHash);
  if (existing) return { outcome: "already-imported", ...existing };
  await assertMonthsOpen(tx, organizationId, parsed.summary.months.map((m) => m.month));
  const { fileName, fileHash, summary, rows, mapping } = parsed;
  const batch = await tx.importBatch.create({
    data: {
      organizationId,
      kind: REVENUE_IMPORT_KIND,
      fileName,
      fileHash,
      mapping,
      createdById: ctx.userId,
      rowCount: summary.acceptedCount,
      totalMinor: summary.totalMinor,
      roundedCount: summary.roundedCount,
      skipped: rows.bad,
    },
    select: { id: true },
  });
  await insertEntries(tx, ctx, batch.id, parsed, onProgress);
  // The audit event describes the batch; its rows are in the batch, not copied into the log.
  const after = { id: batch.id, fileName, fileHash, rowCount: summary.acceptedCount, totalMinor: summary.totalMinor, roundedCount: summary.roundedCount, skippedLines: rows.bad.map((b) => b.line), mapping };
  await recordAudit(tx, { organizationId, actorId: ctx.userId, action: "revenue.imported", entityType: "ImportBatch", entityId: batch.id, after });
  return { outcome: "imported", batchId: batch.id, rowCount: summary.acceptedCount, totalMinor: summary.totalMinor, roundedCount: summary.roundedCount, skippedCount: rows.bad.length };
}

const commitMutation = (onProgress: TProgressListener) =>
  tenantMutation({
    schema: ZRevenueImportInput,
    permission: "actuals.write",
    run: async (ctx, input): Promise<TCommitResult> => {
      onProgress({ stage: "checking", done: 0, total: 0 });
      const parsed = await readForOrganization(ctx, input);
      // Cheap answer for the common repeat, before any validation of rows the user already saw.
      const existing = await findImportedBatch(db, ctx.organizationId, parsed.fileHash);
      if (existing) return { outcome: "already-imported", ...existing };
      assertCommittable(parsed, input.skipBadRows);
      return db.$transaction((tx) => writeBatch(tx, ctx, parsed, onProgress), TRANSACTION_OPTIONS);
    },
  });

/**
 * Writes every accepted row of the file as one batch, or nothing. Bad rows refuse the commit
 * unless `skipBadRows` is set, and are then recorded on the batch with their reasons.
 * `onProgress` hears how many rows are written, for the route's streamed progress.
 */
export function commitRevenueImport(userId: string | null, slug: string, rawInput: unknown, onProgress: TProgressListener = () => {}) {
  return commitMutation(onProgress)(userId, slug, rawInput);
}
