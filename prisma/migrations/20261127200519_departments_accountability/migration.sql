-- CreateEnum
CREATE TYPE "KpiUnit" AS ENUM ('CURRENCY', 'COUNT', 'PERCENT', 'DAYS');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('CLAIMED', 'CONFIRMED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('OPEN', 'DONE', 'MISSED');

-- CreateTable
CREATE TABLE "ContributionCategory" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionCategory_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "categoryId" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "status" "ContributionStatus" NOT NULL DEFAULT 'CLAIMED',
    "reviewReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" "KpiUnit" NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "targetScaled" BIGINT,
    "greenAtBp" INTEGER NOT NULL DEFAULT 10000,
    "amberAtBp" INTEGER NOT NULL DEFAULT 9000,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "KpiValue" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "valueScaled" BIGINT NOT NULL,
    "targetScaled" BIGINT,
    "importBatchId" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KpiValue_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "expectedImpactMinor" BIGINT NOT NULL,
    "deliveredImpactMinor" BIGINT,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Narrative" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "why" TEXT NOT NULL DEFAULT '',
    "whatNext" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Narrative_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContributionCategory_organizationId_kind_name_key" ON "ContributionCategory"("organizationId", "kind", "name");

-- CreateIndex
CREATE INDEX "Contribution_organizationId_month_departmentId_status_amoun_idx" ON "Contribution"("organizationId", "month", "departmentId", "status", "amountMinor");

-- CreateIndex
CREATE INDEX "Contribution_organizationId_departmentId_month_idx" ON "Contribution"("organizationId", "departmentId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_organizationId_departmentId_name_key" ON "Kpi"("organizationId", "departmentId", "name");

-- CreateIndex
CREATE INDEX "KpiValue_organizationId_month_idx" ON "KpiValue"("organizationId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "KpiValue_organizationId_kpiId_month_key" ON "KpiValue"("organizationId", "kpiId", "month");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_departmentId_dueDate_idx" ON "Commitment"("organizationId", "departmentId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Narrative_organizationId_departmentId_month_key" ON "Narrative"("organizationId", "departmentId", "month");

-- AddForeignKey
ALTER TABLE "ContributionCategory" ADD CONSTRAINT "ContributionCategory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_organizationId_departmentId_fkey" FOREIGN KEY ("organizationId", "departmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_organizationId_categoryId_fkey" FOREIGN KEY ("organizationId", "categoryId") REFERENCES "ContributionCategory"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_organizationId_departmentId_fkey" FOREIGN KEY ("organizationId", "departmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_organizationId_kpiId_fkey" FOREIGN KEY ("organizationId", "kpiId") REFERENCES "Kpi"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_organizationId_importBatchId_fkey" FOREIGN KEY ("organizationId", "importBatchId") REFERENCES "ImportBatch"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_departmentId_fkey" FOREIGN KEY ("organizationId", "departmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Narrative" ADD CONSTRAINT "Narrative_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Narrative" ADD CONSTRAINT "Narrative_organizationId_departmentId_fkey" FOREIGN KEY ("organizationId", "departmentId") REFERENCES "Department"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Narrative" ADD CONSTRAINT "Narrative_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Narrative" ADD CONSTRAINT "Narrative_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below this line (not diffed by the schema engine).
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_amount_nonzero" CHECK ("amountMinor" <> 0);
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_month_first_day" CHECK (extract(day FROM "month") = 1);
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_month_first_day" CHECK (extract(day FROM "month") = 1);
ALTER TABLE "Narrative" ADD CONSTRAINT "Narrative_month_first_day" CHECK (extract(day FROM "month") = 1);
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_bands_ordered" CHECK ("amberAtBp" > 0 AND "amberAtBp" <= "greenAtBp");
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_delivered_when_resolved" CHECK (("status" = 'OPEN') = ("deliveredImpactMinor" IS NULL));

-- Organizations that existed before categories get the defaults of src/lib/contribution-categories.ts.
INSERT INTO "ContributionCategory" ("organizationId", "id", "kind", "name")
SELECT o.id, 'cat_' || md5(o.id || d.kind || d.name), d.kind::"DepartmentKind", d.name
FROM "Organization" o
CROSS JOIN (VALUES
  ('SALES', 'Deals won above plan'),
  ('SALES', 'Deals lost'),
  ('SALES', 'Deals slipped'),
  ('SALES', 'Discounting'),
  ('MARKETING', 'Sourced pipeline won'),
  ('MARKETING', 'Campaign underdelivered'),
  ('MARKETING', 'Event or launch impact'),
  ('BILLING', 'Invoice errors / credit notes'),
  ('BILLING', 'Collections recovered'),
  ('BILLING', 'Billing delays'),
  ('ACCOUNTING', 'Revenue recognition timing'),
  ('ACCOUNTING', 'Reconciliation adjustments'),
  ('ACCOUNTING', 'Write-offs'),
  ('AUDIT', 'Audit findings'),
  ('AUDIT', 'Controls recovered revenue'),
  ('AUDIT', 'Compliance hold'),
  ('LEGAL', 'Contract review delay'),
  ('LEGAL', 'Contract terms unblocked'),
  ('LEGAL', 'Dispute or litigation'),
  ('MEDIA_RELATIONS', 'Press coverage'),
  ('MEDIA_RELATIONS', 'Press crisis'),
  ('MEDIA_RELATIONS', 'Analyst or award mention'),
  ('CUSTOMER_SERVICE', 'Churn after support failure'),
  ('CUSTOMER_SERVICE', 'Renewals saved'),
  ('CUSTOMER_SERVICE', 'Upsell from support'),
  ('EXECUTIVE', 'Strategic deal'),
  ('EXECUTIVE', 'Pricing decision'),
  ('EXECUTIVE', 'Reorganization impact'),
  ('OTHER', 'Other impact')
) AS d(kind, name);
