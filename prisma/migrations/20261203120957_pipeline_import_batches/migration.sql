-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "changedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "newCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unchangedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OpportunityChange" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "restoresVersion" INTEGER,
ADD COLUMN     "version" INTEGER;

-- CreateIndex
CREATE INDEX "OpportunityChange_organizationId_importBatchId_idx" ON "OpportunityChange"("organizationId", "importBatchId");

-- AddForeignKey
ALTER TABLE "OpportunityChange" ADD CONSTRAINT "OpportunityChange_organizationId_importBatchId_fkey" FOREIGN KEY ("organizationId", "importBatchId") REFERENCES "ImportBatch"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Hand-written: pipeline batches imported before the counts were stored take them from their
-- import's audit event (append-only, one per batch). Their history rows were not linked to the
-- batch, so the list says they cannot be undone.
UPDATE "ImportBatch" b
SET "newCount" = COALESCE((a."after"->>'newCount')::int, 0),
    "changedCount" = COALESCE((a."after"->>'changedCount')::int, 0),
    "unchangedCount" = COALESCE((a."after"->>'unchangedCount')::int, 0)
FROM "AuditEvent" a
WHERE b."kind" = 'opportunity' AND a."organizationId" = b."organizationId" AND a."entityType" = 'ImportBatch'
  AND a."entityId" = b."id" AND a."action" = 'opportunities.imported';
