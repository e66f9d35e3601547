import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { monthToDbDate } from "@/lib/period";
import { openPipeline } from "@/server/pipeline/queries";
import { openPipelineByMonth } from "@/server/pipeline/monthly";
import { setHeadlineForecast } from "@/server/pipeline/settings";
import { getDashboard } from "@/server/dashboard/dashboard";
import { getDashboardCsv } from "@/server/dashboard/dashboard-csv";
import { resolveTenant } from "@/server/tenant";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";
import { expectOk } from "../support/assertions";
import { tenantOf } from "../factories";

// DESIGN.md "The numbers": the forecast from open deals closing after D within the fiscal year,
// the headline and outlook from it, coverage, and the dashboard's projections. Every figure below
// is worked out by hand. Calendar FY2026, America/New_York; D = 15 April 2026.
const NOW = new Date("2026-04-15T16:00:00Z");

/** $10,000.00 target a month; actuals Jan 8,000, Feb 9,000, Mar 10,000, Apr (so far) 3,000. */
async function seedRevenue(organizationId: string) {
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      organizationId,
      month: monthToDbDate(`2026-${String(i + 1).padStart(2, "0")}`),
      amountMinor: 1_000_000n,
    })),
  });
  const entry = (iso: string, amountMinor: bigint) => ({
    organizationId,
    occurredAt: new Date(iso),
    amountMinor,
    source: "MANUAL" as const,
  });
  await db.revenueEntry.createMany({
    data: [
      entry("2026-01-15T17:00:00Z", 800_000n),
      entry("2026-02-15T17:00:00Z", 900_000n),
      entry("2026-03-15T17:00:00Z", 1_000_000n),
      entry("2026-04-02T17:00:00Z", 300_000n),
    ],
  });
}

/**
 * Counted after D = 15 April: A COMMIT 20,000.00 at 90 % (20 May), B BEST_CASE 10,000.00 at 70 %
 * (30 April), C PIPELINE 3,333.33 at 50 % (10 Nov). Not counted: OMITTED, won, lost, closing on D
 * itself, stale (10 April), and after the year (5 Jan 2027).
 */
async function seedDeals(org: TPipelineOrganization) {
  await insertOpportunity(org, {
    name: "A",
    stage: "Commit",
    forecastCategory: "COMMIT",
    amountMinor: 2_000_000n,
    expectedCloseDate: "2026-05-20",
  });
  await insertOpportunity(org, {
    name: "B",
    stage: "Negotiation",
    forecastCategory: "BEST_CASE",
    amountMinor: 1_000_000n,
    expectedCloseDate: "2026-04-30",
  });
  await insertOpportunity(org, {
    name: "C",
    stage: "Proposal",
    amountMinor: 333_333n,
    expectedCloseDate: "2026-11-10",
  });
  await insertOpportunity(org, {
    name: "omitted",
    stage: "Prospecting",
    forecastCategory: "OMITTED",
    amountMinor: 5_000_000n,
    expectedCloseDate: "2026-06-01",
  });
  await insertOpportunity(org, {
    name: "won",
    stage: "Closed won",
    amountMinor: 4_000_000n,
    expectedCloseDate: "2026-05-01",
  });
  await insertOpportunity(org, {
    name: "lost",
    stage: "Closed lost",
    amountMinor: 4_000_000n,
    expectedCloseDate: "2026-05-01",
  });
  await insertOpportunity(org, {
    name: "on D",
    stage: "Proposal",
    amountMinor: 700_000n,
    expectedCloseDate: "2026-04-15",
  });
  await insertOpportunity(org, {
    name: "stale",
    stage: "Proposal",
    amountMinor: 600_000n,
    expectedCloseDate: "2026-04-10",
  });
  await insertOpportunity(org, {
    name: "next year",
    stage: "Commit",
    forecastCategory: "COMMIT",
    amountMinor: 900_000n,
    expectedCloseDate: "2027-01-05",
  });
}

async function resolveTenantOrThrow(userId: string, slug: string) {
  const ctx = await resolveTenant(userId, slug);
  if (!ctx) throw new Error("no membership");
  return ctx;
}

async function setUp() {
  const org = await createPipelineOrganization();
  await seedRevenue(org.organizationId);
  await seedDeals(org);
  // Another organization's big commit deal in the same window never counts here.
  const other = await createPipelineOrganization();
  await insertOpportunity(other, {
    stage: "Commit",
    forecastCategory: "COMMIT",
    amountMinor: 99_999_999n,
    expectedCloseDate: "2026-05-20",
  });
  const ctx = await resolveTenant(org.users.owner.id, org.slug);
  if (!ctx) throw new Error("owner has no membership");
  return { org, ctx };
}

describe("openPipeline", () => {
  it("sums open, not omitted deals closing after D through the year's end, of this organization only", async () => {
    const { org } = await setUp();
    // weighted bp: 2,000,000 × 9,000 + 1,000,000 × 7,000 + 333,333 × 5,000 = 26,666,665,000.
    expect(await openPipeline(await tenantOf(org.organizationId), "2026-04-15", "2026-12-31")).toEqual({
      count: 3,
      commitMinor: 2_000_000n,
      bestCaseMinor: 1_000_000n,
      weightedBpMinor: 26_666_665_000n,
    });
  });

  it("excludes D itself and includes the last day of the range", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { stage: "Proposal", amountMinor: 100n, expectedCloseDate: "2026-04-15" });
    await insertOpportunity(org, { stage: "Proposal", amountMinor: 200n, expectedCloseDate: "2026-04-16" });
    await insertOpportunity(org, { stage: "Proposal", amountMinor: 400n, expectedCloseDate: "2026-12-31" });
    await insertOpportunity(org, { stage: "Proposal", amountMinor: 800n, expectedCloseDate: "2027-01-01" });
    const open = await openPipeline(await tenantOf(org.organizationId), "2026-04-15", "2026-12-31");
    // 200 + 400 at 50 %.
    expect(open).toEqual({ count: 2, commitMinor: 0n, bestCaseMinor: 0n, weightedBpMinor: 600n * 5_000n });
  });

  it("groups the same deals by month of expected close", async () => {
    const { org } = await setUp();
    expect(await openPipelineByMonth(await tenantOf(org.organizationId), "2026-04-15", "2026-12-31")).toEqual([
      {
        month: "2026-04",
        count: 1,
        amountMinor: 1_000_000n,
        commitMinor: 0n,
        bestCaseMinor: 1_000_000n,
        weightedBpMinor: 7_000_000_000n,
        noAmountCount: 0,
      },
      {
        month: "2026-05",
        count: 1,
        amountMinor: 2_000_000n,
        commitMinor: 2_000_000n,
        bestCaseMinor: 0n,
        weightedBpMinor: 18_000_000_000n,
        noAmountCount: 0,
      },
      {
        month: "2026-11",
        count: 1,
        amountMinor: 333_333n,
        commitMinor: 0n,
        bestCaseMinor: 0n,
        weightedBpMinor: 1_666_665_000n,
        noAmountCount: 0,
      },
    ]);
  });
});

describe("getDashboard with a pipeline", () => {
  it("forecasts commit, best case and weighted from actual YTD plus open deals, and headlines the weighted one", async () => {
    const { ctx } = await setUp();
    const data = await getDashboard(ctx, "fy-2026", NOW);
    // Actual YTD = 8,000 + 9,000 + 10,000 + 3,000 = 30,000.00.
    // commit = 30,000 + 20,000; best case = 50,000 + 10,000; weighted = 30,000 + 26,666.665 → 56,666.67.
    expect(data.pipeline).toEqual({ commit: 5_000_000n, bestCase: 6_000_000n, weighted: 5_666_667n, openDeals: 3 });
    expect(data.forecast).toBe(5_666_667n);
    expect(data.forecastKind).toBe("WEIGHTED");
    expect(data.runRate).toBe(10_800_000n); // (8,000 + 9,000 + 10,000) / 3 × 12, kept for the chart's fallback
    // 56,666.67 / 120,000 = 47 %: off track.
    expect(data.outlook).toBe("OFF_TRACK");
    expect(data.asOfDate).toBe("2026-04-15");
    // Only the deal of 10 April is open past its close date.
    expect(data.staleDeals).toBe(1);
  });

  it("computes coverage of D's quarter and of the year over what is still to book", async () => {
    const { ctx } = await setUp();
    const { coverage } = await getDashboard(ctx, "fy-2026", NOW);
    // Q2: target 30,000; actual so far 3,000 → gap 27,000. Open in Q2 after D: B 10,000 + A 20,000.
    // 30,000 / 27,000 = 1.1111 → 11,111 bp.
    expect(coverage.quarter).toEqual({
      quarter: 2,
      openMinor: 3_000_000n,
      gapMinor: 2_700_000n,
      coverageBp: 11_111,
      noAmountCount: 0,
    });
    // Year: 120,000 − 30,000 = 90,000 to book; 33,333.33 open → 0.37037 → 3,704 bp.
    expect(coverage.year).toEqual({ openMinor: 3_333_333n, gapMinor: 9_000_000n, coverageBp: 3_704, noAmountCount: 0 });
  });

  it("projects the three forecasts month by month to the year's end", async () => {
    const { ctx } = await setUp();
    const { rows } = await getDashboard(ctx, "fy-2026", NOW);
    const at = (month: string) => rows.find((r) => r.month === month);
    // From March's cumulative actual (27,000); April adds its 3,000 and B (best case, 70 %).
    expect(at("2026-03")).toMatchObject({
      commitCumulative: 2_700_000n,
      bestCaseCumulative: 2_700_000n,
      weightedCumulative: 2_700_000n,
    });
    expect(at("2026-04")).toMatchObject({
      commitCumulative: 3_000_000n,
      bestCaseCumulative: 4_000_000n,
      weightedCumulative: 3_700_000n,
    });
    expect(at("2026-05")).toMatchObject({
      commitCumulative: 5_000_000n,
      bestCaseCumulative: 6_000_000n,
      weightedCumulative: 5_500_000n,
    });
    // November adds C's 1,666.665 weighted; the year ends on the tiles' figures.
    expect(at("2026-12")).toMatchObject({
      commitCumulative: 5_000_000n,
      bestCaseCumulative: 6_000_000n,
      weightedCumulative: 5_666_667n,
    });
  });

  it("headlines the organization's choice, and the outlook follows it", async () => {
    const { org } = await setUp();
    // Each read is a new request: its context holds the settings as they are then.
    const dashboard = async () =>
      getDashboard(await resolveTenantOrThrow(org.users.owner.id, org.slug), "fy-2026", NOW);
    expectOk(await setHeadlineForecast(org.users.owner.id, org.slug, { headlineForecast: "BEST_CASE" }));
    const data = await dashboard();
    expect(data.forecastKind).toBe("BEST_CASE");
    expect(data.forecast).toBe(6_000_000n);
    // Lower the thresholds so that 60,000 / 120,000 = 50 % is on track: the outlook reads the headline.
    await db.organization.update({
      where: { id: org.organizationId },
      data: { onTrackThresholdBp: 5_000, atRiskThresholdBp: 4_500 },
    });
    expect((await dashboard()).outlook).toBe("ON_TRACK");
    expectOk(await setHeadlineForecast(org.users.owner.id, org.slug, { headlineForecast: "COMMIT" }));
    // Commit 50,000 / 120,000 = 41.7 %: off track even at those thresholds.
    expect(await dashboard()).toMatchObject({ forecast: 5_000_000n, forecastKind: "COMMIT", outlook: "OFF_TRACK" });
  });

  it("reads a past range as of its last day, with deals as they are now closing after it", async () => {
    const { ctx } = await setUp();
    const data = await getDashboard(ctx, "q-2026-1", NOW);
    expect(data.asOfDate).toBe("2026-03-31");
    // Actual YTD through March 27,000. After 31 March also the deals of 10 and 15 April count
    // (6,000 + 7,000 at 50 %): weighted bp 26,666,665,000 + 6,500,000,000 = 33,166,665,000.
    expect(data.pipeline).toEqual({ commit: 4_700_000n, bestCase: 5_700_000n, weighted: 6_016_667n, openDeals: 5 });
    // Q1 is over and its target (30,000) is 3,000 short; nothing open can still close in it.
    expect(data.coverage.quarter).toEqual({
      quarter: 1,
      openMinor: 0n,
      gapMinor: 300_000n,
      coverageBp: 0,
      noAmountCount: 0,
    });
  });

  it("falls back to the run rate without open deals", async () => {
    const org = await createPipelineOrganization();
    await seedRevenue(org.organizationId);
    await insertOpportunity(org, { stage: "Closed won", amountMinor: 4_000_000n, expectedCloseDate: "2026-05-01" });
    const ctx = await resolveTenant(org.users.owner.id, org.slug);
    if (!ctx) throw new Error("owner has no membership");
    const data = await getDashboard(ctx, "fy-2026", NOW);
    // (8,000 + 9,000 + 10,000) / 3 × 12 = 108,000 = 90 % of 120,000: at risk.
    expect(data).toMatchObject({
      pipeline: null,
      forecast: 10_800_000n,
      forecastKind: "RUN_RATE",
      outlook: "AT_RISK",
      staleDeals: 0,
    });
    expect(data.rows.every((r) => r.commitCumulative === null && r.weightedCumulative === null)).toBe(true);
    expect(data.coverage.year).toEqual({ openMinor: 0n, gapMinor: 9_000_000n, coverageBp: 0, noAmountCount: 0 });
  });

  it("exports the projections in the monthly CSV", async () => {
    const { ctx } = await setUp();
    const { csv } = await getDashboardCsv(ctx, new URLSearchParams("period=fy-2026"), NOW);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "month,target_USD,actual_USD,gap_USD,attainment_pct,cumulative_target_USD,cumulative_actual_USD,forecast_cumulative_USD,commit_cumulative_USD,best_case_cumulative_USD,weighted_cumulative_USD,status",
    );
    // December: run rate 108,000; commit 50,000; best case 60,000; weighted 56,666.67.
    expect(lines[12]).toBe("2026-12,10000.00,,,,120000.00,,108000.00,50000.00,60000.00,56666.67,forecast");
  });
});
