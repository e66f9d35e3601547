import Link from "next/link";
import { BridgeTable } from "@/components/dashboard/bridge-table";
import { ClaimedToggle } from "@/components/dashboard/claimed-toggle";
import { CommitmentAccuracyTable, type TAccuracyRow } from "@/components/dashboard/commitment-accuracy-table";
import { GapBridgeChart, type TBridgePoint } from "@/components/dashboard/gap-bridge-chart";
import { HeatMap, HeatMapLegend, type THeatRow } from "@/components/dashboard/heat-map";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/money";
import { fiscalYearLabel, monthKey, monthLabel, type MonthKey } from "@/lib/period";
import { periodParam, throughLabel } from "@/lib/period-selection";
import type { TDashboard, TDashboardBridge } from "@/server/dashboard/dashboard";

type TCommon = { slug: string; dashboard: TDashboard; locale: string };

const exportLinkClass = "text-sm font-medium text-accent-600 hover:underline dark:text-accent-400";
const departmentHref = (slug: string, period: string) => (departmentId: string) =>
  `/o/${slug}/departments/${departmentId}?period=${period}`;

/** "62 %" from basis points, one decimal when under 10 %. */
const share = (bp: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: Math.abs(bp) < 1000 ? 1 : 0 }).format(
    bp / 10_000,
  );

/**
 * The bridge's headline: how much of the gap to date the departments explain, confirmed and claimed
 * ("62 % of the $1.43M shortfall through November is explained by departments: 48 % confirmed, 14 %
 * claimed"), in plain words, with the amount and the range it covers.
 */
function TracedHeadline({
  data,
  rangeText,
  money,
  locale,
}: {
  data: TDashboardBridge;
  rangeText: string;
  money: (v: bigint) => string;
  locale: string;
}) {
  const { traced } = data;
  if (
    !traced ||
    traced.gapMinor === 0n ||
    traced.totalBp === null ||
    traced.confirmedBp === null ||
    traced.claimedBp === null
  ) {
    return <p className="text-base font-medium">Actual matches plan {rangeText}: there is no gap to explain.</p>;
  }
  const isShortfall = traced.gapMinor > 0n;
  const gap = money(isShortfall ? traced.gapMinor : -traced.gapMinor);
  const what = isShortfall ? `the ${gap} shortfall ${rangeText}` : `the ${gap} lead over plan ${rangeText}`;
  if (traced.confirmedMinor === 0n && traced.claimedMinor === 0n) {
    return <p className="text-base font-medium">No department has explained any of {what} yet.</p>;
  }
  return (
    <p className="text-base font-medium">
      <span className="text-2xl font-semibold tabular-nums">{share(traced.totalBp, locale)}</span> of {what} is
      explained by departments
      <span className="font-normal text-zinc-600 dark:text-zinc-400">
        {" "}
        ({share(traced.confirmedBp, locale)} confirmed, {share(traced.claimedBp, locale)} claimed and awaiting finance)
      </span>
    </p>
  );
}

/** The gap bridge of the chosen period to date: the headline, the waterfall, its exact table, and the claimed toggle. */
export function GapBridgeCard({
  slug,
  dashboard,
  locale,
  data,
  canSetTargets,
}: TCommon & { data: TDashboardBridge; canSetTargets: boolean }) {
  const { resolved, organization } = dashboard;
  const currency = organization.currency;
  const period = periodParam(resolved.period);
  const { bridge, includeClaimed } = data;
  const money = (v: bigint, options: { compact?: boolean; signed?: boolean } = {}) =>
    formatMoney(v, currency, { locale, compact: options.compact, signDisplay: options.signed ? "exceptZero" : "auto" });
  const todayMonth = monthKey(dashboard.today.year, dashboard.today.month);
  const through = throughLabel(data.months, todayMonth);
  const { includeUnfinished } = data;
  const isToDate = !includeUnfinished && resolved.toDateMonths.length < resolved.months.length;
  const rangeText = includeUnfinished
    ? `in ${resolved.label} so far`
    : isToDate
      ? `to date (${through})`
      : `in ${resolved.label}`;
  const counted = includeClaimed
    ? "Counts confirmed and claimed contributions."
    : "Counts confirmed contributions and charged deals; claims awaiting finance are drawn dotted beside each bar, not counted.";
  // The URL keeps every choice: period, claimed, and whether unfinished months are in.
  const href = (options: { claimed?: boolean; all?: boolean }) =>
    `/o/${slug}?period=${period}${(options.claimed ?? includeClaimed) ? "&claimed=1" : ""}${(options.all ?? includeUnfinished) ? "&bridge=all" : ""}`;
  const claimedParam = `${includeClaimed ? "&claimed=1" : ""}${includeUnfinished ? "&bridge=all" : ""}`;
  const scorecard = departmentHref(slug, period);
  const pendingByDepartment =
    bridge?.steps.filter((s) => s.kind === "department" && (s.pendingMinor ?? 0n) !== 0n) ?? [];
  const unattributed = bridge?.steps.find((s) => s.kind === "unattributed");
  const inProgressName = resolved.inProgress ? monthLabel(resolved.inProgress.month) : "the months under way";
  return (
    <Card
      className="mt-6"
      title="Gap bridge"
      description={`Who explains the gap. ${resolved.label}${includeUnfinished ? ", every month including those under way" : isToDate && through ? `, ${through} (completed months only)` : ""}: from target to actual through each department's revenue impact. ${counted}`}
    >
      {data.months.length === 0 ? (
        <EmptyState
          title={`No month of ${resolved.label} has ended yet`}
          action={
            resolved.inProgress
              ? { href: href({ all: true }), label: `Show ${inProgressName} so far anyway` }
              : undefined
          }
        >
          The bridge traces completed months, so a few days of revenue never stand against a whole month of target.{" "}
          {resolved.inProgress &&
            `${monthLabel(resolved.inProgress.month)} is day ${resolved.inProgress.day} of ${resolved.inProgress.daysInMonth}.`}
        </EmptyState>
      ) : !bridge ? (
        <EmptyState
          title={`No targets for ${resolved.label} yet`}
          action={
            canSetTargets ? { href: `/o/${slug}/revenue?fy=${resolved.fiscalYear}`, label: "Set them" } : undefined
          }
        >
          The bridge runs from the period&apos;s target to its actual; it appears once the period has a target.
        </EmptyState>
      ) : (
        <>
          {data.unfinishedTargetMinor > 0n && (
            <p
              className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
              data-testid="bridge-unfinished-note"
            >
              Unattributed includes {money(data.unfinishedTargetMinor)} of target for months still under way or to come:
              their revenue is not all in yet.
            </p>
          )}
          <div data-testid="bridge-traced">
            <TracedHeadline
              data={data}
              rangeText={rangeText}
              money={(v) => money(v, { compact: true })}
              locale={locale}
            />
          </div>
          <div className="mt-2 grid gap-x-6 gap-y-1 text-sm text-zinc-700 md:grid-cols-2 dark:text-zinc-300">
            {unattributed && (
              <p data-testid="bridge-unexplained">
                <span className="font-medium">
                  Unexplained: {money(unattributed.amountMinor, { compact: true, signed: true })}
                </span>
                <span className="text-zinc-500">
                  {" "}
                  — not traced to any department yet
                  {!includeClaimed && data.claimedMinor !== 0n
                    ? " (claims awaiting finance stay here until confirmed)"
                    : ""}
                  .
                </span>
                {data.unexplainedRed.length > 0 && (
                  <>
                    {" "}
                    Red without a why:{" "}
                    {data.unexplainedRed.map((d, i) => (
                      <span key={d.departmentId}>
                        {i > 0 && ", "}
                        <Link
                          href={`/o/${slug}/departments/${d.departmentId}?period=m-${d.months.at(-1)}`}
                          className="text-accent-600 hover:underline dark:text-accent-400"
                        >
                          {d.name}
                        </Link>{" "}
                        <span className="text-zinc-500">
                          ({d.months.map((m) => monthLabel(m, { withYear: false })).join(", ")})
                        </span>
                      </span>
                    ))}
                    .
                  </>
                )}
              </p>
            )}
            {!includeClaimed && data.claimedMinor !== 0n && (
              <p data-testid="bridge-claimed-note">
                <span className="font-medium">
                  Awaiting finance: {money(data.claimedMinor, { compact: true, signed: true })}
                </span>
                <span className="text-zinc-500">
                  {" "}
                  claimed by {data.claimedDepartments} {data.claimedDepartments === 1 ? "department" : "departments"} —
                  review:{" "}
                </span>
                {pendingByDepartment.map((s, i) => (
                  <span key={s.departmentId}>
                    {i > 0 && ", "}
                    <Link
                      href={`${scorecard(s.departmentId ?? "")}#contributions`}
                      className="text-accent-600 hover:underline dark:text-accent-400"
                    >
                      {s.label} {money(s.pendingMinor ?? 0n, { compact: true, signed: true })}
                    </Link>
                  </span>
                ))}
              </p>
            )}
          </div>
          <div className="mt-3">
            <GapBridgeChart
              title={`Gap bridge, ${resolved.label}${isToDate && through ? ` ${through}` : ""}, in ${currency}`}
              currency={currency}
              locale={locale}
              data={bridge.steps.map((s): TBridgePoint => {
                const isChange = s.kind === "department" || s.kind === "unattributed";
                const pending = s.pendingMinor ?? 0n;
                return {
                  kind: s.kind,
                  label: s.label,
                  start: Number(s.startMinor),
                  end: Number(s.endMinor),
                  amountLabel:
                    s.kind === "department" && s.amountMinor === 0n && pending !== 0n
                      ? `${money(pending, { compact: true, signed: true })} claimed`
                      : money(s.amountMinor, { compact: true, signed: isChange }),
                  exactLabel: money(s.amountMinor, { signed: isChange }),
                  runningLabel: money(s.endMinor),
                  href: s.departmentId ? scorecard(s.departmentId) : undefined,
                  ...(s.kind === "department" && s.contributionsMinor !== undefined && s.pipelineMinor !== undefined
                    ? {
                        contributions: Number(s.contributionsMinor),
                        pipeline: Number(s.pipelineMinor),
                        contributionsLabel: money(s.contributionsMinor, { signed: true }),
                        pipelineLabel: money(s.pipelineMinor, { signed: true }),
                        pending: Number(pending),
                        pendingLabel: pending !== 0n ? money(pending, { signed: true }) : undefined,
                      }
                    : {}),
                };
              })}
            />
          </div>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
            <ClaimedToggle
              checked={includeClaimed}
              onHref={href({ claimed: true })}
              offHref={href({ claimed: false })}
            />
            {includeUnfinished ? (
              <Link href={href({ all: false })} className={exportLinkClass} data-testid="bridge-scope">
                Trace completed months only
              </Link>
            ) : (
              isToDate && (
                <Link href={href({ all: true })} className={exportLinkClass} data-testid="bridge-scope">
                  Include {inProgressName} so far
                </Link>
              )
            )}
            <Link
              href={`/o/${slug}/export/dashboard?period=${period}&table=bridge${claimedParam}`}
              className={exportLinkClass}
              prefetch={false}
            >
              Export bridge as CSV
            </Link>
          </div>
          <div className="mt-3">
            <BridgeTable
              bridge={bridge}
              currency={currency}
              locale={locale}
              caption={`Gap bridge, ${resolved.label}, in ${currency}: each step and the running total`}
              departmentHref={scorecard}
            />
          </div>
        </>
      )}
    </Card>
  );
}

/** Departments × the fiscal year's months of scorecard status. */
export function HeatMapCard({ slug, dashboard, rows, locale }: TCommon & { rows: THeatRow[] }) {
  const { resolved } = dashboard;
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const hasStatus = rows.some((r) => r.cells.some((c) => c.status !== null));
  const cellHref = (departmentId: string, month: MonthKey) =>
    `/o/${slug}/departments/${departmentId}?period=m-${month}`;
  return (
    <Card
      className="mt-6"
      title="Department status by month"
      description={`${fy}: each department's worst KPI per month and its revenue impact that month, as of ${monthLabel(resolved.asOf.month)}. Open a cell for that month's scorecard.`}
    >
      {rows.length === 0 ? (
        <EmptyState
          title="No departments yet"
          action={{ href: `/o/${slug}/settings/departments`, label: "Add departments" }}
        >
          Each department&apos;s monthly status appears here once it has KPIs.
        </EmptyState>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            {hasStatus ? (
              <span />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                No KPI values in {fy} yet — department heads enter them on their scorecards.
              </p>
            )}
            <Link
              href={`/o/${slug}/export/dashboard?period=${periodParam(resolved.period)}&table=heatmap`}
              className={exportLinkClass}
              prefetch={false}
            >
              Export heat map as CSV
            </Link>
          </div>
          <HeatMap
            rows={rows}
            months={resolved.yearMonths}
            caption={`Department status and revenue impact by month, ${fy}`}
            cellHref={cellHref}
            currency={dashboard.organization.currency}
            locale={locale}
          />
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
    <Card
      className="mt-6"
      title="Commitment accuracy"
      description="All time, per department: commitments done or missed, and the revenue impact delivered against what was promised. Overdue: open past its due date."
    >
      {rows.length === 0 ? (
        <EmptyState title="No commitments yet">
          Department heads add commitments on their scorecards — what they will do to close their part of the gap. How
          well each department keeps them shows here.
        </EmptyState>
      ) : (
        <>
          <div className="mb-2 flex justify-end">
            <Link
              href={`/o/${slug}/export/dashboard?period=${period}&table=accuracy`}
              className={exportLinkClass}
              prefetch={false}
            >
              Export accuracy as CSV
            </Link>
          </div>
          <CommitmentAccuracyTable
            rows={rows}
            currency={organization.currency}
            locale={locale}
            caption="Commitment accuracy per department, all time"
            departmentHref={departmentHref(slug, period)}
          />
        </>
      )}
    </Card>
  );
}
