import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MonthTable } from "@/components/dashboard/month-table";
import { OutlookBadge } from "@/components/dashboard/outlook-badge";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { periodOptions } from "@/components/dashboard/period-options";
import { TargetActualChart } from "@/components/dashboard/target-actual-chart";
import { Tile } from "@/components/dashboard/tile";
import { formatRatio } from "@/lib/format";
import { FORECAST_KIND_LABELS } from "@/lib/forecast";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { fiscalYearLabel, fiscalYearOfMonth, monthKey, monthLabel } from "@/lib/period";
import { periodParam } from "@/lib/period-selection";
import { isIgnoredPeriod, readParam, type TSearchParams } from "@/lib/search-params";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { getRequestLocale } from "@/server/locale";
import { getDashboard, getDashboardAccountability } from "@/server/revenue/dashboard";
import { getTenantContext } from "@/server/tenant-context";
import { OutlookCard } from "./_components/outlook-card";
import { CommitmentAccuracyCard, GapBridgeCard, HeatMapCard } from "./_components/accountability-cards";
import { now } from "@/server/clock";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<TSearchParams> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const search = await searchParams;
  const query = { period: readParam(search, "period"), claimed: readParam(search, "claimed") };
  const [data, locale] = await Promise.all([getDashboard(ctx, query.period, await now()), getRequestLocale()]);
  const notice = <IgnoredParamsNotice names={isIgnoredPeriod(query.period, data.resolved.period) ? ["period"] : []} />;
  const { organization: org, resolved, range } = data;
  const currency = org.currency;
  const money = (v: bigint | null, compact = true) => (v === null ? "—" : formatMoney(v, currency, { locale, compact }));
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const currentFy = fiscalYearOfMonth(monthKey(data.today.year, data.today.month), org.fiscalYearStartMonth);
  const picker = periodOptions(resolved, currentFy);
  const header = (
    <>
      <PageHeader title={org.name} description={`Revenue target versus actual · ${resolved.label}`} actions={<PeriodPicker {...picker} />} />
      {notice}
    </>
  );

  if (data.annualTarget === null) {
    const canSet = can(ctx, "targets.write");
    return (
      <>
        {header}
        <EmptyState title={`No targets for ${fy} yet`} action={canSet ? { href: `/o/${slug}/revenue?fy=${resolved.fiscalYear}`, label: "Set them" } : undefined}>
          {canSet
            ? "Set the year's monthly revenue targets and bring in actuals; the gap, forecast and the departments' part in it appear here."
            : "An owner or the finance lead sets the year's revenue targets; the gap, forecast and each department's part in it appear here once they do."}
        </EmptyState>
      </>
    );
  }

  const accountability = await getDashboardAccountability(ctx, data, { includeClaimed: query.claimed === "1" });
  const chartTitle = `Monthly target and actual, ${fy}, in ${currency}`;
  const asOfText = `as of ${monthLabel(resolved.asOf.month)}`;
  // A past range is read as of its last day (DESIGN.md): say so on the full-year tiles, which
  // otherwise look as if they changed with the period picked.
  const isPastAsOf = resolved.asOf.month < monthKey(data.today.year, data.today.month);
  const asOfNote = isPastAsOf ? `, ${asOfText}` : "";
  const toNumber = (v: bigint | null) => (v === null ? null : Number(v));
  return (
    <>
      {header}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <Tile testId="tile-target" label={`Target · ${resolved.label}`} value={money(range.target)} exact={money(range.target, false)} />
        <Tile testId="tile-actual" label="Actual" value={money(range.actual)} exact={money(range.actual, false)} />
        <Tile
          testId="tile-gap"
          label={range.gap !== null && range.gap < 0n ? "Ahead of target" : "Gap"}
          value={money(range.gap === null ? null : range.gap < 0n ? -range.gap : range.gap)}
          exact={money(range.gap, false)}
          detail={range.gap === null ? undefined : `${formatRatio(range.gap < 0n ? -range.gap : range.gap, range.target, locale)} of target`}
        />
        <Tile testId="tile-attainment" label="Attainment" value={formatRatio(range.actual, range.target, locale)} />
        <Tile testId="tile-forecast" label={`Forecast ${fy}`} value={money(data.forecast)} exact={money(data.forecast, false)} detail={data.forecast === null ? "After the first month completes" : `${FORECAST_KIND_LABELS[data.forecastKind]}${asOfNote}`} />
        <Tile testId="tile-run-rate" label="Required per month" value={money(data.requiredRunRate)} exact={money(data.requiredRunRate, false)} detail={data.requiredRunRate === null ? "No months left" : `For the rest of ${fy}${asOfNote}`} />
        <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900" data-testid="tile-outlook">
          <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Outlook</dt>
          <dd className="mt-2">
            <OutlookBadge outlook={data.outlook} />
          </dd>
        </div>
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Target versus actual" description={`${fy}, monthly and cumulative, ${asOfText}`} className="lg:col-span-2">
          <TargetActualChart
            title={chartTitle}
            hasPipeline={data.pipeline !== null}
            currency={currency}
            locale={locale}
            data={data.rows.map((r) => ({
              label: monthLabel(r.month, { withYear: false }),
              target: toNumber(r.target),
              actual: toNumber(r.actual),
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

      <GapBridgeCard slug={slug} dashboard={data} locale={locale} data={accountability.bridge} canSetTargets={can(ctx, "targets.write")} />
      <HeatMapCard slug={slug} dashboard={data} locale={locale} rows={accountability.heatMap} />
      <CommitmentAccuracyCard slug={slug} dashboard={data} locale={locale} rows={accountability.accuracy} />

      <Card
        className="mt-6"
        title="Monthly figures"
        description={`${fy}, in ${currency}`}
      >
        <div className="-mt-10 mb-2 flex justify-end">
          <Link href={`/o/${slug}/export/dashboard?period=${periodParam(resolved.period)}`} className="text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline" prefetch={false}>
            Export CSV
          </Link>
        </div>
        <MonthTable hasPipeline={data.pipeline !== null} rows={data.rows} currency={currency} locale={locale} caption={chartTitle} />
      </Card>
    </>
  );
}
