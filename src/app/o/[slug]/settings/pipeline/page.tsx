import type { Metadata } from "next";
import { canOpenSettings } from "@/lib/settings-sections";
import { getPipelineSettings } from "@/server/pipeline/settings-queries";
import { getTenantContext } from "@/server/tenant-context";
import { PipelinePanel } from "../_components/pipeline-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Pipeline · Settings" };

export default async function PipelineSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "pipeline")) return <SettingsNotAllowed ctx={ctx} />;
  const pipeline = await getPipelineSettings(ctx);
  return (
    <PipelinePanel
      slug={slug}
      headlineForecast={pipeline.headlineForecast}
      stages={pipeline.stages.map((s) => ({
        id: s.id,
        name: s.name,
        probabilityBp: s.probabilityBp,
        outcome: s.outcome,
        isArchived: s.archivedAt !== null,
        dealCount: s._count.opportunities,
      }))}
      causes={pipeline.causes.map((c) => ({
        id: c.id,
        name: c.name,
        isArchived: c.archivedAt !== null,
        useCount: c._count.causes,
      }))}
    />
  );
}
