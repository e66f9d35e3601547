import "server-only";
import { cellToken } from "../concurrency";
import { ragOf, ratePeriodKpi, worstKpi, worstRag, type TRag } from "@/lib/kpi";
import { dbDateToMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import { parsePeriod, resolvePeriod, todayIn } from "@/lib/period-selection";
import type { ContributionStatus } from "@db/enums";
import { db } from "../db";
import { pipelineImpacts } from "./month-impacts";
import { getOrganization } from "../organizations/queries";
import type { TTenantContext } from "../tenant";
import { commitmentAccuracyByDepartment } from "./dashboard";
import { commitmentAccuracy } from "@/lib/commitments";
import { isoDate } from "@/lib/dates";

/** How many contributions and charged deals of the period the scorecard lists (latest first). */
const LIST_LIMIT = 500;

/**
 * Everything a department's scorecard shows for a period (DESIGN.md "Department scorecard"): KPIs
 * with target, actual, RAG and the fiscal year's trend; the department's status per month and for
 * the period; its net impact (confirmed, claimed); contributions with their history; commitments
 * and accuracy; narratives. Null when the department is not this organization's.
 */
export async function getScorecard(
  ctx: TTenantContext,
  departmentId: string,
  periodParamText: string | undefined,
  now: Date = new Date(),
) {
  const { organizationId } = ctx;
  const department = await db.department.findUnique({
    where: { organizationId_id: { organizationId, id: departmentId } },
    select: { id: true, name: true, kind: true, archivedAt: true },
  });
  if (!department) return null;
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, now);
  const todayIso = `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`;
  const resolved = resolvePeriod(
    parsePeriod(periodParamText, today, organization.fiscalYearStartMonth),
    today,
    organization.fiscalYearStartMonth,
  );
  const periodMonths = resolved.months.map(monthToDbDate);

  const [
    allKpis,
    values,
    impactRows,
    contributions,
    commitments,
    accuracyRows,
    narratives,
    members,
    categories,
    closed,
    causes,
    causeTotals,
    pipelineByDepartment,
    chargedDeals,
  ] = await Promise.all([
    db.kpi.findMany({ where: { organizationId, departmentId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.kpiValue.findMany({
      where: {
        organizationId,
        month: { in: resolved.yearMonths.map(monthToDbDate) },
        kpi: { departmentId, archivedAt: null },
      },
      select: { id: true, version: true, kpiId: true, month: true, valueScaled: true, targetScaled: true },
    }),
    db.$queryRaw<{ status: ContributionStatus; total: string; count: number }[]>`
      SELECT status, SUM("amountMinor")::text AS total, COUNT(*)::int AS count FROM "Contribution"
      WHERE "organizationId" = ${organizationId} AND "departmentId" = ${departmentId} AND month = ANY(${periodMonths}::date[])
      GROUP BY status`,
    db.contribution.findMany({
      where: { organizationId, departmentId, month: { in: periodMonths } },
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
      // The latest LIST_LIMIT: the sums above cover all of them; a list of every record would pass
      // PostgreSQL's bind-parameter limit once a department logs tens of thousands in a period.
      take: LIST_LIMIT,
      include: {
        category: { select: { id: true, name: true } },
        createdBy: { select: { name: true } },
        reviewedBy: { select: { name: true } },
        opportunity: { select: { id: true, name: true } },
      },
    }),
    db.commitment.findMany({
      where: { organizationId, departmentId },
      orderBy: [{ status: "asc" }, { dueDate: "asc" }],
      take: 100,
      include: { owner: { select: { id: true, name: true } } },
    }),
    commitmentAccuracyByDepartment(ctx, todayIso, departmentId),
    // The fiscal year's narratives: the month strip marks every reviewed month; the page shows the period's.
    db.narrative.findMany({
      where: { organizationId, departmentId, month: { in: resolved.yearMonths.map(monthToDbDate) } },
      include: { updatedBy: { select: { name: true } }, reviewedBy: { select: { name: true } } },
    }),
    db.membership.findMany({
      where: { organizationId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.contributionCategory.findMany({
      where: { organizationId, kind: department.kind, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.periodClose.findMany({
      where: { organizationId, month: { in: resolved.yearMonths.map(monthToDbDate) } },
      select: { month: true },
    }),
    // The lost and slipped deals charged to this department in the period, with the contributions
    // linked to each deal (a counted one replaces the cause in the bridge).
    db.opportunityCause.findMany({
      where: { organizationId, responsibleDepartmentId: departmentId, month: { in: periodMonths } },
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
      take: LIST_LIMIT,
      include: {
        opportunity: {
          select: {
            id: true,
            name: true,
            account: true,
            contributions: { select: { id: true, status: true, departmentId: true } },
          },
        },
        lossCause: { select: { name: true } },
      },
    }),
    // Count and disputed sum of every cause in the period (the list above is cut at LIST_LIMIT).
    db.$queryRaw<{ count: number; disputedCount: number; disputed: string | null }[]>`
      SELECT COUNT(*)::int AS count, (COUNT(*) FILTER (WHERE status = 'DISPUTED'))::int AS "disputedCount",
             (SUM("amountMinor") FILTER (WHERE status = 'DISPUTED'))::text AS disputed
      FROM "OpportunityCause"
      WHERE "organizationId" = ${organizationId} AND "responsibleDepartmentId" = ${departmentId} AND month = ANY(${periodMonths}::date[])`,
    // The same rule as the bridge, so the header and the bridge never disagree.
    pipelineImpacts(ctx, resolved.months, false),
    // Deals a contribution of this department may name: those charged to it, latest first.
    db.opportunityCause.findMany({
      where: { organizationId, responsibleDepartmentId: departmentId },
      orderBy: { createdAt: "desc" },
      distinct: ["opportunityId"],
      take: 200,
      select: { opportunity: { select: { id: true, name: true, account: true } } },
    }),
  ]);
  // Who disputed and settled: the cause keeps user ids only.
  const actorIds = [
    ...new Set(
      causes.flatMap((c) => [c.disputedById, c.settledById, c.createdById].filter((id): id is string => id !== null)),
    ),
  ];
  const actors = actorIds.length
    ? new Map(
        (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const nameOf = (id: string | null) => (id === null ? null : (actors.get(id) ?? "a former member"));

  const kpis = allKpis.filter((k) => k.archivedAt === null);
  const history = contributions.length
    ? await db.auditEvent.findMany({
        where: { organizationId, entityType: "Contribution", entityId: { in: contributions.map((c) => c.id) } },
        orderBy: { createdAt: "asc" },
        select: { entityId: true, action: true, createdAt: true, after: true, actor: { select: { name: true } } },
      })
    : [];

  const valueByKpiMonth = new Map(values.map((v) => [`${v.kpiId}|${dbDateToMonth(v.month)}`, v]));
  const kpiRows = kpis.map((kpi) => {
    const bands = { greenAtBp: kpi.greenAtBp, amberAtBp: kpi.amberAtBp };
    const series = resolved.yearMonths.map((month) => {
      const v = valueByKpiMonth.get(`${kpi.id}|${month}`);
      return {
        month,
        value: v?.valueScaled ?? null,
        token: cellToken(v),
        target: v ? v.targetScaled : kpi.targetScaled,
        rag: v ? ragOf(v.valueScaled, v.targetScaled, kpi.direction, bands) : null,
      };
    });
    const inPeriod = resolved.months.flatMap((month) => {
      const v = valueByKpiMonth.get(`${kpi.id}|${month}`);
      return v ? [{ month, valueScaled: v.valueScaled, targetScaled: v.targetScaled }] : [];
    });
    // The period's RAG: the aggregated value against the aggregated target (DESIGN.md "KPI"); each
    // month keeps its own status in `series`.
    return { kpi, series, ...ratePeriodKpi(kpi, inPeriod) };
  });
  const worst = worstKpi(
    kpiRows.map((row) => ({
      item: row,
      rag: row.rag,
      actual: row.period.ratedActual,
      target: row.period.target,
      direction: row.kpi.direction,
    })),
  );

  const monthStatus = new Map<MonthKey, TRag | null>(
    resolved.yearMonths.map((month) => [
      month,
      worstRag(kpiRows.map((row) => row.series.find((s) => s.month === month)?.rag ?? null)),
    ]),
  );
  const impact = {
    confirmed: 0n,
    claimed: 0n,
    disputed: 0n,
    counts: { CONFIRMED: 0, CLAIMED: 0, DISPUTED: 0 } as Record<ContributionStatus, number>,
  };
  for (const r of impactRows) {
    impact.counts[r.status] = r.count;
    if (r.status === "CONFIRMED") impact.confirmed = BigInt(r.total);
    else if (r.status === "CLAIMED") impact.claimed = BigInt(r.total);
    else impact.disputed = BigInt(r.total);
  }

  const pipeline = {
    /** −Σ of the causes the bridge counts against the department in the period (as the bridge does, claimed contributions not counted). */
    countedMinor: pipelineByDepartment.get(departmentId) ?? 0n,
    /** Σ amount of the causes still disputed (they keep counting until settled). */
    disputedMinor: BigInt(causeTotals[0]?.disputed ?? 0),
    disputedCount: causeTotals[0]?.disputedCount ?? 0,
    count: causeTotals[0]?.count ?? 0,
  };

  return {
    organization,
    department,
    today: todayIso,
    resolved,
    kpis: kpiRows,
    /** Archived KPIs keep their values but leave the scorecard; an owner can restore them. */
    archivedKpis: allKpis.filter((k) => k.archivedAt !== null).map((k) => ({ id: k.id, name: k.name })),
    status: worstRag(kpiRows.map((r) => r.rag)),
    /** The KPI that sets the period's status: the worst rated one, furthest from its target. */
    worstKpiId: worst?.item.kpi.id ?? null,
    monthStatus,
    impact,
    pipeline,
    causes: causes.map((c) => {
      const linked = c.opportunity.contributions;
      return {
        id: c.id,
        opportunityId: c.opportunityId,
        dealName: c.opportunity.name,
        account: c.opportunity.account,
        kind: c.kind,
        month: dbDateToMonth(c.month),
        amountMinor: c.amountMinor,
        cause: c.lossCause.name,
        status: c.status,
        disputeReason: c.disputeReason,
        disputedBy: nameOf(c.disputedById),
        disputedAt: c.disputedAt,
        settleReason: c.settleReason,
        settledBy: nameOf(c.settledById),
        settledAt: c.settledAt,
        chargedBy: nameOf(c.createdById),
        /** A confirmed contribution linked to the deal replaces the cause in the bridge; a claimed one would, once confirmed (or with claimed counted). */
        replacedBy: linked.some((k) => k.status === "CONFIRMED")
          ? ("CONFIRMED" as const)
          : linked.some((k) => k.status === "CLAIMED")
            ? ("CLAIMED" as const)
            : null,
      };
    }),
    chargedDeals: chargedDeals.map((c) => c.opportunity),
    contributions: contributions.map((c) => ({
      ...c,
      month: dbDateToMonth(c.month),
      history: history
        .filter((h) => h.entityId === c.id)
        .map((h) => ({
          action: h.action,
          at: h.createdAt,
          actor: h.actor?.name ?? null,
          reason: (h.after as { reviewReason?: string | null } | null)?.reviewReason ?? null,
        })),
    })),
    commitments: commitments.map((c) => ({ ...c, dueDate: isoDate(c.dueDate) })),
    accuracy: accuracyRows[0]?.accuracy ?? commitmentAccuracy([]),
    narratives: new Map(
      narratives
        .filter((n) => resolved.months.includes(dbDateToMonth(n.month)))
        .map((n) => [dbDateToMonth(n.month), n]),
    ),
    reviewedMonths: new Set(narratives.filter((n) => n.reviewedAt).map((n) => dbDateToMonth(n.month))),
    members: members.map((m) => m.user),
    categories,
    closedMonths: new Set(closed.map((c) => dbDateToMonth(c.month))),
  };
}

export type TScorecard = NonNullable<Awaited<ReturnType<typeof getScorecard>>>;
