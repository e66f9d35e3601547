import "server-only";
import type { ForecastCategory, StageOutcome } from "@db/enums";
import { Prisma } from "@db/client";
import { minorToDecimalString } from "@/lib/money";
import type { z } from "zod";
import type { ZBridgeQuery, ZDealsQuery } from "@/lib/schemas/api";
import { departmentsOverview } from "../accountability/departments-overview";
import { now } from "../clock";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { getDashboard, getDashboardBridge, type TDashboard } from "../dashboard/dashboard";
import type { TTenantContext } from "../tenant";

// The read endpoints of /api/v1: the same functions the screens use, money as decimal strings.

const money = (ctx: TTenantContext) => (minor: bigint) => minorToDecimalString(minor, ctx.organization.digits);
const maybeMoney = (ctx: TTenantContext) => (minor: bigint | null) =>
  minor === null ? null : minorToDecimalString(minor, ctx.organization.digits);

function periodInfo(dashboard: TDashboard) {
  const { resolved, asOfDate } = dashboard;
  return {
    label: resolved.label || `FY${resolved.fiscalYear}`,
    from: resolved.months[0] ?? "",
    to: resolved.months.at(-1) ?? "",
    asOf: asOfDate,
  };
}

export async function dashboardNumbers(ctx: TTenantContext, period: string | undefined) {
  const d = await getDashboard(ctx, period, await now());
  const m = money(ctx);
  const mm = maybeMoney(ctx);
  const { organization } = ctx;
  return {
    organization: {
      name: organization.name,
      currency: organization.currency,
      timeZone: organization.timeZone,
      fiscalYearStartMonth: organization.fiscalYearStartMonth,
    },
    period: periodInfo(d),
    toDate: {
      months: d.resolved.toDateMonths,
      target: mm(d.toDate.target),
      actual: m(d.toDate.actual),
      gap: mm(d.toDate.gap),
    },
    monthInProgress: d.monthInProgress && {
      month: d.monthInProgress.month,
      day: d.monthInProgress.day,
      daysInMonth: d.monthInProgress.daysInMonth,
      target: mm(d.monthInProgress.targetMinor),
      actual: m(d.monthInProgress.actualMinor),
    },
    annualTarget: mm(d.annualTarget),
    actualYearToDate: m(d.actualYtd),
    forecast: { amount: mm(d.forecast), kind: d.forecastKind },
    outlook: d.outlook,
    months: d.rows.map((r) => ({
      month: r.month,
      target: mm(r.target),
      actual: mm(r.actual),
      isComplete: !r.isFuture && !r.isInProgress,
    })),
  };
}

export async function bridgeNumbers(ctx: TTenantContext, query: z.output<typeof ZBridgeQuery>) {
  const d = await getDashboard(ctx, query.period, await now());
  const b = await getDashboardBridge(ctx, d, query.includeClaimed);
  const m = money(ctx);
  return {
    period: periodInfo(d),
    months: b.months,
    includeClaimed: b.includeClaimed,
    bridge: b.bridge && {
      target: m(b.bridge.targetMinor),
      actual: m(b.bridge.actualMinor),
      attributed: m(b.bridge.attributedMinor),
      unattributed: m(b.bridge.unattributedMinor),
      steps: b.bridge.steps.map((s) => ({
        kind: s.kind,
        label: s.label,
        departmentId: s.departmentId ?? null,
        amount: m(s.amountMinor),
        start: m(s.startMinor),
        end: m(s.endMinor),
      })),
    },
  };
}

export async function scorecardNumbers(ctx: TTenantContext, period: string | undefined, departmentId?: string) {
  const d = await getDashboard(ctx, period, await now());
  const all = await departmentsOverview(ctx, d.resolved.months);
  const rows = departmentId === undefined ? all : all.filter((r) => r.id === departmentId);
  if (departmentId !== undefined && !rows.length) throw notFound("That department");
  const m = money(ctx);
  return {
    period: periodInfo(d),
    departments: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      worstKpi: r.worstKpi && { name: r.worstKpi.name, status: r.worstKpi.rag },
      impact: { confirmed: m(r.confirmedMinor), claimed: m(r.claimedMinor), pipeline: m(r.pipelineMinor) },
      pendingReviews: r.claimsPending + r.causesDisputed,
      heads: r.heads,
    })),
  };
}

type TDealRow = {
  id: string;
  externalId: string | null;
  name: string;
  account: string;
  amountMinor: bigint;
  amountMissing: boolean;
  stage: string;
  outcome: StageOutcome;
  probabilityBp: number;
  forecastCategory: ForecastCategory;
  expectedCloseDate: Date;
  ownerName: string;
  ownerEmail: string;
  version: number;
};

/** Cursor: the last id of the previous page (deals are listed by id, a stable order under writes). */
const encodeCursor = (id: string) => Buffer.from(JSON.stringify({ after: id })).toString("base64url");
function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof parsed.after === "string" && parsed.after.length <= 64) return parsed.after;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", "That cursor is not one this API gave out.", {
    cursor: ["Send the nextCursor of the previous page, unchanged."],
  });
}

export async function dealPage(ctx: TTenantContext, query: z.output<typeof ZDealsQuery>) {
  const after = decodeCursor(query.cursor);
  const outcome =
    query.status === "all" ? Prisma.empty : Prisma.sql`AND o.outcome = ${query.status.toUpperCase()}::"StageOutcome"`;
  const from = after === null ? Prisma.empty : Prisma.sql`AND o.id > ${after}`;
  const rows = await db.$queryRaw<TDealRow[]>`
    SELECT o.id, o."externalId", o.name, o.account, o."amountMinor", o."amountMissing", s.name AS stage, o.outcome, o."probabilityBp",
           o."forecastCategory", o."expectedCloseDate", u.name AS "ownerName", u.email AS "ownerEmail", o.version
    FROM "Opportunity" o
    JOIN "PipelineStage" s ON s."organizationId" = o."organizationId" AND s.id = o."stageId"
    JOIN "User" u ON u.id = o."ownerId"
    WHERE o."organizationId" = ${ctx.organizationId} ${outcome} ${from}
    ORDER BY o.id
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deals: page.map((r) => ({
      id: r.id,
      externalId: r.externalId,
      name: r.name,
      account: r.account,
      amount: r.amountMissing ? null : minorToDecimalString(BigInt(r.amountMinor), ctx.organization.digits),
      currency: ctx.organization.currency,
      stage: r.stage,
      outcome: r.outcome,
      probabilityPercent: r.probabilityBp / 100,
      forecastCategory: r.forecastCategory,
      closeDate: r.expectedCloseDate.toISOString().slice(0, 10),
      owner: { name: r.ownerName, email: r.ownerEmail },
      version: r.version,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}
