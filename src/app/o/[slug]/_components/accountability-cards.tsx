import Link from "next/link";
import { BridgeTable } from "@/components/dashboard/bridge-table";
import { ClaimedToggle } from "@/components/dashboard/claimed-toggle";
import { CommitmentAccuracyTable, type TAccuracyRow } from "@/components/dashboard/commitment-accuracy-table";
import { GapBridgeChart, type TBridgePoint } from "@/components/dashboard/gap-bridge-chart";
import { HeatMap, HeatMapLegend, type THeatRow } from "@/components/dashboard/heat-map";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/money";
import { fiscalYearLabel, monthLabel, type MonthKey } from "@/lib/period";
import { periodParam } from "@/lib/period-selection";
import type { TDashboard, TDashboardBridge } from "@/server/revenue/dashboard";

type TCommon = { slug: string; dashboard: TDashboard; locale: string };

const exportLinkClass = "text-sm font-medium text-accent-600 hover:underline dark:text-accent-400";
const departmentHref = (slug: string, period: string) => (departmentId: string) => `/o/${slug}/departments/${departmentId}?period=${period}`;

/** The gap bridge of the chosen period: the waterfall, its exact table, and the claimed toggle. */
export function GapBridgeCard({ slug, dashboard, locale, data, canSetTargets }: TCommon & { data: TDashboardBridge; canSetTargets: boolean }) {
  const { resolved, organization } = dashboard;
  const currency = organization.currency;
  const period = periodParam(resolved.period);
  const { bridge, includeClaimed } = data;
  const money = (v: bigint, options: { compact?: boolean; signed?: boolean } = {}) =>
    formatMoney(v, currency, { locale, compact: options.compact, signDisplay: options.signed ? "exceptZero" : "auto" });
  const counted = includeClaimed ? "Counts confirmed and claimed contributions (claimed ones are not yet reviewed by finance)." : "Counts confirmed contributions only.";
  const claimedParam = includeClaimed ? "&claimed=1" : "";
  return (
    <Card className="mt-6" title="Gap bridge" description={`${resolved.label}: from target to actual through each department's net impact. ${counted} Lost and slipped deals count against the department named responsible (hatched), unless overturned or replaced by a counted contribution linked to the deal.`}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <ClaimedToggle checked={includeClaimed} onHref={`/o/${slug}?period=${period}&claimed=1`} offHref={`/o/${slug}?period=${period}`} />
        {bridge && (
          <Link href={`/o/${slug}/export/dashboard?period=${period}&table=bridge${claimedParam}`} className={exportLinkClass} prefetch={false}>
            Export bridge as CSV
          </Link>
        )}
      </div>
      {!bridge ? (
        <EmptyState title={`No targets for ${resolved.label} yet`} action={canSetTargets ? { href: `/o/${slug}/revenue?fy=${resolved.fiscalYear}`, label: "Set them" } : undefined}>
          The bridge runs from the period&apos;s target to its actual; it appears once the period has a target.
        </EmptyState>
      ) : (
        <>
          {!bridge.steps.some((s) => s.kind === "department") && (
            <p className="mb-3 rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" data-testid="bridge-empty">
              No {includeClaimed ? "confirmed or claimed" : "confirmed"} contributions in {resolved.label} yet — department heads log them on their scorecards.
            </p>
          )}
          {!includeClaimed && data.claimedMinor !== 0n && (
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="bridge-claimed-note">
              Not counted: {money(data.claimedMinor, { signed: true })} claimed by {data.claimedDepartments} {data.claimedDepartments === 1 ? "department" : "departments"}, awaiting review.
            </p>
          )}
          {data.unfinishedTargetMinor > 0n && (
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="bridge-unfinished-note">
              Unattributed includes {money(data.unfinishedTargetMinor)} of target for{" "}
              {data.unfinishedMonths.length === 1 ? monthLabel(data.unfinishedMonths[0] as MonthKey) : `${monthLabel(data.unfinishedMonths[0] as MonthKey)} – ${monthLabel(data.unfinishedMonths.at(-1) as MonthKey)}`}, still under way
              or to come. Pick a period that has ended to trace only what is behind you.
            </p>
          )}
          <GapBridgeChart
            title={`Gap bridge, ${resolved.label}, in ${currency}`}
            currency={currency}
            locale={locale}
            data={bridge.steps.map(
              (s): TBridgePoint => {
                const isChange = s.kind === "department" || s.kind === "unattributed";
                return {
                  kind: s.kind,
                  label: s.label,
                  start: Number(s.startMinor),
                  end: Number(s.endMinor),
                  amountLabel: money(s.amountMinor, { compact: true, signed: isChange }),
                  exactLabel: money(s.amountMinor, { signed: isChange }),
                  runningLabel: money(s.endMinor),
                  href: s.departmentId ? departmentHref(slug, period)(s.departmentId) : undefined,
                  ...(s.kind === "department" && s.contributionsMinor !== undefined && s.pipelineMinor !== undefined
                    ? {
                        contributions: Number(s.contributionsMinor),
                        pipeline: Number(s.pipelineMinor),
                        contributionsLabel: money(s.contributionsMinor, { signed: true }),
                        pipelineLabel: money(s.pipelineMinor, { signed: true }),
                      }
                    : {}),
                };
              },
            )}
          />
          <div className="mt-4">
            <BridgeTable bridge={bridge} currency={currency} locale={locale} caption={`Gap bridge, ${resolved.label}, in ${currency}: each step and the running total`} departmentHref={departmentHref(slug, period)} />
          </div>
        </>
      )}
    </Card>
  );
}

/** Departments × the fiscal year's months of scorecard status. */
export function HeatMapCard({ slug, dashboard, rows }: TCommon & { rows: THeatRow[] }) {
  const { resolved } = dashboard;
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const hasStatus = rows.some((r) => r.cells.some((c) => c.status !== null));
  const cellHref = (departmentId: string, month: MonthKey) => `/o/${slug}/departments/${departmentId}?period=m-${month}`;
  return (
    <Card className="mt-6" title="Department status by month" description={`${fy}: each department's worst KPI per month, as of ${monthLabel(resolved.asOf.month)}. Open a cell for that month's scorecard.`}>
      {rows.length === 0 ? (
        <EmptyState title="No departments yet" action={{ href: `/o/${slug}/settings`, label: "Add departments" }}>
          Each department&apos;s monthly status appears here once it has KPIs.
        </EmptyState>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            {hasStatus ? (
              <span />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No KPI values in {fy} yet — department heads enter them on their scorecards.</p>
            )}
            <Link href={`/o/${slug}/export/dashboard?period=${periodParam(resolved.period)}&table=heatmap`} className={exportLinkClass} prefetch={false}>
              Export heat map as CSV
            </Link>
          </div>
          <HeatMap rows={rows} months={resolved.yearMonths} caption={`Department status by month, ${fy}`} cellHref={cellHref} />
          <HeatMapLegend />
        </>
      )}
    </Card>
  );
}

/** Commitment accuracy of every department with commitments, all time. */
export function CommitmentAccuracyCard({ slug, dashboard, locale, rows }: TCommon & { rows: TAccuracyRow[] }) {
  const { resolved, organization } = dashboard;
  const period = periodParam(resolved.period);
  return (
    <Card className="mt-6" title="Commitment accuracy" description="All time, per department: commitments done or missed, and the revenue impact delivered against what was promised. Overdue: open past its due date.">
      {rows.length === 0 ? (
        <EmptyState title="No commitments yet">
          Department heads add commitments on their scorecards — what they will do to close their part of the gap. How well each department keeps them shows here.
        </EmptyState>
      ) : (
        <>
          <div className="mb-2 flex justify-end">
            <Link href={`/o/${slug}/export/dashboard?period=${period}&table=accuracy`} className={exportLinkClass} prefetch={false}>
              Export accuracy as CSV
            </Link>
          </div>
          <CommitmentAccuracyTable rows={rows} currency={organization.currency} locale={locale} caption="Commitment accuracy per department, all time" departmentHref={departmentHref(slug, period)} />
        </>
      )}
    </Card>
  );
}
