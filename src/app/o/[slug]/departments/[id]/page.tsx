import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { periodParam } from "@/lib/period-selection";
import { periodOptions } from "@/components/dashboard/period-options";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { can } from "@/lib/permissions";
import { fiscalYearOfMonth, type MonthKey } from "@/lib/period";
import { getScorecard } from "@/server/accountability/scorecard";
import { isIgnoredPeriod, isRecordId, readParam, type TSearchParams } from "@/lib/search-params";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { getRequestLocale } from "@/server/locale";
import { getTenantContext } from "@/server/tenant-context";
import { listFiscalYears } from "@/server/periods/fiscal-years";
import { CausesSection } from "./_components/causes-section";
import { CommitmentsSection } from "./_components/commitments-section";
import { ContributionsSection } from "./_components/contributions-section";
import { KpiSection } from "./_components/kpi-section";
import { MonthStrip } from "./_components/month-strip";
import { NarrativesSection } from "./_components/narratives-section";
import { ScorecardHeader } from "./_components/scorecard-header";
import { scorecardView } from "./view-model";
import { now } from "@/server/clock";

export const metadata: Metadata = { title: "Department scorecard" };

type TProps = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<TSearchParams> };

/** A department's scorecard for a period: everyone in the organization reads it; forms follow `can`. */
export default async function DepartmentScorecardPage({ params, searchParams }: TProps) {
  const { slug, id } = await params;
  const ctx = await getTenantContext(slug);
  // An id that no record can have (a NUL, a filter) is simply not found: it never reaches a query.
  if (!isRecordId(id)) notFound();
  const period = readParam(await searchParams, "period");
  const at = await now();
  const [sc, locale, fiscalYears] = await Promise.all([
    getScorecard(ctx, id, period, at),
    getRequestLocale(),
    listFiscalYears(ctx, at),
  ]);
  // Unknown, or another organization's department: the same 404 either way.
  if (!sc) notFound();
  const { department, organization, resolved } = sc;
  const view = scorecardView(sc, locale);
  const isActive = department.archivedAt === null;
  // Archived departments take no new records (the mutations refuse them too).
  const canWrite = isActive && can(ctx, "department.write", department.id);
  const canDefine = isActive && can(ctx, "kpiDefinitions.write");
  const canReview = can(ctx, "contributions.review");
  const currentFy = fiscalYearOfMonth(view.todayMonth as MonthKey, organization.fiscalYearStartMonth);
  const common = { slug, departmentId: department.id, currency: organization.currency };
  return (
    <>
      <ScorecardHeader
        slug={slug}
        name={department.name}
        kindLabel={DEPARTMENT_KIND_LABELS[department.kind]}
        periodLabel={resolved.label}
        isArchived={!isActive}
        status={sc.status}
        worst={view.worst}
        impact={view.impact}
        picker={
          <PeriodPicker key={periodParam(resolved.period)} {...periodOptions(resolved, currentFy, fiscalYears)} />
        }
      />
      <div className="mt-6 space-y-6">
        <IgnoredParamsNotice names={isIgnoredPeriod(period, resolved.period) ? ["period"] : []} />
        <NarrativesSection
          slug={slug}
          departmentId={department.id}
          periodLabel={resolved.label}
          months={view.narratives}
          openMonth={view.openMonth}
          canWrite={canWrite}
        />
        <KpiSection
          {...common}
          departmentName={department.name}
          periodLabel={resolved.label}
          fiscalYearLabel={view.fy}
          rows={view.kpiRows}
          entry={canWrite ? { months: view.monthOptions, defaultMonth: view.defaultMonth, kpis: view.valueKpis } : null}
          canDefine={canDefine}
          archived={canDefine ? sc.archivedKpis : []}
        />
        <MonthStrip title={`${department.name}, ${view.fy}`} months={view.strip} />
        <ContributionsSection
          {...common}
          periodLabel={resolved.label}
          rows={view.contributions}
          months={view.monthOptions}
          defaultMonth={view.defaultMonth}
          categories={sc.categories}
          deals={view.dealOptions}
          canWrite={canWrite}
          canReview={canReview}
        />
        <CommitmentsSection
          {...common}
          rows={view.commitments}
          accuracy={view.accuracy}
          members={sc.members}
          defaultOwnerId={sc.members.some((m) => m.id === ctx.userId) ? ctx.userId : (sc.members[0]?.id ?? "")}
          canWrite={canWrite}
        />
        <CausesSection
          slug={slug}
          departmentName={department.name}
          periodLabel={resolved.label}
          rows={view.causes}
          // The head of the department charged (disputeCause checks the same); settling is finance's or the owner's.
          canDispute={can(ctx, "department.write", department.id)}
          canSettle={canReview}
        />
      </div>
    </>
  );
}
