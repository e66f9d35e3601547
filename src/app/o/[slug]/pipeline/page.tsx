import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getTenantContext } from "@/server/tenant-context";

export const metadata: Metadata = { title: "Pipeline" };

export default async function PipelinePage({ params }: { params: Promise<{ slug: string }> }) {
  await getTenantContext((await params).slug);
  return (
    <>
      <PageHeader title="Pipeline" description="Opportunities by stage and forecast category" />
      <EmptyState title="No opportunities yet">The pipeline, with stage history and forecast categories, is being built for this page.</EmptyState>
    </>
  );
}
