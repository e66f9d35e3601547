import "server-only";
import { dbDateToMonth, monthToDbDate, type MonthKey } from "@/lib/period";
import {
  addDays,
  commitmentDue,
  isChargeToAnswer,
  isDisputedClaimToRevise,
  isRedMonthOwed,
  recentCompletedMonths,
  CHARGE_RESPONSE_DAYS,
  COMMITMENT_DUE_SOON_DAYS,
} from "@/lib/inbox/rules";
import {
  chargeItem,
  commitmentItem,
  disputedClaimItem,
  redMonthItem,
  type TFormat,
  type TInboxItem,
} from "@/lib/inbox/items";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "../accountability/status";
import { db } from "../db";
import { localDay, type TInboxScope } from "./scope";
import { isoDate } from "@/lib/dates";

/** Red completed months of the scope's departments whose narrative is not written. */
async function redMonths(scope: TInboxScope, f: TFormat): Promise<TInboxItem[]> {
  const months = recentCompletedMonths(f.today);
  const departmentId = scope.departmentId ?? undefined;
  // Side by side rather than one after the other: the narratives of 12 months are few.
  const [rated, narratives] = await Promise.all([
    ratedKpiValues(scope.ctx, months, departmentId),
    db.narrative.findMany({
      where: {
        organizationId: scope.organizationId,
        month: { in: months.map(monthToDbDate) },
        ...(departmentId && { departmentId }),
      },
      select: { departmentId: true, month: true, why: true, whatNext: true },
    }),
  ]);
  const red = [...statusByDepartmentMonth(rated)].filter(([, rag]) => rag === "RED").map(([key]) => key);
  const text = new Map(narratives.map((n) => [statusKey(n.departmentId, dbDateToMonth(n.month)), n]));
  return red.flatMap((key) => {
    const [id, month] = key.split("|") as [string, MonthKey];
    const name = scope.departments.get(id);
    const n = text.get(key);
    if (
      name === undefined ||
      !isRedMonthOwed({ month, status: "RED", why: n?.why ?? "", whatNext: n?.whatNext ?? "" }, f.today)
    )
      return [];
    return [redMonthItem(f, { departmentId: id, departmentName: name, month })];
  });
}

/** Disputed contributions of the scope's departments, in months that are not closed. */
async function disputedClaims(scope: TInboxScope, f: TFormat): Promise<TInboxItem[]> {
  const rows = await db.contribution.findMany({
    where: {
      organizationId: scope.organizationId,
      status: "DISPUTED",
      ...(scope.departmentId && { departmentId: scope.departmentId }),
    },
    select: {
      id: true,
      departmentId: true,
      month: true,
      description: true,
      amountMinor: true,
      reviewReason: true,
      reviewedAt: true,
      updatedAt: true,
    },
    orderBy: { reviewedAt: "asc" },
    take: 200,
  });
  return rows.flatMap((r) => {
    const month = dbDateToMonth(r.month);
    const name = scope.departments.get(r.departmentId);
    if (
      name === undefined ||
      !isDisputedClaimToRevise({ status: "DISPUTED", isMonthClosed: scope.closedMonths.has(month) })
    )
      return [];
    const disputedOn = localDay(scope.timeZone, r.reviewedAt ?? r.updatedAt);
    return [
      disputedClaimItem(f, {
        id: r.id,
        departmentId: r.departmentId,
        departmentName: name,
        month,
        description: r.description,
        amountMinor: r.amountMinor,
        reviewReason: r.reviewReason,
        disputedOn,
      }),
    ];
  });
}

/** Lost and slipped deals charged to the scope's departments that can still be disputed. */
async function charges(scope: TInboxScope, f: TFormat): Promise<TInboxItem[]> {
  // A day's margin on the window: the rule itself decides on the local day of the charge.
  const since = new Date(Date.parse(`${addDays(f.today, -CHARGE_RESPONSE_DAYS - 1)}T00:00:00Z`));
  const rows = await db.opportunityCause.findMany({
    where: {
      organizationId: scope.organizationId,
      status: "ATTRIBUTED",
      createdAt: { gte: since },
      ...(scope.departmentId && { responsibleDepartmentId: scope.departmentId }),
    },
    select: {
      id: true,
      kind: true,
      month: true,
      amountMinor: true,
      responsibleDepartmentId: true,
      createdAt: true,
      opportunity: { select: { name: true } },
    },
    take: 200,
  });
  return rows.flatMap((r) => {
    const name = scope.departments.get(r.responsibleDepartmentId);
    const chargedOn = localDay(scope.timeZone, r.createdAt);
    if (name === undefined || !isChargeToAnswer({ status: "ATTRIBUTED", chargedOn }, f.today)) return [];
    return [
      chargeItem(f, {
        id: r.id,
        departmentId: r.responsibleDepartmentId,
        departmentName: name,
        month: dbDateToMonth(r.month),
        dealName: r.opportunity.name,
        kind: r.kind,
        amountMinor: r.amountMinor,
        chargedOn,
      }),
    ];
  });
}

/** Open commitments of the scope's departments due within three days, or overdue. */
async function commitments(scope: TInboxScope, f: TFormat): Promise<TInboxItem[]> {
  const rows = await db.commitment.findMany({
    where: {
      organizationId: scope.organizationId,
      status: "OPEN",
      dueDate: { lte: new Date(`${addDays(f.today, COMMITMENT_DUE_SOON_DAYS)}T00:00:00Z`) },
      ...(scope.departmentId && { departmentId: scope.departmentId }),
    },
    select: {
      id: true,
      departmentId: true,
      title: true,
      dueDate: true,
      status: true,
      owner: { select: { name: true } },
    },
    orderBy: { dueDate: "asc" },
    take: 200,
  });
  return rows.flatMap((r) => {
    const name = scope.departments.get(r.departmentId);
    const dueDate = isoDate(r.dueDate);
    const due = commitmentDue({ status: r.status, dueDate }, f.today);
    if (name === undefined || !due) return [];
    return [
      commitmentItem(
        f,
        {
          id: r.id,
          departmentId: r.departmentId,
          departmentName: name,
          title: r.title,
          dueDate,
          ownerName: r.owner.name,
        },
        due,
      ),
    ];
  });
}

/** What a department owes (all departments when the scope names none: the OWNER's escalations). */
export async function departmentWork(scope: TInboxScope, f: TFormat): Promise<TInboxItem[]> {
  const parts = await Promise.all([
    redMonths(scope, f),
    disputedClaims(scope, f),
    charges(scope, f),
    commitments(scope, f),
  ]);
  return parts.flat();
}
