import { PageSkeleton } from "@/components/ui/page-skeleton";

// In the (overview) group so that /revenue/close/[month] stays outside the boundary: its 404 for a
// malformed month stays a 404 (a streamed notFound answers 200).
export default function RevenueLoading() {
  return (
    <PageSkeleton
      label="targets and actuals"
      actions
      blocks={[{ grid: "lg:grid-cols-5", items: ["h-[48rem] lg:col-span-3", "h-96 lg:col-span-2"] }]}
    />
  );
}
