-- CreateEnum
CREATE TYPE "EmailFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NONE');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailFrequency" "EmailFrequency" NOT NULL DEFAULT 'DAILY',
ADD COLUMN     "emailVerifiedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Alert" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "context" JSONB NOT NULL DEFAULT '[]',
    "href" TEXT NOT NULL,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),
    "snoozedUntil" DATE,
    "snoozeReason" TEXT,
    "notifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "summary" TEXT,
    "lastError" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "EmailDelivery" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "EmailFrequency" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "alertCount" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmailDelivery_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "Alert_organizationId_userId_clearedAt_idx" ON "Alert"("organizationId", "userId", "clearedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_organizationId_userId_key_key" ON "Alert"("organizationId", "userId", "key");

-- CreateIndex
CREATE INDEX "JobRun_organizationId_job_startedAt_idx" ON "JobRun"("organizationId", "job", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_organizationId_job_periodKey_key" ON "JobRun"("organizationId", "job", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailDelivery_organizationId_userId_kind_periodKey_key" ON "EmailDelivery"("organizationId", "userId", "kind", "periodKey");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDelivery" ADD CONSTRAINT "EmailDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDelivery" ADD CONSTRAINT "EmailDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Accounts made before sign-up verified addresses keep working: they count as verified.
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "emailVerifiedAt" IS NULL;
