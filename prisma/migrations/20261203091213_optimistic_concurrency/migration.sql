-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "submissionId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "submissionId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "submissionId" TEXT;

-- AlterTable
ALTER TABLE "Kpi" ADD COLUMN     "submissionId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "KpiValue" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Narrative" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "submissionId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RevenueEntry" ADD COLUMN     "submissionId" TEXT;

-- AlterTable
ALTER TABLE "RevenueTarget" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_organizationId_submissionId_key" ON "Commitment"("organizationId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_organizationId_submissionId_key" ON "Contribution"("organizationId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_organizationId_submissionId_key" ON "Invitation"("organizationId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_organizationId_submissionId_key" ON "Kpi"("organizationId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_organizationId_submissionId_key" ON "Opportunity"("organizationId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueEntry_organizationId_submissionId_key" ON "RevenueEntry"("organizationId", "submissionId");

-- Hand-written: the version moves with every change of what an edit form shows, whichever path
-- writes it (forms, imports, the API, scripts), so a save made from an older copy is always seen
-- as stale. Only the columns a form edits count: re-stamping a KPI value's target, marking a
-- narrative reviewed or choosing the headline forecast does not make an open form stale.
CREATE FUNCTION "revtrace_bump_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."version" := OLD."version" + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Organization_version" BEFORE UPDATE ON "Organization" FOR EACH ROW
  WHEN (ROW(OLD."name", OLD."currency", OLD."fiscalYearStartMonth", OLD."timeZone", OLD."onTrackThresholdBp", OLD."atRiskThresholdBp") IS DISTINCT FROM ROW(NEW."name", NEW."currency", NEW."fiscalYearStartMonth", NEW."timeZone", NEW."onTrackThresholdBp", NEW."atRiskThresholdBp"))
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Department_version" BEFORE UPDATE ON "Department" FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "RevenueTarget_version" BEFORE UPDATE ON "RevenueTarget" FOR EACH ROW
  WHEN (OLD."amountMinor" IS DISTINCT FROM NEW."amountMinor")
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "KpiValue_version" BEFORE UPDATE ON "KpiValue" FOR EACH ROW
  WHEN (OLD."valueScaled" IS DISTINCT FROM NEW."valueScaled")
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Narrative_version" BEFORE UPDATE ON "Narrative" FOR EACH ROW
  WHEN (ROW(OLD."why", OLD."whatNext") IS DISTINCT FROM ROW(NEW."why", NEW."whatNext"))
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Kpi_version" BEFORE UPDATE ON "Kpi" FOR EACH ROW
  WHEN (ROW(OLD."name", OLD."unit", OLD."direction", OLD."targetScaled", OLD."greenAtBp", OLD."amberAtBp") IS DISTINCT FROM ROW(NEW."name", NEW."unit", NEW."direction", NEW."targetScaled", NEW."greenAtBp", NEW."amberAtBp"))
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Contribution_version" BEFORE UPDATE ON "Contribution" FOR EACH ROW
  WHEN (ROW(OLD."month", OLD."categoryId", OLD."amountMinor", OLD."description", OLD."evidenceUrl", OLD."opportunityId", OLD."status") IS DISTINCT FROM ROW(NEW."month", NEW."categoryId", NEW."amountMinor", NEW."description", NEW."evidenceUrl", NEW."opportunityId", NEW."status"))
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Commitment_version" BEFORE UPDATE ON "Commitment" FOR EACH ROW
  WHEN (ROW(OLD."title", OLD."ownerId", OLD."dueDate", OLD."expectedImpactMinor", OLD."deliveredImpactMinor", OLD."status") IS DISTINCT FROM ROW(NEW."title", NEW."ownerId", NEW."dueDate", NEW."expectedImpactMinor", NEW."deliveredImpactMinor", NEW."status"))
  EXECUTE FUNCTION "revtrace_bump_version"();

CREATE TRIGGER "Opportunity_version" BEFORE UPDATE ON "Opportunity" FOR EACH ROW
  WHEN (ROW(OLD."name", OLD."account", OLD."amountMinor", OLD."stageId", OLD."probabilityBp", OLD."forecastCategory", OLD."expectedCloseDate", OLD."ownerId", OLD."sourceDepartmentId", OLD."externalId") IS DISTINCT FROM ROW(NEW."name", NEW."account", NEW."amountMinor", NEW."stageId", NEW."probabilityBp", NEW."forecastCategory", NEW."expectedCloseDate", NEW."ownerId", NEW."sourceDepartmentId", NEW."externalId"))
  EXECUTE FUNCTION "revtrace_bump_version"();
