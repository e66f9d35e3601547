import { PageSkeleton } from "@/components/ui/page-skeleton";

// Only the dashboard's own page: its nested routes (a deal, a department, a month's close) answer
// a missing record with a real 404, which a loading boundary above them would turn into a 200.
export default function DashboardLoading() {
  return (
    <PageSkeleton
      label="the dashboard"
      actions
      blocks={[
        { grid: "grid-cols-2 lg:grid-cols-4", items: ["h-24", "h-24", "h-24", "h-24"] },
        { grid: "lg:grid-cols-3", items: ["h-80 lg:col-span-2", "h-80"] },
        { items: ["h-64"] },
      ]}
    />
  );
}
