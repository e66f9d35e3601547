-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "pipelineStageMap" JSONB NOT NULL DEFAULT '{}';
