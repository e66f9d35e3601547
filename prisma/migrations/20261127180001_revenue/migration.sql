-- CreateEnum
CREATE TYPE "RevenueSource" AS ENUM ('MANUAL', 'IMPORT', 'API');

-- CreateTable
CREATE TABLE "RevenueTarget" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevenueTarget_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "RevenueEntry" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "source" "RevenueSource" NOT NULL,
    "reference" TEXT,
    "customer" TEXT,
    "importBatchId" TEXT,
    "importLine" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevenueEntry_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "totalMinor" BIGINT NOT NULL,
    "roundedCount" INTEGER NOT NULL,
    "skipped" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "PeriodClose" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "closedById" TEXT,
    "closedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodClose_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RevenueTarget_organizationId_month_key" ON "RevenueTarget"("organizationId", "month");

-- CreateIndex
CREATE INDEX "RevenueEntry_organizationId_occurredAt_amountMinor_idx" ON "RevenueEntry"("organizationId", "occurredAt", "amountMinor");

-- CreateIndex
CREATE INDEX "RevenueEntry_organizationId_importBatchId_idx" ON "RevenueEntry"("organizationId", "importBatchId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportBatch_organizationId_kind_fileHash_key" ON "ImportBatch"("organizationId", "kind", "fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodClose_organizationId_month_key" ON "PeriodClose"("organizationId", "month");

-- AddForeignKey
ALTER TABLE "RevenueTarget" ADD CONSTRAINT "RevenueTarget_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_organizationId_importBatchId_fkey" FOREIGN KEY ("organizationId", "importBatchId") REFERENCES "ImportBatch"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClose" ADD CONSTRAINT "PeriodClose_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClose" ADD CONSTRAINT "PeriodClose_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Targets are amounts to reach; a negative target is a typing error.
ALTER TABLE "RevenueTarget" ADD CONSTRAINT "RevenueTarget_amountMinor_nonnegative" CHECK ("amountMinor" >= 0);
