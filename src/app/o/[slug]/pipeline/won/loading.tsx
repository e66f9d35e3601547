import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function WonLoading() {
  return <PageSkeleton label="won deals by month" backLink actions blocks={[{ items: ["h-80"] }]} />;
}
