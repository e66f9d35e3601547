import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can } from "@/lib/permissions";
import { getOrganization } from "@/server/organizations/queries";
import { listImportBatches } from "@/server/revenue/import-batches";
import { getTenantContext } from "@/server/tenant-context";
import { ImportWizard } from "./_components/import-wizard";

export const metadata: Metadata = { title: "Import actuals" };

export default async function ImportActualsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!can(ctx, "actuals.write")) {
    return <NotAllowed role={ctx.role} who="owners and finance" what="import actuals" backHref={`/o/${slug}`} />;
  }
  const organization = await getOrganization(ctx);
  const batches = await listImportBatches(ctx, organization.timeZone, { take: 20 });
  // What a corrected file may replace: the recent batches none of whose months is closed.
  const replaceable = batches
    .filter((b) => !b.closedMonths.length)
    .map((b) => ({ id: b.id, fileName: b.fileName, createdAt: b.createdAt.toISOString(), rowCount: b.rowCount }));
  return (
    <>
      <PageHeader
        title="Import actuals"
        description={`Revenue lines from an order or invoice export, in ${organization.currency}, dated in ${organization.timeZone}. Nothing is written until you confirm, and then every row or none.`}
        actions={
          <Link
            href={`/o/${slug}/revenue`}
            className="text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
          >
            ← Targets and actuals
          </Link>
        }
      />
      <ImportWizard
        slug={slug}
        currency={organization.currency}
        timeZone={organization.timeZone}
        replaceable={replaceable}
      />
    </>
  );
}
