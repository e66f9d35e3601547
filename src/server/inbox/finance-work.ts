import "server-only";
import { dbDateToMonth, fiscalYearOfMonth, type MonthKey } from "@/lib/period";
import { isClaimToReview, isDisputeToSettle, monthCloseState, recentCompletedMonths } from "@/lib/inbox/rules";
import {
  claimsToReviewItem,
  disputeToSettleItem,
  monthCloseItem,
  type TFormat,
  type TInboxItem,
} from "@/lib/inbox/items";
import { db } from "../db";
import { monthlyActuals } from "../revenue/queries";
import { localDay, type TInboxScope } from "./scope";

/** Claims awaiting finance, one item per department and month (count, Σ, the oldest's wait). */
async function claimsToReview(
  scope: TInboxScope,
  f: TFormat,
  allDepartments: Map<string, string>,
): Promise<TInboxItem[]> {
  const rows = await db.$queryRaw<{ departmentId: string; month: Date; count: number; total: string; oldest: Date }[]>`
    SELECT "departmentId", month, COUNT(*)::int AS count, SUM("amountMinor")::text AS total, MIN("updatedAt") AS oldest
    FROM "Contribution"
    WHERE "organizationId" = ${scope.organizationId} AND status = 'CLAIMED'
    GROUP BY "departmentId", month`;
  return rows.flatMap((r) => {
    const month = dbDateToMonth(r.month);
    if (!isClaimToReview({ status: "CLAIMED", isMonthClosed: scope.closedMonths.has(month) })) return [];
    const name = allDepartments.get(r.departmentId) ?? "A department";
    return [
      claimsToReviewItem(f, {
        departmentId: r.departmentId,
        departmentName: name,
        month,
        count: r.count,
        totalMinor: BigInt(r.total),
        oldestOn: localDay(scope.timeZone, r.oldest),
      }),
    ];
  });
}

/** Charges a department disputed, waiting for finance or the owner to settle. */
async function disputesToSettle(
  scope: TInboxScope,
  f: TFormat,
  allDepartments: Map<string, string>,
): Promise<TInboxItem[]> {
  const rows = await db.opportunityCause.findMany({
    where: { organizationId: scope.organizationId, status: "DISPUTED" },
    select: {
      id: true,
      status: true,
      month: true,
      amountMinor: true,
      responsibleDepartmentId: true,
      disputeReason: true,
      disputedAt: true,
      createdAt: true,
      opportunity: { select: { name: true } },
    },
    orderBy: { disputedAt: "asc" },
    take: 200,
  });
  return rows.flatMap((r) =>
    isDisputeToSettle(r.status)
      ? [
          disputeToSettleItem(f, {
            id: r.id,
            departmentId: r.responsibleDepartmentId,
            departmentName: allDepartments.get(r.responsibleDepartmentId) ?? "A department",
            month: dbDateToMonth(r.month),
            dealName: r.opportunity.name,
            amountMinor: r.amountMinor,
            disputeReason: r.disputeReason,
            disputedOn: localDay(scope.timeZone, r.disputedAt ?? r.createdAt),
          }),
        ]
      : [],
  );
}

/**
 * The recent completed months finance owes: a close, or first the actuals. Months before the
 * organization's first target or entry are not its months yet.
 */
async function monthCloses(scope: TInboxScope, f: TFormat, fiscalYearStartMonth: number): Promise<TInboxItem[]> {
  const open = recentCompletedMonths(f.today).filter((m) => !scope.closedMonths.has(m));
  const [[first], actuals] = await Promise.all([
    db.$queryRaw<{ target: Date | null; entry: Date | null }[]>`
      SELECT (SELECT MIN(month) FROM "RevenueTarget" WHERE "organizationId" = ${scope.organizationId}) AS target,
             (SELECT MIN("occurredAt") FROM "RevenueEntry" WHERE "organizationId" = ${scope.organizationId}) AS entry`,
    monthlyActuals(scope.ctx, scope.timeZone, open),
  ]);
  const starts = [
    first?.target ? dbDateToMonth(first.target) : null,
    first?.entry ? (localDay(scope.timeZone, first.entry).slice(0, 7) as MonthKey) : null,
  ].filter((m): m is MonthKey => m !== null);
  if (!starts.length) return [];
  const firstMonth = starts.sort()[0] as MonthKey;
  const months = open.filter((m) => m >= firstMonth);
  return months.flatMap((month) => {
    const state = monthCloseState({ month, isClosed: false, hasActuals: actuals.has(month) }, f.today);
    return state
      ? [monthCloseItem(f, { month, fiscalYear: fiscalYearOfMonth(month, fiscalYearStartMonth) }, state)]
      : [];
  });
}

export async function financeWork(
  scope: TInboxScope,
  f: TFormat,
  allDepartments: Map<string, string>,
  fiscalYearStartMonth: number,
): Promise<TInboxItem[]> {
  const parts = await Promise.all([
    claimsToReview(scope, f, allDepartments),
    disputesToSettle(scope, f, allDepartments),
    monthCloses(scope, f, fiscalYearStartMonth),
  ]);
  return parts.flat();
}
