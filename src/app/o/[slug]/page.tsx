import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/period";
import { getOrganization } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const organization = await getOrganization(ctx);
  const fy = fiscalYearLabel(fiscalYearOf(new Date(), organization.fiscalYearStartMonth, organization.timeZone));
  const canSetTargets = can(ctx, "targets.write");
  return (
    <>
      <PageHeader title={organization.name} description={`Revenue target versus actual, ${fy}`} />
      <EmptyState
        title={`No targets for ${fy} yet`}
        action={canSetTargets ? { href: `/o/${slug}/revenue`, label: "Set them" } : undefined}
      >
        {canSetTargets
          ? "Set the year's monthly revenue targets and bring in actuals; the gap, forecast and the departments' part in it appear here."
          : "An owner or the finance lead sets the year's revenue targets; the gap, forecast and each department's part in it appear here once they do."}
      </EmptyState>
    </>
  );
}
