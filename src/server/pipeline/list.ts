import "server-only";
import { Prisma } from "@db/client";
import type { ForecastCategory, StageOutcome } from "@db/enums";
import { fiscalYearMonths, monthToDbDate } from "@/lib/period";
import { PIPELINE_PAGE_SIZE, type TPipelineFilters } from "@/lib/pipeline-filters";
import { categoryTotals } from "@/lib/pipeline-totals";
import { db } from "../db";
import type { TTenantContext } from "../tenant";
import { isoDate, lastDayOfMonth } from "@/lib/dates";

// The pipeline table and board. Everything is filtered, sorted, counted and summed in SQL: the
// large organization has 100,000 deals, and a page only ever loads 50 rows (or 20 per stage).

const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** What the filters need to know about the organization: its today and fiscal calendar. */
export type TPipelineCalendar = { today: string; fiscalYearStartMonth: number };

/** First and last day (YYYY-MM-DD) of a fiscal quarter "2026-Q3". */
export function fiscalQuarterRange(quarter: string, fiscalYearStartMonth: number): { from: string; to: string } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const months = fiscalYearMonths(year, fiscalYearStartMonth).slice((q - 1) * 3, q * 3);
  const first = months[0] ?? months[2]!;
  const last = months[2] ?? first;
  return { from: isoDate(monthToDbDate(first)), to: lastDayOfMonth(last) };
}

/** The WHERE clause of a filtered pipeline, over "Opportunity" aliased o. */
function whereOf(organizationId: string, f: TPipelineFilters, cal: TPipelineCalendar, forceOpen = false): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o."organizationId" = ${organizationId}`];
  if (f.stageId) parts.push(Prisma.sql`o."stageId" = ${f.stageId}`);
  if (f.ownerId) parts.push(Prisma.sql`o."ownerId" = ${f.ownerId}`);
  if (f.category) parts.push(Prisma.sql`o."forecastCategory" = ${f.category}::"ForecastCategory"`);
  const range = f.quarter ? fiscalQuarterRange(f.quarter, cal.fiscalYearStartMonth) : { from: f.from, to: f.to };
  if (range.from) parts.push(Prisma.sql`o."expectedCloseDate" >= ${dbDate(range.from)}::date`);
  if (range.to) parts.push(Prisma.sql`o."expectedCloseDate" <= ${dbDate(range.to)}::date`);
  const status = forceOpen || f.stale ? "OPEN" : f.status === "all" ? null : f.status.toUpperCase();
  if (status) parts.push(Prisma.sql`o.outcome = ${status}::"StageOutcome"`);
  if (f.stale) parts.push(Prisma.sql`o."expectedCloseDate" < ${dbDate(cal.today)}::date`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(o.name ILIKE ${like} OR o.account ILIKE ${like} OR o."externalId" ILIKE ${like})`);
  }
  return Prisma.join(parts, " AND ");
}

const ORDER: Record<TPipelineFilters["sort"], Prisma.Sql> = {
  updated: Prisma.sql`o."updatedAt" DESC, o.id`,
  close: Prisma.sql`o."expectedCloseDate" ASC, o.id`,
  amount: Prisma.sql`o."amountMinor" DESC, o.id`,
  name: Prisma.sql`o.name ASC, o.id`,
};

export type TPipelineRow = {
  id: string;
  name: string;
  account: string;
  amountMinor: bigint;
  /** Imported open without an amount: shown as "No amount", out of coverage. */
  amountMissing: boolean;
  stageId: string;
  stageName: string;
  outcome: StageOutcome;
  probabilityBp: number;
  forecastCategory: ForecastCategory;
  expectedCloseDate: string;
  ownerId: string;
  ownerName: string;
  sourceDepartmentName: string | null;
  /** The CRM's id of an imported deal. */
  externalId: string | null;
  isStale: boolean;
  /** The deal's version: an inline edit sends it, so a save from an older copy is refused. */
  version: number;
};

type TRawRow = Omit<TPipelineRow, "expectedCloseDate" | "isStale"> & { expectedCloseDate: Date };

const SELECT_ROW = Prisma.sql`
  SELECT o.id, o.name, o.account, o."amountMinor", o."stageId", s.name AS "stageName", o.outcome, o."probabilityBp",
         o."forecastCategory", o."expectedCloseDate", o."ownerId", u.name AS "ownerName", d.name AS "sourceDepartmentName", o."externalId", o.version, o."amountMissing"
  FROM "Opportunity" o
  JOIN "PipelineStage" s ON s."organizationId" = o."organizationId" AND s.id = o."stageId"
  JOIN "User" u ON u.id = o."ownerId"
  LEFT JOIN "Department" d ON d."organizationId" = o."organizationId" AND d.id = o."sourceDepartmentId"`;

function toRow(raw: TRawRow, today: string): TPipelineRow {
  const expectedCloseDate = isoDate(raw.expectedCloseDate);
  return {
    ...raw,
    amountMinor: BigInt(raw.amountMinor),
    expectedCloseDate,
    isStale: raw.outcome === "OPEN" && expectedCloseDate < today,
  };
}

/**
 * One page (50) of the filtered pipeline, and its count, Σ amount and Σ weighted per forecast
 * category (one GROUP BY over all of it, not just the page) with their total.
 */
export async function listPipeline(ctx: TTenantContext, filters: TPipelineFilters, cal: TPipelineCalendar) {
  const where = whereOf(ctx.organizationId, filters, cal);
  const [rows, sums] = await Promise.all([
    db.$queryRaw<TRawRow[]>`${SELECT_ROW} WHERE ${where} ORDER BY ${ORDER[filters.sort]}
      LIMIT ${PIPELINE_PAGE_SIZE} OFFSET ${(filters.page - 1) * PIPELINE_PAGE_SIZE}`,
    // Weighted: Σ amount × probability in basis points (numeric, exact); categoryTotals rounds it once.
    db.$queryRaw<{ category: ForecastCategory; count: number; amount: string | null; weightedBp: string | null }[]>`
      SELECT o."forecastCategory" AS category, COUNT(*)::int AS count, SUM(o."amountMinor")::text AS amount,
             SUM(o."amountMinor"::numeric * o."probabilityBp")::text AS "weightedBp"
      FROM "Opportunity" o WHERE ${where} GROUP BY o."forecastCategory"`,
  ]);
  const { categories, total } = categoryTotals(
    sums.map((s) => ({
      category: s.category,
      count: s.count,
      amountMinor: BigInt(s.amount ?? 0),
      weightedBpMinor: BigInt(s.weightedBp ?? 0),
    })),
  );
  return {
    rows: rows.map((r) => toRow(r, cal.today)),
    totals: total,
    categories,
    pageCount: Math.max(1, Math.ceil(total.count / PIPELINE_PAGE_SIZE)),
  };
}

export type TBoardColumn = {
  stageId: string;
  stageName: string;
  count: number;
  amountMinor: bigint;
  deals: TPipelineRow[];
};

/**
 * The board: one column per open stage, with the filtered count and Σ amount (one GROUP BY) and
 * the 20 largest deals (a LATERAL top-N per stage, so no stage's deals are all sorted or loaded).
 */
export async function pipelineBoard(
  ctx: TTenantContext,
  filters: TPipelineFilters,
  cal: TPipelineCalendar,
): Promise<TBoardColumn[]> {
  const { organizationId } = ctx;
  const where = whereOf(organizationId, filters, cal, true);
  const [stages, sums, top] = await Promise.all([
    db.pipelineStage.findMany({
      where: { organizationId, outcome: "OPEN", archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true },
    }),
    db.$queryRaw<{ stageId: string; count: number; amount: string }[]>`
      SELECT o."stageId", COUNT(*)::int AS count, SUM(o."amountMinor")::text AS amount FROM "Opportunity" o WHERE ${where} GROUP BY o."stageId"`,
    db.$queryRaw<TRawRow[]>`
      SELECT t.* FROM "PipelineStage" st
      CROSS JOIN LATERAL (${SELECT_ROW} WHERE ${where} AND o."stageId" = st.id ORDER BY o."amountMinor" DESC, o.id LIMIT 20) t
      WHERE st."organizationId" = ${organizationId} AND st.outcome = 'OPEN' AND st."archivedAt" IS NULL`,
  ]);
  const sumByStage = new Map(sums.map((s) => [s.stageId, s]));
  return stages.map((stage) => ({
    stageId: stage.id,
    stageName: stage.name,
    count: sumByStage.get(stage.id)?.count ?? 0,
    amountMinor: BigInt(sumByStage.get(stage.id)?.amount ?? 0),
    deals: top.filter((r) => r.stageId === stage.id).map((r) => toRow(r, cal.today)),
  }));
}

/** Every filtered deal for the CSV export, streamed in pages of 5,000 by keyset on id. */
export async function* pipelineExportRows(ctx: TTenantContext, filters: TPipelineFilters, cal: TPipelineCalendar) {
  const where = whereOf(ctx.organizationId, filters, cal);
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<
      TRawRow[]
    >`${SELECT_ROW} WHERE ${where} AND o.id > ${after} ORDER BY o.id LIMIT 5000`;
    for (const row of rows) yield toRow(row, cal.today);
    const last = rows.at(-1);
    if (!last || rows.length < 5000) return;
    after = last.id;
  }
}

/** The choices the filters and inline edits offer: stages, members, departments, loss causes. */
export async function pipelineOptions(ctx: TTenantContext) {
  const { organizationId } = ctx;
  const [stages, members, departments, lossCauses] = await Promise.all([
    db.pipelineStage.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, outcome: true, probabilityBp: true },
    }),
    db.membership.findMany({
      where: { organizationId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    // ALL departments: a deal can be lost because of any of them.
    db.department.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.lossCause.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { stages, owners: members.map((m) => m.user), departments, lossCauses };
}

export type TPipelineOptions = Awaited<ReturnType<typeof pipelineOptions>>;
