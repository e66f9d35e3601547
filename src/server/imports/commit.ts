import "server-only";
import type { Prisma } from "@db/client";
import type { TBadRow } from "@/lib/csv/rows";
import { describeBadRows } from "@/lib/csv/summary";
import type { TAlreadyImported, TAlreadyImportedOutcome, TImportProgress } from "@/lib/csv/wire";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { TTenantContext } from "../tenant";

// The commit every CSV import shares: a file already imported (same sha256, same kind) adds
// nothing; bad rows refuse the file unless the user chose to skip them; the rows are written in one
// transaction that holds the file's lock, so two commits of the same file wait for each other and
// the second sees the first's batch.

export type TProgressListener = (progress: TImportProgress) => void;

/** What the commit needs of a file read by an import: its identity and its rows. */
export type TParsedFile = {
  fileName: string;
  fileHash: string;
  /** How the file was read (columns, formats), stored on the batch. */
  mapping: Prisma.InputJsonValue;
  rows: { accepted: readonly unknown[]; bad: TBadRow[] };
};

/** Rows per INSERT: small enough for steady progress, large enough that round trips do not dominate. */
export const IMPORT_CHUNK_ROWS = 5000;

/** A 100,000-row file writes in seconds; the generous bound only stops a transaction that hangs. */
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };

/** The batch of `kind` that already holds this exact file, if any. */
export async function findImportedBatch(
  tx: Tx,
  ctx: TTenantContext,
  kind: string,
  fileHash: string,
): Promise<TAlreadyImported | null> {
  const { organizationId } = ctx;
  const batch = await tx.importBatch.findFirst({
    where: { organizationId, kind, fileHash },
    orderBy: { createdAt: "asc" },
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

async function lockFile(tx: Tx, organizationId: string, kind: string, fileHash: string): Promise<void> {
  const key = `${kind}-import:${organizationId}:${fileHash}`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
}

export function assertCommittable(parsed: TParsedFile, skipBadRows: boolean): void {
  const { bad, accepted } = parsed.rows;
  if (bad.length && !skipBadRows) {
    const count = bad.length.toLocaleString("en-US");
    const message = `${count} row${bad.length === 1 ? " has" : "s have"} problems (${describeBadRows(bad)}). Fix the file, or choose to skip ${bad.length === 1 ? "it" : "them"}.`;
    throw new AppError("VALIDATION", message, { skipBadRows: [message] });
  }
  if (!accepted.length)
    throw new AppError("VALIDATION", "No row of this file can be imported.", {
      file: ["No row of this file can be imported."],
    });
}

/**
 * Commits `parsed` as one batch of `kind` through `write`, or answers that the file was already
 * imported. `write` runs inside the transaction and the file's lock; whatever it throws rolls back
 * everything, the batch included.
 */
export async function commitImport<R>(
  ctx: TTenantContext,
  kind: string,
  parsed: TParsedFile,
  skipBadRows: boolean,
  write: (tx: Tx) => Promise<R>,
  /** byContent: `write` recognises rows already stored itself; the file's bytes are not compared. */
  options: { byContent?: boolean } = {},
): Promise<R | TAlreadyImportedOutcome> {
  const { organizationId } = ctx;
  // Cheap answer for the common repeat, before any validation of rows the user already saw.
  const existing = options.byContent ? null : await findImportedBatch(db, ctx, kind, parsed.fileHash);
  if (existing) return { outcome: "already-imported", ...existing };
  assertCommittable(parsed, skipBadRows);
  return db.$transaction(async (tx) => {
    // By content, any two imports of the kind in the organization may touch the same rows.
    await lockFile(tx, organizationId, kind, options.byContent ? "content" : parsed.fileHash);
    const raced = options.byContent ? null : await findImportedBatch(tx, ctx, kind, parsed.fileHash);
    if (raced) return { outcome: "already-imported", ...raced };
    return write(tx);
  }, TRANSACTION_OPTIONS);
}

/** The batch row: who imported which file how, and the lines they chose to skip. */
export async function createImportBatch(
  tx: Tx,
  ctx: TTenantContext,
  kind: string,
  parsed: TParsedFile,
  totals: {
    rowCount: number;
    totalMinor?: bigint;
    roundedCount?: number;
    duplicateCount?: number;
    duplicatesImported?: boolean;
    newCount?: number;
    changedCount?: number;
    unchangedCount?: number;
  },
): Promise<string> {
  const { fileName, fileHash, mapping, rows } = parsed;
  const batch = await tx.importBatch.create({
    data: {
      organizationId: ctx.organizationId,
      kind,
      fileName,
      fileHash,
      mapping,
      createdById: ctx.userId,
      totalMinor: 0n,
      roundedCount: 0,
      ...totals,
      skipped: rows.bad,
    },
    select: { id: true },
  });
  return batch.id;
}

/** Writes `rows` chunk by chunk through `insert`, reporting the rows written after each chunk. */
export async function writeInChunks<T>(
  rows: readonly T[],
  onProgress: TProgressListener,
  insert: (chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
    await insert(chunk);
    onProgress({ stage: "writing", done: start + chunk.length, total: rows.length });
  }
}
