-- CreateEnum
CREATE TYPE "ForecastCategory" AS ENUM ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED');

-- CreateEnum
CREATE TYPE "StageOutcome" AS ENUM ('OPEN', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "CauseKind" AS ENUM ('LOST', 'SLIPPED');

-- CreateEnum
CREATE TYPE "AttributionStatus" AS ENUM ('ATTRIBUTED', 'DISPUTED', 'UPHELD', 'OVERTURNED');

-- CreateEnum
CREATE TYPE "HeadlineForecast" AS ENUM ('WEIGHTED', 'COMMIT', 'BEST_CASE');

-- CreateEnum
CREATE TYPE "SnapshotKind" AS ENUM ('MANUAL', 'WEEKLY');

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "opportunityId" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "headlineForecast" "HeadlineForecast" NOT NULL DEFAULT 'WEIGHTED';

-- CreateTable
CREATE TABLE "PipelineStage" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "probabilityBp" INTEGER NOT NULL,
    "outcome" "StageOutcome" NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PipelineStage_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "LossCause" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LossCause_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "stageId" TEXT NOT NULL,
    "outcome" "StageOutcome" NOT NULL,
    "probabilityBp" INTEGER NOT NULL,
    "forecastCategory" "ForecastCategory" NOT NULL,
    "expectedCloseDate" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "sourceDepartmentId" TEXT,
    "externalId" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "OpportunityCause" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "kind" "CauseKind" NOT NULL,
    "month" DATE NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "lossCauseId" TEXT NOT NULL,
    "responsibleDepartmentId" TEXT NOT NULL,
    "status" "AttributionStatus" NOT NULL DEFAULT 'ATTRIBUTED',
    "disputeReason" TEXT,
    "disputedById" TEXT,
    "disputedAt" TIMESTAMPTZ(3),
    "settleReason" TEXT,
    "settledById" TEXT,
    "settledAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityCause_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "OpportunityChange" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "changedById" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "OpportunityChange_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "PipelineSnapshot" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "weekOf" DATE,
    "takenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenById" TEXT,

    CONSTRAINT "PipelineSnapshot_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "PipelineSnapshotItem" (
    "organizationId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "stageId" TEXT NOT NULL,
    "outcome" "StageOutcome" NOT NULL,
    "probabilityBp" INTEGER NOT NULL,
    "forecastCategory" "ForecastCategory" NOT NULL,
    "expectedCloseDate" DATE NOT NULL,

    CONSTRAINT "PipelineSnapshotItem_pkey" PRIMARY KEY ("organizationId","snapshotId","opportunityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_organizationId_name_key" ON "PipelineStage"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LossCause_organizationId_name_key" ON "LossCause"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_outcome_expectedCloseDate_foreca_idx" ON "Opportunity"("organizationId", "outcome", "expectedCloseDate", "forecastCategory", "amountMinor", "probabilityBp");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_stageId_idx" ON "Opportunity"("organizationId", "stageId");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_organizationId_externalId_key" ON "Opportunity"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "OpportunityCause_organizationId_month_responsibleDepartment_idx" ON "OpportunityCause"("organizationId", "month", "responsibleDepartmentId", "status");

-- CreateIndex
CREATE INDEX "OpportunityCause_organizationId_opportunityId_idx" ON "OpportunityCause"("organizationId", "opportunityId");

-- CreateIndex
CREATE INDEX "OpportunityChange_organizationId_opportunityId_changedAt_idx" ON "OpportunityChange"("organizationId", "opportunityId", "changedAt");

-- CreateIndex
CREATE INDEX "PipelineSnapshot_organizationId_takenAt_idx" ON "PipelineSnapshot"("organizationId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineSnapshot_organizationId_weekOf_key" ON "PipelineSnapshot"("organizationId", "weekOf");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_organizationId_opportunityId_fkey" FOREIGN KEY ("organizationId", "opportunityId") REFERENCES "Opportunity"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineStage" ADD CONSTRAINT "PipelineStage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossCause" ADD CONSTRAINT "LossCause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_organizationId_stageId_fkey" FOREIGN KEY ("organizationId", "stageId") REFERENCES "PipelineStage"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_organizationId_sourceDepartmentId_fkey" FOREIGN KEY ("organizationId", "sourceDepartmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_organizationId_opportunityId_fkey" FOREIGN KEY ("organizationId", "opportunityId") REFERENCES "Opportunity"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_organizationId_lossCauseId_fkey" FOREIGN KEY ("organizationId", "lossCauseId") REFERENCES "LossCause"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_organizationId_responsibleDepartmentId_fkey" FOREIGN KEY ("organizationId", "responsibleDepartmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityChange" ADD CONSTRAINT "OpportunityChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityChange" ADD CONSTRAINT "OpportunityChange_organizationId_opportunityId_fkey" FOREIGN KEY ("organizationId", "opportunityId") REFERENCES "Opportunity"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityChange" ADD CONSTRAINT "OpportunityChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineSnapshot" ADD CONSTRAINT "PipelineSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineSnapshotItem" ADD CONSTRAINT "PipelineSnapshotItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineSnapshotItem" ADD CONSTRAINT "PipelineSnapshotItem_organizationId_snapshotId_fkey" FOREIGN KEY ("organizationId", "snapshotId") REFERENCES "PipelineSnapshot"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below this line (not diffed by the schema engine).
ALTER TABLE "PipelineStage" ADD CONSTRAINT "PipelineStage_probability_range" CHECK ("probabilityBp" BETWEEN 0 AND 10000);
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_probability_range" CHECK ("probabilityBp" BETWEEN 0 AND 10000);
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_amount_not_negative" CHECK ("amountMinor" >= 0);
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_amount_not_negative" CHECK ("amountMinor" >= 0);
ALTER TABLE "OpportunityCause" ADD CONSTRAINT "OpportunityCause_month_first_day" CHECK (extract(day FROM "month") = 1);

-- Organizations that existed before the pipeline get the defaults of src/lib/pipeline-defaults.ts.
INSERT INTO "PipelineStage" ("organizationId", "id", "name", "probabilityBp", "outcome", "sortOrder")
SELECT o.id, 'stg_' || md5(o.id || s.name), s.name, s.probability, s.outcome::"StageOutcome", s.sort_order
FROM "Organization" o
CROSS JOIN (VALUES
  ('Prospecting', 1000, 'OPEN', 0),
  ('Qualification', 2500, 'OPEN', 1),
  ('Proposal', 5000, 'OPEN', 2),
  ('Negotiation', 7000, 'OPEN', 3),
  ('Commit', 9000, 'OPEN', 4),
  ('Closed won', 10000, 'WON', 5),
  ('Closed lost', 0, 'LOST', 6)
) AS s(name, probability, outcome, sort_order);

INSERT INTO "LossCause" ("organizationId", "id", "name")
SELECT o.id, 'lc_' || md5(o.id || c.name), c.name
FROM "Organization" o
CROSS JOIN (VALUES
  ('Contract terms took too long'),
  ('Invoice dispute'),
  ('Support escalation'),
  ('Bad press'),
  ('Pricing'),
  ('Competitor'),
  ('Product gap')
) AS c(name);
