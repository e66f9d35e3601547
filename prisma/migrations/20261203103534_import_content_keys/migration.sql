-- DropIndex
DROP INDEX "ImportBatch_organizationId_kind_fileHash_key";

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "duplicateCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "duplicatesImported" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ImportBatch_organizationId_kind_fileHash_idx" ON "ImportBatch"("organizationId", "kind", "fileHash");
