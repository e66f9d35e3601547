-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "amountMissing" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "pipelineCategoryMap" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "pipelineOwnerMap" JSONB NOT NULL DEFAULT '{}';
