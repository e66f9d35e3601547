-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('MEMBER', 'TOKEN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('READ', 'REVENUE_WRITE', 'PIPELINE_WRITE', 'KPIS_WRITE');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorKind" "ActorKind" NOT NULL DEFAULT 'MEMBER',
ADD COLUMN     "apiTokenId" TEXT,
ADD COLUMN     "systemJob" TEXT;

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "apiTokenId" TEXT;

-- CreateTable
CREATE TABLE "ApiToken" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "organizationId" TEXT NOT NULL,
    "apiTokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("organizationId","apiTokenId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_organizationId_secretHash_key" ON "ApiToken"("organizationId", "secretHash");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_apiTokenId_fkey" FOREIGN KEY ("organizationId", "apiTokenId") REFERENCES "ApiToken"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_organizationId_apiTokenId_fkey" FOREIGN KEY ("organizationId", "apiTokenId") REFERENCES "ApiToken"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiIdempotencyKey" ADD CONSTRAINT "ApiIdempotencyKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiIdempotencyKey" ADD CONSTRAINT "ApiIdempotencyKey_organizationId_apiTokenId_fkey" FOREIGN KEY ("organizationId", "apiTokenId") REFERENCES "ApiToken"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
