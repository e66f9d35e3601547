import "server-only";
import { unclosedMonths } from "@/lib/board-pack";
import { dbDateToMonth, monthToDbDate } from "@/lib/period";
import { periodParam } from "@/lib/period-selection";
import { getScorecard, type TScorecard } from "../accountability/scorecard";
import { getDashboard, getDashboardAccountability } from "../dashboard/dashboard";
import { db } from "../db";
import { listDepartments } from "../departments/queries";
import { listClosedMonths } from "../periods/open-months";
import type { TTenantContext } from "../tenant";

/** How many lost and slipped deals the appendix lists (largest first); the count says when there are more. */
const CAUSES_LIMIT = 200;

/**
 * Everything the board pack prints for a period, read through the same functions as the dashboard
 * (tiles, chart rows, bridge, heat map, accuracy) and the scorecards (one per active department, in
 * the departments page's order), so the document can only tell the dashboard's story. The bridge is
 * the dashboard's default: completed months, claims awaiting finance not counted.
 */
export async function getBoardPack(
  ctx: TTenantContext,
  periodParamText: string | undefined,
  now: Date,
  options: { generatedBy: string; locale: string },
) {
  const dashboard = await getDashboard(ctx, periodParamText, now);
  const { resolved } = dashboard;
  // The canonical period: an unknown parameter already fell back to the fiscal year above.
  const period = periodParam(resolved.period);
  const [accountability, departments, closed, causes] = await Promise.all([
    getDashboardAccountability(ctx, dashboard, { includeClaimed: false }),
    listDepartments(ctx),
    listClosedMonths(ctx),
    listCauses(ctx, resolved.months),
  ]);
  const scorecards = await Promise.all(departments.map((d) => getScorecard(ctx, d.id, period, now)));
  return {
    organization: dashboard.organization,
    slug: ctx.slug,
    period,
    locale: options.locale,
    generatedBy: options.generatedBy,
    generatedAt: now,
    dashboard,
    ...accountability,
    departments: scorecards.filter((s): s is TScorecard => s !== null),
    /** The range's months not closed yet: the footer says the pack includes them. */
    unclosedMonths: unclosedMonths(resolved.months, closed),
    causes,
  };
}

export type TBoardPack = Awaited<ReturnType<typeof getBoardPack>>;

/** The range's lost and slipped deals with their cause and the department charged, largest first. */
async function listCauses(ctx: TTenantContext, months: TScorecard["resolved"]["months"]) {
  const { organizationId } = ctx;
  const where = { organizationId, month: { in: months.map(monthToDbDate) } };
  const [rows, total] = await Promise.all([
    db.opportunityCause.findMany({
      where,
      orderBy: [{ amountMinor: "desc" }, { month: "asc" }, { id: "asc" }],
      take: CAUSES_LIMIT,
      select: {
        id: true,
        kind: true,
        month: true,
        amountMinor: true,
        status: true,
        opportunity: { select: { name: true, account: true } },
        lossCause: { select: { name: true } },
        responsibleDepartment: { select: { name: true } },
      },
    }),
    db.opportunityCause.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      month: dbDateToMonth(c.month),
      amountMinor: c.amountMinor,
      status: c.status,
      dealName: c.opportunity.name,
      account: c.opportunity.account,
      cause: c.lossCause.name,
      department: c.responsibleDepartment.name,
    })),
  };
}
