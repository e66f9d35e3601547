-- CreateIndex
CREATE INDEX "Opportunity_organizationId_updatedAt_id_idx" ON "Opportunity"("organizationId", "updatedAt" DESC, "id");
