import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function InboxLoading() {
  return <PageSkeleton label="your work" blocks={[{ items: ["h-[36rem]"] }]} />;
}
