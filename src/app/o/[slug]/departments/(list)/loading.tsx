import { PageSkeleton } from "@/components/ui/page-skeleton";

// In the (list) group so that a scorecard (/departments/[id]) stays outside the boundary: an
// unknown department keeps its 404 status (a streamed notFound answers 200).
export default function DepartmentsLoading() {
  return <PageSkeleton label="the departments" actions blocks={[{ items: ["h-[28rem]"] }]} />;
}
