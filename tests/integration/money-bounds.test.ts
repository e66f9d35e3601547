import { describe, expect, it } from "vitest";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { MAX_AMOUNT_MINOR } from "@/lib/money";
import { addRevenueEntry } from "@/server/revenue/entries";
import { setMonthlyTargets } from "@/server/revenue/targets";
import { createOpportunity } from "@/server/pipeline/opportunities";
import { logContribution } from "@/server/accountability/contributions";
import { createCommitment } from "@/server/accountability/commitments";
import { db } from "@/server/db";
import { getBridge } from "@/server/accountability/dashboard";
import { getScorecard } from "@/server/accountability/scorecard";
import { getDashboard, getDashboardAccountability } from "@/server/dashboard/dashboard";
import { getDashboardCsv } from "@/server/dashboard/dashboard-csv";
import { getMonthFigures } from "@/server/revenue/queries";
import { listPipeline, pipelineBoard, pipelineExportRows } from "@/server/pipeline/list";
import { getPipelineOverview } from "@/server/pipeline/overview";
import { snapshotDiff } from "@/server/pipeline/snapshot-diff-query";
import { resolveTenant } from "@/server/tenant";
import { categoryId } from "../factories/accountability";
import { createPipelineOrganization } from "../factories/pipeline";
import { tenantOf } from "../factories";

// Issue 10, finding 2: "One writer can break the organization's main pages." Every stored amount is
// at most 10^14 minor units, and every sum is taken as numeric, so no number of records within the
// bound can overflow a page. 100,000 records of the maximum sum to 10^19, past a signed 64-bit
// integer (9.22 × 10^18): before the fix every one of these reads answered a bigint overflow.

const N = 100_000;
const MAX = MAX_AMOUNT_MINOR; // 10^14
const TOTAL = BigInt(N) * MAX; // 10^19
const TOTAL_TEXT = "100000000000000000.00"; // 10^19 cents in dollars
const NOW = new Date("2026-04-15T16:00:00Z"); // FY2026 (calendar year), March complete

async function storeMaximumAmountsManyTimes() {
  const org = await createPipelineOrganization();
  const { organizationId } = org;
  const billingCategory = await categoryId(organizationId, "BILLING");
  const commit = org.stage("Commit");
  const lost = org.lossCause("Contract terms took too long");
  // Prisma's raw queries run when awaited: one after another, outside a (time-limited) transaction.
  const inserts = [
    db.$executeRaw`INSERT INTO "RevenueTarget" ("organizationId", id, month, "amountMinor", "updatedAt")
      SELECT ${organizationId}, 't' || g, make_date(2026, g, 1), ${MAX}, now() FROM generate_series(1, 12) g`,
    db.$executeRaw`INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source)
      SELECT ${organizationId}, 'e' || g, '2026-03-10T17:00:00Z', ${MAX}, 'MANUAL' FROM generate_series(1, ${N}) g`,
    db.$executeRaw`INSERT INTO "Contribution" ("organizationId", id, "departmentId", month, "categoryId", "amountMinor", description, status, "updatedAt")
      SELECT ${organizationId}, 'c' || g, ${org.billing.id}, '2026-03-01', ${billingCategory}, ${MAX}, 'max', 'CONFIRMED', now() FROM generate_series(1, ${N}) g`,
    db.$executeRaw`INSERT INTO "Commitment" ("organizationId", id, "departmentId", title, "ownerId", "dueDate", "expectedImpactMinor", "deliveredImpactMinor", status, "updatedAt")
      SELECT ${organizationId}, 'k' || g, ${org.billing.id}, 'max', ${org.users.billingHead.id}, '2026-03-31', ${MAX}, ${MAX}, 'DONE', now() FROM generate_series(1, ${N}) g`,
    db.$executeRaw`INSERT INTO "Opportunity" ("organizationId", id, name, account, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate", "ownerId", "updatedAt")
      SELECT ${organizationId}, 'o' || g, 'Deal ' || g, 'Account', ${MAX}, ${commit.id}, 'OPEN', 5000, 'COMMIT', '2026-06-15', ${org.users.salesManager.id}, now()
      FROM generate_series(1, ${N}) g`,
    db.$executeRaw`INSERT INTO "OpportunityCause" ("organizationId", id, "opportunityId", kind, month, "amountMinor", "lossCauseId", "responsibleDepartmentId")
      SELECT ${organizationId}, 'x' || g, 'o' || g, 'LOST', '2026-03-01', ${MAX}, ${lost.id}, ${org.legal.id} FROM generate_series(1, ${N}) g`,
    db.$executeRaw`INSERT INTO "PipelineSnapshot" ("organizationId", id, kind) VALUES (${organizationId}, 'snap', 'MANUAL')`,
    // Every deal was worth nothing at the snapshot, so each is re-valued by the maximum.
    db.$executeRaw`INSERT INTO "PipelineSnapshotItem" ("organizationId", "snapshotId", "opportunityId", name, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate")
      SELECT ${organizationId}, 'snap', 'o' || g, 'Deal ' || g, 0, ${commit.id}, 'OPEN', 5000, 'COMMIT', '2026-06-15' FROM generate_series(1, ${N}) g`,
  ];
  for (const insert of inserts) await insert;
  // As autovacuum would after a load this size: without statistics the planner nests loops over
  // 100,000 × 100,000 rows (the pipeline's anti-join against contributions).
  await db.$executeRawUnsafe(
    `ANALYZE "RevenueEntry", "Contribution", "Commitment", "Opportunity", "OpportunityCause", "PipelineSnapshotItem"`,
  );
  const ctx = await resolveTenant(org.owner.id, org.slug);
  if (!ctx) throw new Error("owner has no membership");
  return { org, ctx };
}

describe("finding 2: one writer cannot break the organization's main pages", () => {
  it("reads every page's data and every CSV export with exact totals over 100,000 maximum amounts", {
    timeout: 600_000,
  }, async () => {
    const { org, ctx } = await storeMaximumAmountsManyTimes();

    // Revenue page and dashboard.
    const figures = await getMonthFigures(ctx, "America/New_York", ["2026-03"]);
    expect(figures).toEqual([{ month: "2026-03", targetMinor: MAX, actualMinor: TOTAL }]);
    const dashboard = await getDashboard(ctx, "fy-2026", NOW);
    expect(dashboard.range.actual).toBe(TOTAL);
    expect(dashboard.range.target).toBe(12n * MAX);
    const accountability = await getDashboardAccountability(ctx, dashboard, { includeClaimed: false });
    const { impacts: departments } = await getBridge(
      await tenantOf(ctx.organizationId),
      dashboard.resolved.months,
      { targetMinor: dashboard.range.target, actualMinor: dashboard.range.actual },
      false,
    );
    const impacts = new Map(departments.map((d) => [d.name, d]));
    expect(impacts.get(org.billing.name)?.confirmedMinor).toBe(TOTAL);
    expect(impacts.get(org.legal.name)?.pipelineMinor).toBe(-TOTAL);
    const billingAccuracy = accountability.accuracy.find((d) => d.departmentId === org.billing.id);
    expect(billingAccuracy?.accuracy).toMatchObject({ deliveredMinor: TOTAL, promisedMinor: TOTAL });

    // The dashboard's four CSV exports.
    const csv = async (table: string) =>
      (await getDashboardCsv(ctx, new URLSearchParams({ period: "fy-2026", table }), NOW)).csv;
    expect(await csv("months")).toContain(`2026-03,1000000000000.00,${TOTAL_TEXT}`);
    const bridge = await csv("bridge");
    expect(bridge).toContain(TOTAL_TEXT);
    expect(bridge).toContain(`-${TOTAL_TEXT}`);
    expect(await csv("accuracy")).toContain(`${TOTAL_TEXT},${TOTAL_TEXT}`);
    expect(await csv("heatmap")).toContain(org.billing.name);

    // Scorecards: Billing's contributions and commitments, Legal's charged deals.
    const billing = await getScorecard(ctx, org.billing.id, "fy-2026", NOW);
    expect(billing?.impact.confirmed).toBe(TOTAL);
    const legal = await getScorecard(ctx, org.legal.id, "fy-2026", NOW);
    expect(legal?.pipeline.countedMinor).toBe(-TOTAL);

    // Pipeline page: header forecast, table totals, board, what changed, and the CSV export.
    const overview = await getPipelineOverview(ctx, NOW);
    expect(overview.actualYtd).toBe(TOTAL);
    expect(overview.open.commitMinor).toBe(TOTAL);
    expect(overview.open.weightedBpMinor).toBe(TOTAL * 5000n);
    expect(overview.forecast.commit).toBe(2n * TOTAL);
    expect(overview.forecast.weighted).toBe(TOTAL + TOTAL / 2n);
    const filters = parsePipelineFilters(new URLSearchParams());
    const list = await listPipeline(ctx, filters, overview.calendar);
    expect(list.totals).toEqual({ count: N, amountMinor: TOTAL, weightedMinor: TOTAL / 2n });
    const board = await pipelineBoard(ctx, filters, overview.calendar);
    expect(board.find((c) => c.stageName === "Commit")).toMatchObject({ count: N, amountMinor: TOTAL });
    const diff = await snapshotDiff(ctx);
    expect(diff.buckets.revalued).toMatchObject({ count: N, movedMinor: TOTAL });
    let exported = 0n;
    let exportedRows = 0;
    for await (const row of pipelineExportRows(ctx, filters, overview.calendar)) {
      exported += row.amountMinor;
      exportedRows += 1;
    }
    expect([exportedRows, exported]).toEqual([N, TOTAL]);
  });

  it("the database refuses an amount past the bound written with raw SQL, on every money column", async () => {
    const org = await createPipelineOrganization();
    const { organizationId } = org;
    const over = MAX + 1n;
    const attempts = [
      db.$executeRaw`INSERT INTO "RevenueTarget" ("organizationId", id, month, "amountMinor", "updatedAt") VALUES (${organizationId}, 't', '2026-01-01', ${over}, now())`,
      db.$executeRaw`INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source) VALUES (${organizationId}, 'e', now(), ${-over}, 'MANUAL')`,
      db.$executeRaw`INSERT INTO "Opportunity" ("organizationId", id, name, account, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate", "ownerId", "updatedAt")
        VALUES (${organizationId}, 'o', 'Deal', 'Account', ${over}, ${org.stage("Commit").id}, 'OPEN', 5000, 'COMMIT', '2026-06-15', ${org.users.salesManager.id}, now())`,
      db.$executeRaw`INSERT INTO "Commitment" ("organizationId", id, "departmentId", title, "ownerId", "dueDate", "expectedImpactMinor", "updatedAt")
        VALUES (${organizationId}, 'k', ${org.billing.id}, 'max', ${org.users.billingHead.id}, '2026-03-31', ${over}, now())`,
      db.$executeRaw`INSERT INTO "Contribution" ("organizationId", id, "departmentId", month, "categoryId", "amountMinor", description, "updatedAt")
        VALUES (${organizationId}, 'c', ${org.billing.id}, '2026-03-01', ${await categoryId(organizationId, "BILLING")}, ${over}, 'max', now())`,
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/_bound/);
    // The bound itself is accepted.
    await db.$executeRaw`INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source) VALUES (${organizationId}, 'e', now(), ${-MAX}, 'MANUAL')`;
    const constraints = await db.$queryRaw<{ conname: string; convalidated: boolean }[]>`
      SELECT conname, convalidated FROM pg_constraint WHERE conname LIKE '%\_bound' ORDER BY conname`;
    expect(constraints.map((c) => c.conname)).toEqual([
      "Commitment_deliveredImpactMinor_bound",
      "Commitment_expectedImpactMinor_bound",
      "Contribution_amountMinor_bound",
      "KpiValue_targetScaled_bound",
      "KpiValue_valueScaled_bound",
      "Kpi_targetScaled_bound",
      "OpportunityCause_amountMinor_bound",
      "Opportunity_amountMinor_bound",
      "PipelineSnapshotItem_amountMinor_bound",
      "RevenueEntry_amountMinor_bound",
      "RevenueTarget_amountMinor_bound",
    ]);
    expect(constraints.every((c) => c.convalidated)).toBe(true);
  });

  it("every money form refuses 1,000,000,000,000.01 with a field message naming the limit, and stores nothing", async () => {
    const org = await createPipelineOrganization();
    const { organizationId, slug } = org;
    const limit = ["Amounts are at most $1,000,000,000,000.00 (either sign)."];
    const over = "1,000,000,000,000.01";
    expect(await addRevenueEntry(org.users.finance.id, slug, { date: "2026-03-10", amount: over })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { amount: limit },
    });
    expect(await addRevenueEntry(org.users.finance.id, slug, { date: "2026-03-10", amount: `-${over}` })).toMatchObject(
      { ok: false, code: "VALIDATION", fieldErrors: { amount: limit } },
    );
    expect(
      await setMonthlyTargets(org.users.finance.id, slug, { fiscalYear: 2026, targets: { "2026-03": over } }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "targets.2026-03": limit },
    });
    const deal = {
      name: "Big deal",
      account: "Globex",
      amount: over,
      stageId: org.stage("Commit").id,
      expectedCloseDate: "2026-06-15",
      ownerId: org.users.salesManager.id,
    };
    expect(await createOpportunity(org.users.salesManager.id, slug, deal)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { amount: limit },
    });
    const contribution = {
      departmentId: org.billing.id,
      month: "2026-03",
      categoryId: await categoryId(organizationId, "BILLING"),
      amount: over,
      description: "Too much",
    };
    expect(await logContribution(org.users.billingHead.id, slug, contribution)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { amount: limit },
    });
    const commitment = {
      departmentId: org.billing.id,
      title: "Collect",
      ownerId: org.users.billingHead.id,
      dueDate: "2026-05-01",
      expectedImpact: over,
    };
    expect(await createCommitment(org.users.billingHead.id, slug, commitment)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { expectedImpact: limit },
    });
    // The bound itself is accepted.
    expect(
      await addRevenueEntry(org.users.finance.id, slug, { date: "2026-03-10", amount: "1,000,000,000,000.00" }),
    ).toMatchObject({ ok: true });
    const stored = await Promise.all([
      db.revenueEntry.findMany({ where: { organizationId } }),
      db.revenueTarget.count({ where: { organizationId } }),
      db.opportunity.count({ where: { organizationId } }),
      db.contribution.count({ where: { organizationId } }),
      db.commitment.count({ where: { organizationId } }),
    ]);
    expect([stored[0].map((e) => e.amountMinor), ...stored.slice(1)]).toEqual([[MAX], 0, 0, 0, 0]);
  });
});
