import { PageSkeleton } from "@/components/ui/page-skeleton";

// In the (list) group so that a deal's page (/pipeline/[id]) stays outside the boundary: a missing
// deal keeps its 404 status (a streamed notFound answers 200).
export default function PipelineLoading() {
  return (
    <PageSkeleton
      label="the pipeline"
      actions
      blocks={[
        { grid: "sm:grid-cols-2", items: ["h-24", "h-24"] },
        { items: ["h-12"] },
        { items: ["h-72 sm:h-36"] },
        { items: ["h-96"] },
      ]}
    />
  );
}
