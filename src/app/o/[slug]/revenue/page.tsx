import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/period";
import { getOrganization } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant";

export const metadata: Metadata = { title: "Revenue" };

export default async function RevenuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const organization = await getOrganization(await getTenantContext(slug));
  const fy = fiscalYearLabel(fiscalYearOf(new Date(), organization.fiscalYearStartMonth, organization.timeZone));
  return (
    <>
      <PageHeader title="Targets and actuals" description={`Monthly revenue targets and actuals in ${organization.currency}`} />
      <EmptyState title={`No targets for ${fy} yet`}>
        The monthly target grid, the annual spread and CSV import of actuals are being built for this page.
      </EmptyState>
    </>
  );
}
