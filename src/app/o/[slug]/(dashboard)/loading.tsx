import { PageSkeleton } from "@/components/ui/page-skeleton";

// Only the dashboard's own page: its nested routes (a deal, a department, a month's close) answer
// a missing record with a real 404, which a loading boundary above them would turn into a 200.
export default function DashboardLoading() {
  return (
    <PageSkeleton
      label="the dashboard"
      actions
      blocks={[
        // The seven headline tiles, then the gap bridge and the charts under it.
        { grid: "grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7", items: Array.from({ length: 7 }, () => "h-28") },
        { items: ["h-[40rem]"] },
      ]}
    />
  );
}
