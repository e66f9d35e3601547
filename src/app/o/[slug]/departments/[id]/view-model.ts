import "server-only";
import type { KpiUnit } from "@db/enums";
import { isOverdue } from "@/lib/commitments";
import { formatBp, formatRatio, plural } from "@/lib/format";
import {
  formatKpiValue,
  howCombined,
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_UNIT_LABELS,
  kpiValueToInput,
  RAG_LABELS,
} from "@/lib/kpi";
import { currencyDigits, formatMoney, minorToDecimalString } from "@/lib/money";
import { fiscalYearLabel, monthLabel, type MonthKey } from "@/lib/period";
import { monthToOpen } from "@/lib/scorecard-months";
import type { TScorecard } from "@/server/accountability/scorecard";
import { cellToken } from "@/server/concurrency";
import type { TCommitmentRow, TAccuracySummary } from "./_components/commitments-section";
import type { TContributionRow } from "./_components/contributions-section";
import type { TCauseRow } from "./_components/causes-section";
import type { TKpiRow } from "./_components/kpi-table";
import type { TValueKpi } from "./_components/kpi-values-form";
import type { TMonthOption } from "./_components/month-select";
import type { TStripMonth } from "./_components/month-strip";
import type { TNarrativeMonth } from "./_components/narratives-section";
import type { THeaderImpact, TWorstKpi } from "./_components/scorecard-header";

// The scorecard as the page shows it: every number and date formatted here, on the server, in the
// request's locale and the organization's zone (no hydration mismatch), so components only lay out.

const UNIT_HINTS: Record<KpiUnit, (currency: string) => string> = {
  CURRENCY: (currency) => `In ${currency}`,
  COUNT: () => "A count",
  PERCENT: () => "A percentage, e.g. 12.5",
  DAYS: () => "In days",
};

const bpToPercentText = (bp: number) => String(bp / 100);

export function scorecardView(sc: TScorecard, locale: string) {
  const { currency, timeZone } = sc.organization;
  const { resolved } = sc;
  const todayMonth = sc.today.slice(0, 7) as MonthKey;
  // Impacts are signed (+ purified, − tainted); promised and delivered amounts are plain.
  const money = (v: bigint, compact = false) =>
    formatMoney(v, currency, { locale, compact, signDisplay: "exceptZero" });
  const plain = (v: bigint) => formatMoney(v, currency, { locale });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const fy = fiscalYearLabel(resolved.fiscalYear);

  const isStarted = (m: MonthKey) => m <= todayMonth;
  const monthOptions: TMonthOption[] = resolved.yearMonths
    .filter(isStarted)
    .map((m) => ({ month: m, label: monthLabel(m), isClosed: sc.closedMonths.has(m) }));
  const openIn = (months: MonthKey[]) => months.filter((m) => isStarted(m) && !sc.closedMonths.has(m)).at(-1) ?? null;
  // The month a form starts on: the period's latest open month, else the year's.
  const defaultMonth = openIn(resolved.months) ?? openIn(resolved.yearMonths);
  const startedInPeriod = resolved.months.filter(isStarted).length;

  const kpiRows: TKpiRow[] = sc.kpis.map(({ kpi, series, period, rag }) => {
    const fmt = (v: bigint | null) => formatKpiValue(v, kpi.unit, currency, locale);
    const reportedValues = series.filter((s) => s.value !== null);
    const isLong = resolved.months.length > 1;
    // How the period's figure came from its months, in words beside it.
    const combined = howCombined(kpi.aggregation, period, isLong);
    return {
      id: kpi.id,
      name: kpi.name,
      unit: KPI_UNIT_LABELS[kpi.unit],
      direction: KPI_DIRECTION_LABELS[kpi.direction],
      aggregation: KPI_AGGREGATION_LABELS[kpi.aggregation],
      // With values: the period's target over the reported months, combined like the actual. Without:
      // the monthly target, labelled as such when the period is longer.
      target: period.months ? fmt(period.target) : fmt(kpi.targetScaled),
      targetNote: period.months
        ? kpi.aggregation === "SUM" && period.months > 1 && kpi.targetScaled !== null
          ? `${fmt(kpi.targetScaled)} a month`
          : null
        : isLong && kpi.targetScaled !== null
          ? "a month"
          : null,
      actual: fmt(period.actual),
      actualNote: combined,
      rag,
      // Each month of the period keeps its own status beside the period's (a year green on its sum can hide four amber months).
      monthMarks: isLong
        ? series
            .filter((s) => resolved.months.includes(s.month))
            .map((s) => ({
              month: s.month,
              initial: monthLabel(s.month, { withYear: false }).slice(0, 1),
              label: `${monthLabel(s.month)}: ${s.value !== null ? `${s.rag ? RAG_LABELS[s.rag] : "not rated"}, ${fmt(s.value)}` : isStarted(s.month) ? "no value" : "not started"}`,
              status: s.rag,
              hasValue: s.value !== null,
              isStarted: isStarted(s.month),
            }))
        : [],
      spark: series.map((s) => ({
        label: monthLabel(s.month, { withYear: false }),
        value: s.value === null ? null : Number(s.value),
        target: s.target === null ? null : Number(s.target),
      })),
      sparkLabel: `${kpi.name}, ${fy}: ${reportedValues.length ? reportedValues.map((s) => `${monthLabel(s.month, { withYear: false })} ${fmt(s.value)}`).join(", ") : "no values yet"}`,
      reported: startedInPeriod ? `${period.months} of ${plural(startedInPeriod, "month")}` : "Not started",
      definition: {
        kpiId: kpi.id,
        version: kpi.version,
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction,
        aggregation: kpi.aggregation,
        target: kpi.targetScaled === null ? "" : kpiValueToInput(kpi.targetScaled, kpi.unit, currency),
        greenAt: bpToPercentText(kpi.greenAtBp),
        amberAt: bpToPercentText(kpi.amberAtBp),
      },
    };
  });

  // The KPI that sets the status, with its figures in its own unit: "Cost per lead: 112.0% of target".
  const worstRow = sc.kpis.find((row) => row.kpi.id === sc.worstKpiId);
  const worst: TWorstKpi | null = worstRow
    ? (() => {
        const { kpi, period } = worstRow;
        const fmt = (v: bigint | null) => formatKpiValue(v, kpi.unit, currency, locale);
        const ratio =
          period.target !== null && period.target > 0n ? formatRatio(period.ratedActual, period.target, locale) : null;
        return {
          name: kpi.name,
          detail: `${fmt(period.ratedActual)} against ${fmt(period.target)}${ratio ? `, ${ratio} of target` : ""}${kpi.direction === "LOWER_IS_BETTER" ? " (lower is better)" : ""}`,
        };
      })()
    : null;

  const valueKpis: TValueKpi[] = sc.kpis.map(({ kpi, series }) => ({
    id: kpi.id,
    name: kpi.name,
    unitHint: `${UNIT_HINTS[kpi.unit](currency)}${kpi.targetScaled === null ? "" : ` · target ${formatKpiValue(kpi.targetScaled, kpi.unit, currency, locale)}`}`,
    values: Object.fromEntries(
      series.flatMap((s) => (s.value === null ? [] : [[s.month, kpiValueToInput(s.value, kpi.unit, currency)]])),
    ),
    versions: Object.fromEntries(series.map((s) => [s.month, s.token])),
  }));

  const strip: TStripMonth[] = resolved.yearMonths.map((m) => ({
    month: m,
    label: monthLabel(m, { withYear: false }),
    status: sc.monthStatus.get(m) ?? null,
    isStarted: isStarted(m),
    isInPeriod: resolved.months.includes(m),
    isReviewed: sc.reviewedMonths.has(m),
    isClosed: sc.closedMonths.has(m),
  }));

  // The bridge's own rule: confirmed contributions plus the pipeline causes it counts.
  const counted = sc.impact.confirmed + sc.pipeline.countedMinor;
  const impact: THeaderImpact = {
    confirmed: { compact: money(counted, true), exact: money(counted) },
    parts: { contributions: money(sc.impact.confirmed), pipeline: money(sc.pipeline.countedMinor) },
    disputedDeals: { exact: money(-sc.pipeline.disputedMinor), count: sc.pipeline.disputedCount },
    claimed: {
      compact: money(sc.impact.claimed, true),
      exact: money(sc.impact.claimed),
      count: sc.impact.counts.CLAIMED,
    },
    disputed: {
      compact: money(sc.impact.disputed, true),
      exact: money(sc.impact.disputed),
      count: sc.impact.counts.DISPUTED,
    },
  };

  const digits = currencyDigits(currency);
  const contributions: TContributionRow[] = sc.contributions.map((c) => {
    // The reviewer beside the status; a dispute's reason too, since the head has to act on it.
    // Dates and a confirmation's reason are in the history.
    const reviewer = c.reviewedBy?.name ?? "a former member";
    const reviewNote =
      c.status === "DISPUTED"
        ? `${reviewer}: “${c.reviewReason ?? ""}”`
        : c.status === "CONFIRMED"
          ? `by ${reviewer}`
          : null;
    return {
      id: c.id,
      monthLabel: monthLabel(c.month),
      category: c.category.name,
      amount: money(c.amountMinor),
      isPositive: c.amountMinor > 0n,
      description: c.description,
      evidenceUrl: c.evidenceUrl,
      status: c.status,
      reviewNote,
      loggedBy: c.createdBy?.name ?? "—",
      isClosed: sc.closedMonths.has(c.month),
      history: c.history.map((h) => ({ action: h.action, actor: h.actor, at: when.format(h.at), reason: h.reason })),
      deal: c.opportunity?.name ?? null,
      draft: {
        contributionId: c.id,
        version: c.version,
        month: c.month,
        categoryId: c.category.id,
        amount: minorToDecimalString(c.amountMinor, digits),
        description: c.description,
        evidenceUrl: c.evidenceUrl ?? "",
        opportunityId: c.opportunityId ?? "",
        opportunityLabel: c.opportunity?.name ?? "",
      },
    };
  });

  // Lost and slipped deals charged to the department: −amount, as the bridge counts them.
  const causes: TCauseRow[] = sc.causes.map((c) => ({
    id: c.id,
    opportunityId: c.opportunityId,
    dealName: c.dealName,
    account: c.account,
    kind: c.kind,
    monthLabel: monthLabel(c.month),
    amount: money(-c.amountMinor),
    cause: c.cause,
    status: c.status,
    chargedBy: c.chargedBy,
    dispute: c.disputeReason
      ? {
          reason: c.disputeReason,
          by: c.disputedBy ?? "a former member",
          at: c.disputedAt ? when.format(c.disputedAt) : "",
        }
      : null,
    settlement: c.settleReason
      ? {
          reason: c.settleReason,
          by: c.settledBy ?? "a former member",
          at: c.settledAt ? when.format(c.settledAt) : "",
        }
      : null,
    replacedBy: c.replacedBy,
  }));
  const dealOptions = sc.chargedDeals.map((d) => ({ value: d.id, label: `${d.name} · ${d.account}` }));

  const commitments: TCommitmentRow[] = sc.commitments.map((c) => ({
    id: c.id,
    version: c.version,
    title: c.title,
    owner: c.owner.name,
    due: day.format(new Date(`${c.dueDate}T00:00:00Z`)),
    isOverdue: isOverdue(c.status, c.dueDate, sc.today),
    expected: plain(c.expectedImpactMinor),
    delivered: c.deliveredImpactMinor === null ? "—" : plain(c.deliveredImpactMinor),
    status: c.status,
  }));
  const a = sc.accuracy;
  const accuracy: TAccuracySummary = {
    hitRate: formatBp(a.hitRateBp, locale, 0),
    hitRateDetail: `${a.done} done, ${a.missed} missed`,
    delivered: a.promisedMinor === 0n ? "—" : `${plain(a.deliveredMinor)} of ${plain(a.promisedMinor)}`,
    deliveredDetail:
      a.deliveredBp === null ? "Nothing resolved yet" : `${formatBp(a.deliveredBp, locale, 0)} of what was promised`,
    open: a.open,
    overdue: a.overdue,
  };

  const narratives: TNarrativeMonth[] = resolved.months
    .filter(isStarted)
    .reverse()
    .map((m) => {
      const n = sc.narratives.get(m);
      return {
        month: m,
        label: monthLabel(m),
        status: sc.monthStatus.get(m) ?? null,
        why: n?.why ?? "",
        whatNext: n?.whatNext ?? "",
        version: cellToken(n),
        updated:
          n && (n.why || n.whatNext)
            ? `by ${n.updatedBy?.name ?? "a former member"}, ${when.format(n.updatedAt)}`
            : null,
        reviewed: n?.reviewedAt ? `by ${n.reviewedBy?.name ?? "a former member"}, ${when.format(n.reviewedAt)}` : null,
      };
    });

  // The month that needs attention opens by default (a red month owing its narrative, else the latest completed one).
  const openMonth = monthToOpen(
    narratives.map((n) => ({ ...n, month: n.month as MonthKey })),
    sc.today,
  );

  return {
    fy,
    todayMonth,
    monthOptions,
    defaultMonth,
    openMonth,
    kpiRows,
    worst,
    valueKpis,
    strip,
    impact,
    contributions,
    causes,
    dealOptions,
    commitments,
    accuracy,
    narratives,
  };
}
