-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "amountMissing" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "pipelineCategoryMap" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "pipelineOwnerMap" JSONB NOT NULL DEFAULT '{}';

-- Hand-written: "No amount" is part of what the deal's edit form shows (a blank amount box), so
-- clearing it moves the deal's version like the other edited columns.
DROP TRIGGER "Opportunity_version" ON "Opportunity";
CREATE TRIGGER "Opportunity_version" BEFORE UPDATE ON "Opportunity" FOR EACH ROW
  WHEN (ROW(OLD."name", OLD."account", OLD."amountMinor", OLD."amountMissing", OLD."stageId", OLD."probabilityBp", OLD."forecastCategory", OLD."expectedCloseDate", OLD."ownerId", OLD."sourceDepartmentId", OLD."externalId") IS DISTINCT FROM ROW(NEW."name", NEW."account", NEW."amountMinor", NEW."amountMissing", NEW."stageId", NEW."probabilityBp", NEW."forecastCategory", NEW."expectedCloseDate", NEW."ownerId", NEW."sourceDepartmentId", NEW."externalId"))
  EXECUTE FUNCTION "revtrace_bump_version"();
