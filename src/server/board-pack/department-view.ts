import "server-only";
import { COMMITMENT_STATUS_LABELS, isOverdue } from "@/lib/commitments";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { formatBp, formatDay, formatRatio, plural } from "@/lib/format";
import { formatKpiValue, howCombined, KPI_UNIT_LABELS, RAG_LABELS, type TRag } from "@/lib/kpi";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";
import type { TScorecard } from "../accountability/scorecard";

// A department's page of the board pack, formatted by the scorecard page's own rules (its view model
// in src/app/o/[slug]/departments/[id]/view-model.ts): the same status, worst KPI, impact and accuracy.

export type TDepartmentPage = ReturnType<typeof departmentPage>;

export function departmentPage(sc: TScorecard, locale: string) {
  const { currency } = sc.organization;
  const { resolved } = sc;
  const todayMonth = sc.today.slice(0, 7) as MonthKey;
  const signed = (v: bigint) => formatMoney(v, currency, { locale, signDisplay: "exceptZero" });
  const plain = (v: bigint) => formatMoney(v, currency, { locale });
  const isLong = resolved.months.length > 1;

  const kpis = sc.kpis.map(({ kpi, series, period, rag }) => {
    const fmt = (v: bigint | null) => formatKpiValue(v, kpi.unit, currency, locale);
    const combined = howCombined(kpi.aggregation, period, isLong) ?? "";
    return {
      id: kpi.id,
      name: kpi.name,
      unit: KPI_UNIT_LABELS[kpi.unit],
      direction: kpi.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better",
      target: period.months
        ? fmt(period.target)
        : `${fmt(kpi.targetScaled)}${isLong && kpi.targetScaled !== null ? " a month" : ""}`,
      actual: combined ? `${fmt(period.actual)} (${combined})` : fmt(period.actual),
      rag,
      isWorst: kpi.id === sc.worstKpiId,
      months: series
        .filter((s) => resolved.months.includes(s.month))
        .map(
          (s) =>
            `${monthLabel(s.month, { withYear: false })} ${s.value === null ? (s.month <= todayMonth ? "no value" : "-") : s.rag ? RAG_LABELS[s.rag] : "not rated"}`,
        )
        .join(", "),
    };
  });

  const worstRow = sc.kpis.find((row) => row.kpi.id === sc.worstKpiId);
  const worst = worstRow
    ? (() => {
        const { kpi, period } = worstRow;
        const fmt = (v: bigint | null) => formatKpiValue(v, kpi.unit, currency, locale);
        const ratio =
          period.target !== null && period.target > 0n ? formatRatio(period.ratedActual, period.target, locale) : null;
        return `${kpi.name}: ${fmt(period.ratedActual)} against ${fmt(period.target)}${ratio ? `, ${ratio} of target` : ""}${kpi.direction === "LOWER_IS_BETTER" ? " (lower is better)" : ""}`;
      })()
    : null;

  // The bridge's own rule: confirmed contributions plus the pipeline causes it counts.
  const counted = sc.impact.confirmed + sc.pipeline.countedMinor;
  const impact = {
    counted: signed(counted),
    contributions: signed(sc.impact.confirmed),
    pipeline: signed(sc.pipeline.countedMinor),
    claimed: signed(sc.impact.claimed),
    claimedCount: plural(sc.impact.counts.CLAIMED, "contribution"),
    disputed: signed(sc.impact.disputed),
    disputedCount: plural(sc.impact.counts.DISPUTED, "contribution"),
    disputedDeals:
      sc.pipeline.disputedCount > 0
        ? `${plural(sc.pipeline.disputedCount, "deal")} awaiting settlement (${signed(-sc.pipeline.disputedMinor)}, still counted)`
        : null,
  };

  // Each month of the range that has begun, oldest first, with its narrative or the lack of one.
  const narratives = resolved.months
    .filter((m) => m <= todayMonth)
    .map((m) => {
      const n = sc.narratives.get(m);
      const status = sc.monthStatus.get(m) ?? null;
      return {
        month: m,
        label: monthLabel(m, { long: true }),
        status: status as TRag | null,
        why: n?.why.trim() ?? "",
        whatNext: n?.whatNext.trim() ?? "",
        reviewed: n?.reviewedAt ? `Reviewed by ${n.reviewedBy?.name ?? "a former member"}` : null,
      };
    });

  // Commitments still open, and those due within the range whatever their status.
  const first = `${resolved.months[0] ?? todayMonth}-01`;
  const last = `${resolved.months.at(-1) ?? todayMonth}-31`;
  const commitments = sc.commitments
    .filter((c) => c.status === "OPEN" || (c.dueDate >= first && c.dueDate <= last))
    .map((c) => ({
      id: c.id,
      title: c.title,
      owner: c.owner.name,
      due: formatDay(c.dueDate, locale),
      status: `${COMMITMENT_STATUS_LABELS[c.status]}${isOverdue(c.status, c.dueDate, sc.today) ? ", overdue" : ""}`,
      expected: plain(c.expectedImpactMinor),
      delivered: c.deliveredImpactMinor === null ? "-" : plain(c.deliveredImpactMinor),
    }));
  const a = sc.accuracy;
  const accuracy = [
    `Hit rate ${formatBp(a.hitRateBp, locale, 0)} (${a.done} done, ${a.missed} missed)`,
    a.promisedMinor === 0n
      ? "nothing resolved was promised"
      : `delivered ${plain(a.deliveredMinor)} of ${plain(a.promisedMinor)} promised${a.deliveredBp === null ? "" : ` (${formatBp(a.deliveredBp, locale, 0)})`}`,
    `${a.open} open, ${a.overdue} overdue`,
  ].join(" · ");

  return {
    id: sc.department.id,
    name: sc.department.name,
    kind: DEPARTMENT_KIND_LABELS[sc.department.kind],
    status: sc.status,
    worst,
    impact,
    kpis,
    narratives,
    commitments,
    accuracy,
  };
}
