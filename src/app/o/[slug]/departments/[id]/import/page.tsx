import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NotAllowed } from "@/components/ui/not-allowed";
import { formatKpiValue, KPI_UNIT_LABELS } from "@/lib/kpi";
import { currencyDigits } from "@/lib/money";
import { can } from "@/lib/permissions";
import { getKpiImportPage } from "@/server/accountability/kpi-import-page";
import { getRequestLocale } from "@/server/locale";
import { getTenantContext } from "@/server/tenant-context";
import type { KpiUnit } from "@db/enums";
import { KpiImportWizard } from "./_components/kpi-import-wizard";

export const metadata: Metadata = { title: "Import KPI values" };

/** How a value of each unit is written in the file. */
function example(unit: KpiUnit, currency: string): string {
  if (unit === "CURRENCY") return currencyDigits(currency) ? "1250.50" : "1250";
  if (unit === "PERCENT") return "12.5%";
  if (unit === "DAYS") return "4.5";
  return "1250";
}

type TKpis = NonNullable<Awaited<ReturnType<typeof getKpiImportPage>>>["kpis"];

function KpiList({ kpis, currency, locale }: { kpis: TKpis; currency: string; locale: string }) {
  return (
    <Card
      title="KPIs this file can name"
      description="Names match in any case. Values are written in the KPI's unit, without a currency symbol."
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm tabular-nums">
          <caption className="sr-only">The department's KPIs</caption>
          <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                KPI
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Unit
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Write like
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Target
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {kpis.map((kpi) => (
              <tr key={kpi.id}>
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {kpi.name}
                </th>
                <td className="py-1.5 pr-3 text-zinc-600 dark:text-zinc-400">
                  {kpi.unit === "CURRENCY" ? currency : KPI_UNIT_LABELS[kpi.unit]}
                </td>
                <td className="py-1.5 pr-3">
                  <code className="text-xs">{example(kpi.unit, currency)}</code>
                </td>
                <td className="py-1.5 text-right whitespace-nowrap">
                  {formatKpiValue(kpi.targetScaled, kpi.unit, currency, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-zinc-500">
        For example: <code>KPI,Month,Value</code> then{" "}
        <code>
          {kpis[0]?.name},2026-03,{example(kpis[0]?.unit ?? "COUNT", currency)}
        </code>
        . Months may also be written as Mar 2026 or as any date in the month.
      </p>
    </Card>
  );
}

export default async function ImportKpiValuesPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await getTenantContext(slug);
  const [page, locale] = await Promise.all([getKpiImportPage(ctx, id), getRequestLocale()]);
  if (!page) notFound();
  const { department, kpis, currency, timeZone } = page;
  if (!can(ctx, "department.write", department.id)) {
    return (
      <NotAllowed
        role={ctx.role}
        who={`owners and the head of ${department.name}`}
        what={`import ${department.name}'s KPI values`}
        backHref={`/o/${slug}`}
      />
    );
  }
  const scorecard = `/o/${slug}/departments/${department.id}`;
  return (
    <>
      <PageHeader
        title="Import KPI values"
        description={`${department.name}: monthly values from a CSV file, read in ${timeZone}. Nothing is written until you confirm, and then every row or none.`}
        actions={
          <Link href={scorecard} className="text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline">
            ← {department.name} scorecard
          </Link>
        }
      />
      {department.archivedAt ? (
        <EmptyState
          title={`${department.name} is archived`}
          action={{ href: `/o/${slug}/settings/departments`, label: "Restore it in settings" }}
        >
          An archived department takes no new values. Restore it first, then import.
        </EmptyState>
      ) : kpis.length === 0 ? (
        <EmptyState
          title={`${department.name} has no KPIs yet`}
          action={{ href: scorecard, label: "Define them on the scorecard" }}
        >
          A file can only fill in KPIs that exist. An owner defines the department&apos;s KPIs and their targets on its
          scorecard; then import their values here.
        </EmptyState>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <KpiImportWizard
              slug={slug}
              departmentId={department.id}
              departmentName={department.name}
              currency={currency}
              timeZone={timeZone}
            />
          </div>
          <KpiList kpis={kpis} currency={currency} locale={locale} />
        </div>
      )}
    </>
  );
}
