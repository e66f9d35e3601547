import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MonthTable } from "@/components/dashboard/month-table";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { periodOptions } from "@/components/dashboard/period-options";
import { TargetActualChart } from "@/components/dashboard/target-actual-chart";
import { can } from "@/lib/permissions";
import { fiscalYearLabel, fiscalYearOfMonth, monthKey, monthLabel } from "@/lib/period";
import { periodParam } from "@/lib/period-selection";
import { isIgnoredPeriod, readParam, type TSearchParams } from "@/lib/search-params";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { getDashboard, getDashboardAccountability } from "@/server/dashboard/dashboard";
import { getTenantContext } from "@/server/tenant-context";
import { CommitmentAccuracyCard, GapBridgeCard, HeatMapCard } from "../_components/accountability-cards";
import { HeadlineTiles } from "../_components/headline-tiles";
import { OutlookCard } from "../_components/outlook-card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const search = await searchParams;
  const query = {
    period: readParam(search, "period"),
    claimed: readParam(search, "claimed"),
    bridge: readParam(search, "bridge"),
  };
  const [data, locale] = await Promise.all([getDashboard(ctx, query.period, await now()), getRequestLocale()]);
  const notice = <IgnoredParamsNotice names={isIgnoredPeriod(query.period, data.resolved.period) ? ["period"] : []} />;
  const { organization: org, resolved, range } = data;
  const currency = org.currency;
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const currentFy = fiscalYearOfMonth(monthKey(data.today.year, data.today.month), org.fiscalYearStartMonth);
  const picker = periodOptions(resolved, currentFy, data.fiscalYears);
  const canSetTargets = can(ctx, "targets.write");
  const header = (
    <>
      <PageHeader
        title={org.name}
        description={`Revenue target versus actual · ${resolved.label}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <PeriodPicker key={periodParam(resolved.period)} {...picker} />
            <a
              href={`/o/${slug}/board-pack?period=${periodParam(resolved.period)}`}
              download
              className={buttonClass("secondary")}
              data-testid="board-pack-link"
            >
              Board pack (PDF)
            </a>
          </div>
        }
      />
      {notice}
    </>
  );
  const hasActuals = data.rows.some((r) => r.actual !== null && r.actual !== 0n);

  if (range.target === null && data.annualTarget === null && !hasActuals) {
    return (
      <>
        {header}
        <EmptyState
          title={`No targets for ${resolved.label} yet`}
          action={
            canSetTargets ? { href: `/o/${slug}/revenue?fy=${resolved.fiscalYear}`, label: "Set them" } : undefined
          }
        >
          {canSetTargets
            ? "Set the year's monthly revenue targets and bring in actuals; the gap, forecast and the departments' part in it appear here."
            : "An owner or the finance lead sets the year's revenue targets; the gap, forecast and each department's part in it appear here once they do."}
        </EmptyState>
      </>
    );
  }

  const accountability = await getDashboardAccountability(ctx, data, {
    includeClaimed: query.claimed === "1",
    includeUnfinished: query.bridge === "all",
  });
  const chartTitle = `Monthly target and actual, ${resolved.label}, in ${currency}`;
  const asOfText = `as of ${monthLabel(resolved.asOf.month)}`;
  const toNumber = (v: bigint | null) => (v === null ? null : Number(v));
  return (
    <>
      {header}
      {range.target === null && (
        <p
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          data-testid="targets-missing"
        >
          No targets for {resolved.label} yet — the actuals are shown without a plan to compare them with.{" "}
          {canSetTargets ? (
            <Link href={`/o/${slug}/revenue?fy=${resolved.fiscalYear}`} className="font-medium underline">
              Set targets for {fy}
            </Link>
          ) : (
            "An owner or the finance lead sets them."
          )}
        </p>
      )}
      <HeadlineTiles data={data} locale={locale} />

      <GapBridgeCard
        slug={slug}
        dashboard={data}
        locale={locale}
        data={accountability.bridge}
        canSetTargets={canSetTargets}
      />

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card
          title="Target versus actual"
          description={`${resolved.label}, each month and cumulative, ${asOfText}`}
          className="min-w-0 lg:col-span-2"
        >
          <TargetActualChart
            title={chartTitle}
            hasPipeline={data.pipeline !== null}
            hasProjections={data.hasProjections}
            currency={currency}
            locale={locale}
            data={data.rows.map((r) => ({
              // A run of more than 12 months repeats month names: then the labels carry the year.
              label: monthLabel(r.month, { withYear: resolved.months.length > 12 }),
              target: toNumber(r.target),
              actual: toNumber(r.actual),
              inProgress: r.isInProgress,
              cumulativeTarget: toNumber(r.cumulativeTarget),
              cumulativeActual: toNumber(r.cumulativeActual),
              forecastCumulative: toNumber(r.forecastCumulative),
              commitCumulative: toNumber(r.commitCumulative),
              bestCaseCumulative: toNumber(r.bestCaseCumulative),
              weightedCumulative: toNumber(r.weightedCumulative),
            }))}
          />
        </Card>
        <OutlookCard slug={slug} data={data} locale={locale} fy={fy} asOfText={asOfText} />
      </div>

      <HeatMapCard slug={slug} dashboard={data} locale={locale} rows={accountability.heatMap} />
      <CommitmentAccuracyCard slug={slug} dashboard={data} locale={locale} rows={accountability.accuracy} />

      <Card
        className="mt-6"
        title="Monthly figures"
        description={`${resolved.label}, in ${currency} (whole units; the exact amount on hover and in the CSV)`}
      >
        <div className="-mt-10 mb-2 flex justify-end">
          <Link
            href={`/o/${slug}/export/dashboard?period=${periodParam(resolved.period)}`}
            className="text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
            prefetch={false}
          >
            Export CSV
          </Link>
        </div>
        <MonthTable
          hasPipeline={data.pipeline !== null}
          hasProjections={data.hasProjections}
          rows={data.rows}
          currency={currency}
          locale={locale}
          caption={chartTitle}
        />
      </Card>
    </>
  );
}
