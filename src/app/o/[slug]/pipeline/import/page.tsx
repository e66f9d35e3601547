import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can } from "@/lib/permissions";
import { getOpportunityImportPage } from "@/server/pipeline/import-page";
import { getTenantContext } from "@/server/tenant-context";
import { ImportBatches } from "../../revenue/_components/import-batches";
import { OpportunityImportWizard } from "./_components/opportunity-import-wizard";

export const metadata: Metadata = { title: "Import deals" };

type TPage = Awaited<ReturnType<typeof getOpportunityImportPage>>;

/** The names a file may use for stages and source departments, and the rules of an update. */
function Reference({ stages, departments }: Pick<TPage, "stages" | "departments">) {
  return (
    <Card title="What the file can say" description="Stage and department names match in any case.">
      <div className="overflow-x-auto">
        <table className="w-full text-sm tabular-nums">
          <caption className="sr-only">Stages and their default probability</caption>
          <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Stage
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Default probability
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {stages.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {s.name}
                </th>
                <td className="py-1.5 text-right">{(s.probabilityBp / 100).toLocaleString("en-US")} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-zinc-500">Source departments: {departments.map((d) => d.name).join(", ")}.</p>
      <ul className="mt-3 list-disc space-y-1 pl-4 text-xs text-zinc-600 dark:text-zinc-400">
        <li>
          A row whose external id is already here updates that deal where it differs, and the change is kept in the
          deal&apos;s history. A row equal to the deal changes nothing.
        </li>
        <li>A blank owner or source department keeps the deal&apos;s; for a new deal the owner is you.</li>
        <li>
          The file&apos;s stages, owners (names or emails) and forecast categories are mapped in step 2; the mappings
          are remembered for the next import.
        </li>
        <li>Without a name column, a deal&apos;s name is made of up to three columns (account — product).</li>
        <li>
          An open deal without a close date gets the end of the current fiscal quarter (or a date you choose); without
          an amount it gets 0, marked &ldquo;No amount&rdquo; and left out of pipeline coverage until an amount is set.
        </li>
        <li>
          A row that would lose an open deal, or move its close date out of the current quarter, is refused: those need
          a cause and a responsible department, given on the pipeline page.
        </li>
      </ul>
    </Card>
  );
}

export default async function ImportDealsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const pipeline = `/o/${slug}/pipeline`;
  if (!can(ctx, "pipeline.write")) {
    return (
      <NotAllowed
        role={ctx.role}
        who="sales managers and owners"
        what="import deals into the pipeline"
        backHref={pipeline}
      />
    );
  }
  const { currency, timeZone, stages, departments, members, remembered, quarterEnd } =
    await getOpportunityImportPage(ctx);
  return (
    <>
      <PageHeader
        title="Import deals"
        description={`Opportunities from a CRM export, amounts in ${currency}. Nothing is written until you confirm, and then every row or none.`}
        actions={
          <Link href={pipeline} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
            ← Pipeline
          </Link>
        }
      />
      {stages.length === 0 ? (
        <EmptyState
          title="The pipeline has no stages"
          action={{ href: `/o/${slug}/settings/pipeline`, label: "Set up stages in settings" }}
        >
          Every deal is in a stage. An owner sets up the stages first; then import.
        </EmptyState>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <OpportunityImportWizard
              slug={slug}
              currency={currency}
              timeZone={timeZone}
              stages={stages}
              members={members}
              remembered={remembered}
              quarterEnd={quarterEnd}
              canCreateStage={can(ctx, "pipeline.configure")}
            />
          </div>
          <Reference stages={stages} departments={departments} />
        </div>
      )}
      <div className="mt-6">
        <ImportBatches slug={slug} ctx={ctx} organization={{ currency, timeZone }} only="opportunity" />
      </div>
    </>
  );
}
