-- CreateEnum
CREATE TYPE "KpiAggregation" AS ENUM ('SUM', 'AVERAGE', 'LAST');

-- AlterTable
-- Added nullable, backfilled, then made required: existing KPIs take their unit's default.
-- COUNT adds up (SUM); PERCENT and DAYS are averaged (AVERAGE). CURRENCY has no default in the
-- product (a cost per lead is a rate, sourced pipeline a flow) and SQL cannot tell them apart by
-- meaning, so existing CURRENCY KPIs keep the rule they were shown with until now, SUM; an owner
-- changes a rate to AVERAGE on the KPI's edit form.
ALTER TABLE "Kpi" ADD COLUMN     "aggregation" "KpiAggregation";

UPDATE "Kpi" SET "aggregation" = CASE WHEN "unit" IN ('PERCENT', 'DAYS') THEN 'AVERAGE'::"KpiAggregation" ELSE 'SUM'::"KpiAggregation" END;

ALTER TABLE "Kpi" ALTER COLUMN "aggregation" SET NOT NULL;
