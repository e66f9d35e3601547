import type { Metadata } from "next";
import Link from "next/link";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { periodOptions } from "@/components/dashboard/period-options";
import { PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Amount } from "@/components/ui/amount";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { RAG_LABELS } from "@/lib/kpi";
import { fiscalYearOfMonth, monthKey } from "@/lib/period";
import { parsePeriod, periodParam, resolvePeriod, todayIn } from "@/lib/period-selection";
import { isIgnoredPeriod, readParam, type TSearchParams } from "@/lib/search-params";
import { departmentsOverview } from "@/server/accountability/departments-overview";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { getOrganization } from "@/server/organizations/queries";
import { listFiscalYears } from "@/server/periods/fiscal-years";
import { getTenantContext } from "@/server/tenant-context";
import { RagBadge } from "../_components/rag-badge";

export const metadata: Metadata = { title: "Departments" };

const th = "px-3 py-2 font-medium whitespace-nowrap";

/**
 * Every department side by side for a period (the fiscal year by default, so the 3rd of a month
 * does not read like a new organization): status and worst KPI by the scorecard's rule, net impact
 * confirmed and claimed, what waits for review, and its head.
 */
export default async function DepartmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [organization, locale] = await Promise.all([getOrganization(ctx), getRequestLocale()]);
  const { currency, fiscalYearStartMonth } = organization;
  const at = await now();
  const today = todayIn(organization.timeZone, at);
  const periodText = readParam(await searchParams, "period");
  const resolved = resolvePeriod(parsePeriod(periodText, today, fiscalYearStartMonth), today, fiscalYearStartMonth);
  const currentFy = fiscalYearOfMonth(monthKey(today.year, today.month), fiscalYearStartMonth);
  const [rows, fiscalYears] = await Promise.all([
    departmentsOverview(ctx, resolved.months),
    listFiscalYears(ctx, at, organization),
  ]);
  const period = periodParam(resolved.period);
  // The scorecard opens on the same period; without one chosen, both default to the fiscal year.
  const scorecard = (id: string, anchor = "") =>
    `/o/${slug}/departments/${id}${periodText === undefined ? "" : `?period=${period}`}${anchor}`;
  return (
    <>
      <PageHeader
        title="Departments"
        description={`${resolved.label}. Every department either purifies or taints the revenue process; open one for its KPIs, contributions, commitments and narratives.`}
        actions={<PeriodPicker key={period} {...periodOptions(resolved, currentFy, fiscalYears)} />}
      />
      <IgnoredParamsNotice names={isIgnoredPeriod(periodText, resolved.period) ? ["period"] : []} />
      <ScrollRegion
        label="Departments table"
        className="relative rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      >
        <table className="w-full text-left text-sm tabular-nums">
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={th}>
                Department
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={th}>
                Worst KPI
              </th>
              <th scope="col" className={`${th} text-right`}>
                Confirmed impact
              </th>
              <th scope="col" className={`${th} text-right`}>
                Claimed, awaiting review
              </th>
              <th scope="col" className={th}>
                Waiting
              </th>
              <th scope="col" className={th}>
                Head
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr
                key={d.id}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                data-testid={`department-${d.name}`}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link
                    href={scorecard(d.id)}
                    className="text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
                  >
                    {d.name}
                  </Link>
                  {/* The kind only when the name does not already say it ("Growth" is a Marketing department). */}
                  {DEPARTMENT_KIND_LABELS[d.kind as keyof typeof DEPARTMENT_KIND_LABELS] !== d.name && (
                    <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      {DEPARTMENT_KIND_LABELS[d.kind as keyof typeof DEPARTMENT_KIND_LABELS]}
                    </span>
                  )}
                </th>
                <td className="px-3 py-2">
                  <RagBadge rag={d.status} empty="No KPI values" size="sm" />
                </td>
                <td className="px-3 py-2">
                  {d.worstKpi ? (
                    <span>
                      {d.worstKpi.name} <span className="text-xs text-zinc-500">({RAG_LABELS[d.worstKpi.rag]})</span>
                    </span>
                  ) : (
                    <span className="text-zinc-500">—</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <Amount minor={d.confirmedMinor} currency={currency} locale={locale} signed />
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <Amount minor={d.claimedMinor} currency={currency} locale={locale} signed />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {d.claimsPending + d.causesDisputed === 0 ? (
                    <span className="text-zinc-500">Nothing</span>
                  ) : (
                    <span className="flex flex-col">
                      {d.claimsPending > 0 && (
                        <Link
                          href={scorecard(d.id, "#contributions")}
                          className="inline-block py-0.5 text-accent-700 underline dark:text-accent-400"
                        >
                          {d.claimsPending} claim{d.claimsPending > 1 ? "s" : ""} to review
                        </Link>
                      )}
                      {d.causesDisputed > 0 && (
                        <Link
                          href={scorecard(d.id)}
                          className="inline-block py-0.5 text-accent-700 underline dark:text-accent-400"
                        >
                          {d.causesDisputed} disputed deal{d.causesDisputed > 1 ? "s" : ""}
                        </Link>
                      )}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {d.heads.length ? d.heads.join(", ") : <span className="text-zinc-500">No head</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
