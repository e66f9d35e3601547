import "server-only";
import { ZOpportunityImportInput } from "@/lib/csv/opportunity-schema";
import type { TOpportunityImportRow } from "@/lib/csv/opportunity-rows";
import {
  importedMessage,
  OPPORTUNITY_IMPORT_KIND,
  summariseOpportunityRows,
  type TOpportunityCommitResult,
  type TOpportunityImportPreview,
} from "@/lib/csv/opportunity-summary";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import {
  commitImport,
  createImportBatch,
  findImportedBatch,
  writeInChunks,
  type TProgressListener,
} from "../imports/commit";
import type { TTenantContext } from "../tenant";
import { CHANGE_COLUMNS, IMPORTED_OPPORTUNITY_COLUMNS, insertRows } from "./import-bulk";
import { readOpportunityImport, type TParsedOpportunityImport } from "./import-file";
import { takeWeeklySnapshot } from "./snapshots";
import { now as clockNow } from "../clock";

// CSV import of deals from a CRM export (issue 5), with the shared import rules: a preview that
// writes nothing; every good row or none, in one transaction; bad rows refuse the file unless the
// user chose to skip them; the same file twice adds nothing (same hash). Deals are matched on their
// external id: a new id creates a deal, a known one updates only what differs — a row equal to the
// deal writes nothing, so re-importing an unchanged export changes nothing even as a new file.
// Every created or changed deal gets an OpportunityChange row (who, when, old and new values).

const permission = "pipeline.write" as const;

export const previewOpportunityImport = tenantMutation({
  schema: ZOpportunityImportInput,
  permission,
  run: async (ctx, input): Promise<TOpportunityImportPreview> => {
    const parsed = await readOpportunityImport(db, ctx, input);
    const alreadyImported = await findImportedBatch(db, ctx, OPPORTUNITY_IMPORT_KIND, parsed.fileHash);
    const { fileName, fileHash, header, delimiter, dateFormat, isDateFormatDetected } = parsed;
    const summary = summariseOpportunityRows(parsed.rows, parsed.stageNames, parsed.defaultCloseDate);
    return {
      fileName,
      fileHash,
      header,
      delimiter,
      dateFormat,
      isDateFormatDetected,
      stageValues: parsed.stageValues,
      ownerValues: parsed.ownerValues,
      categoryValues: parsed.categoryValues,
      summary,
      alreadyImported,
    };
  },
});

const dealRow = (ctx: TTenantContext, id: string, row: TOpportunityImportRow, now: Date) => ({
  organizationId: ctx.organizationId,
  id,
  ...row.fields,
  externalId: row.externalId,
  closedAt: row.fields.outcome === "OPEN" ? null : now,
  createdAt: now,
  updatedAt: now,
});

/**
 * New deals: one INSERT per chunk, and their "created" history rows, linked to the batch with the
 * version the deal starts at (0), so the batch's undo can tell whether anyone changed it since.
 */
async function insertDeals(
  tx: Tx,
  ctx: TTenantContext,
  batchId: string,
  rows: TOpportunityImportRow[],
  now: Date,
  onProgress: TProgressListener,
) {
  await writeInChunks(rows, onProgress, async (chunk) => {
    const deals = chunk.map((row) => dealRow(ctx, crypto.randomUUID(), row, now));
    const written = await insertRows(tx, "Opportunity", IMPORTED_OPPORTUNITY_COLUMNS, deals, {
      onConflict: 'ON CONFLICT ("organizationId", "externalId") DO NOTHING',
    });
    // Another writer created one of these external ids since the file was read.
    if (written !== deals.length)
      throw new AppError(
        "CONFLICT",
        "A deal of this file was created while the file was imported. Check the file again.",
      );
    await insertRows(
      tx,
      "OpportunityChange",
      CHANGE_COLUMNS,
      deals.map((d) => ({
        organizationId: ctx.organizationId,
        id: crypto.randomUUID(),
        opportunityId: d.id,
        changedById: ctx.userId,
        changedAt: now,
        changes: { created: [null, d.name] },
        importBatchId: batchId,
        version: 0,
      })),
    );
  });
}

/**
 * Changed deals: one UPDATE … FROM jsonb_to_recordset per chunk. closedAt follows the outcome (set
 * when a deal closes, cleared when it reopens). The rows were compared inside this transaction.
 * Each history row keeps the version the update left the deal at (the trigger moves it).
 */
async function updateDeals(
  tx: Tx,
  ctx: TTenantContext,
  batchId: string,
  rows: TOpportunityImportRow[],
  now: Date,
  onProgress: TProgressListener,
) {
  await writeInChunks(rows, onProgress, async (chunk) => {
    const deals = chunk.map((row) => dealRow(ctx, row.id ?? "", row, now));
    const written = await tx.$queryRaw<{ id: string; version: number }[]>`
      UPDATE "Opportunity" o SET name = r.name, account = r.account, "amountMinor" = r."amountMinor", "amountMissing" = r."amountMissing", "stageId" = r."stageId",
        outcome = r.outcome, "probabilityBp" = r."probabilityBp", "forecastCategory" = r."forecastCategory",
        "expectedCloseDate" = r."expectedCloseDate", "ownerId" = r."ownerId", "sourceDepartmentId" = r."sourceDepartmentId",
        "closedAt" = CASE WHEN r.outcome = 'OPEN' THEN NULL WHEN o.outcome = r.outcome THEN o."closedAt" ELSE ${now} END,
        "updatedAt" = ${now}
      FROM jsonb_to_recordset(${JSON.stringify(deals, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}::jsonb) AS r(
        id text, name text, account text, "amountMinor" bigint, "amountMissing" boolean, "stageId" text, outcome "StageOutcome", "probabilityBp" integer,
        "forecastCategory" "ForecastCategory", "expectedCloseDate" date, "ownerId" text, "sourceDepartmentId" text)
      WHERE o."organizationId" = ${ctx.organizationId} AND o.id = r.id
      RETURNING o.id, o.version`;
    if (written.length !== deals.length)
      throw new AppError(
        "CONFLICT",
        "A deal of this file was removed while the file was imported. Check the file again.",
      );
    const versions = new Map(written.map((w) => [w.id, w.version]));
    await insertRows(
      tx,
      "OpportunityChange",
      CHANGE_COLUMNS,
      chunk.map((row) => ({
        organizationId: ctx.organizationId,
        id: crypto.randomUUID(),
        opportunityId: row.id,
        changedById: ctx.userId,
        changedAt: now,
        changes: row.changes,
        importBatchId: batchId,
        version: versions.get(row.id ?? ""),
      })),
    );
  });
}

async function writeBatch(
  tx: Tx,
  ctx: TTenantContext,
  parsed: TParsedOpportunityImport,
  onProgress: TProgressListener,
): Promise<TOpportunityCommitResult> {
  const { organizationId } = ctx;
  const { accepted, bad } = parsed.rows;
  const created = accepted.filter((r) => r.kind === "new");
  const changed = accepted.filter((r) => r.kind === "changed");
  const counts = {
    rowCount: accepted.length,
    newCount: created.length,
    changedCount: changed.length,
    unchangedCount: accepted.length - created.length - changed.length,
  };
  const now = new Date();
  // The week's snapshot, if the week has none yet, is taken of the pipeline before this import:
  // "what changed since the last snapshot" then counts the deals it adds as new.
  await takeWeeklySnapshot(tx, ctx, await clockNow());
  const { rowCount, newCount, changedCount, unchangedCount } = counts;
  const batchId = await createImportBatch(tx, ctx, OPPORTUNITY_IMPORT_KIND, parsed, {
    rowCount,
    newCount,
    changedCount,
    unchangedCount,
    totalMinor: accepted.reduce((s, r) => s + r.fields.amountMinor, 0n),
  });
  // The stage, owner and category mappings of this file are remembered for the organization's next import.
  const {
    stageMapToRemember: pipelineStageMap,
    ownerMapToRemember: pipelineOwnerMap,
    categoryMapToRemember: pipelineCategoryMap,
  } = parsed;
  await tx.organization.update({
    where: { id: organizationId },
    data: { pipelineStageMap, pipelineOwnerMap, pipelineCategoryMap },
  });
  await insertDeals(tx, ctx, batchId, created, now, onProgress);
  await updateDeals(tx, ctx, batchId, changed, now, onProgress);
  // One event for the batch: the deals' own history holds each change.
  const after = {
    id: batchId,
    kind: OPPORTUNITY_IMPORT_KIND,
    fileName: parsed.fileName,
    fileHash: parsed.fileHash,
    ...counts,
    skippedLines: bad.map((b) => b.line),
    mapping: parsed.mapping,
  };
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: "opportunities.imported",
    entityType: "ImportBatch",
    entityId: batchId,
    after,
  });
  return {
    outcome: "imported",
    batchId,
    ...counts,
    skippedCount: bad.length,
    message: importedMessage({ ...counts, skippedCount: bad.length }),
  };
}

const commitMutation = (onProgress: TProgressListener) =>
  tenantMutation({
    schema: ZOpportunityImportInput,
    permission,
    run: async (ctx, input): Promise<TOpportunityCommitResult> => {
      onProgress({ stage: "checking", done: 0, total: 0 });
      const preview = await readOpportunityImport(db, ctx, input);
      // Read again inside the transaction: the deals compared are the ones the write sees.
      return commitImport(ctx, OPPORTUNITY_IMPORT_KIND, preview, input.skipBadRows, async (tx) =>
        writeBatch(tx, ctx, await readOpportunityImport(tx, ctx, input), onProgress),
      );
    },
  });

/** Writes every good row of the file as one batch, or nothing; `onProgress` hears the rows written. */
export function commitOpportunityImport(
  userId: string | null,
  slug: string,
  rawInput: unknown,
  onProgress: TProgressListener = () => {},
) {
  return commitMutation(onProgress)(userId, slug, rawInput);
}
