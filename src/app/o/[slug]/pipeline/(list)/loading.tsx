import { PageSkeleton } from "@/components/ui/page-skeleton";

// In the (list) group so that a deal's page (/pipeline/[id]) stays outside the boundary: a missing
// deal keeps its 404 status (a streamed notFound answers 200).
export default function PipelineLoading() {
  return (
    <PageSkeleton
      label="the pipeline"
      actions
      blocks={[{ grid: "grid-cols-2 lg:grid-cols-4", items: ["h-24", "h-24", "h-24", "h-24"] }, { items: ["h-40 sm:h-28"] }, { items: ["h-96"] }]}
    />
  );
}
