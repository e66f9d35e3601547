import { describe, expect, it } from "vitest";
import { diffSnapshot, type TDealState } from "@/lib/snapshot-diff";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { db } from "@/server/db";
import { getOpportunityDetail } from "@/server/pipeline/detail";
import { getPipelineOverview } from "@/server/pipeline/overview";
import { listPipeline, pipelineBoard } from "@/server/pipeline/list";
import { snapshotDiff } from "@/server/pipeline/snapshot-diff-query";
import { takeSnapshot } from "@/server/pipeline/snapshots";
import { resolveTenant } from "@/server/tenant";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectOk } from "../support/assertions";

async function tenant(org: TPipelineOrganization) {
  const ctx = await resolveTenant(org.users.viewer.id, org.slug);
  if (!ctx) throw new Error("no tenant");
  return ctx;
}

const calendarOf = () => ({ today: today().iso, fiscalYearStartMonth: 1 });
const filters = (query: Record<string, string> = {}) => parsePipelineFilters(query);

describe("the pipeline list", () => {
  it("filters in SQL and sums count, amount and weighted over the whole filtered set", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, {
      name: "Alpha renewal",
      amountMinor: 10_000_00n,
      stage: "Proposal",
      expectedCloseDate: t.addDays(20),
    });
    await insertOpportunity(org, {
      name: "Beta stale",
      amountMinor: 5_000_00n,
      stage: "Negotiation",
      expectedCloseDate: t.addDays(-3),
    });
    await insertOpportunity(org, {
      name: "Gamma won",
      amountMinor: 7_000_00n,
      stage: "Closed won",
      expectedCloseDate: t.addDays(-10),
    });
    await insertOpportunity(org, {
      name: "Delta lost",
      amountMinor: 3_000_00n,
      stage: "Closed lost",
      expectedCloseDate: t.addDays(-10),
    });
    const ctx = await tenant(org);

    // By default the list reads like a forecast: open deals only.
    const byDefault = await listPipeline(ctx, filters(), calendarOf());
    expect(byDefault.rows.map((r) => r.name).sort()).toEqual(["Alpha renewal", "Beta stale"]);
    expect(byDefault.totals).toEqual({
      count: 2,
      amountMinor: 15_000_00n,
      weightedMinor: 10_000_00n / 2n + (5_000_00n * 70n) / 100n,
    });

    const all = await listPipeline(ctx, filters({ status: "all" }), calendarOf());
    expect(all.totals).toEqual({
      count: 4,
      amountMinor: 25_000_00n,
      weightedMinor: 10_000_00n / 2n + (5_000_00n * 70n) / 100n + 7_000_00n,
    });
    expect(all.rows.map((r) => r.name).sort()).toEqual(["Alpha renewal", "Beta stale", "Delta lost", "Gamma won"]);

    const open = await listPipeline(ctx, filters({ status: "open", sort: "amount" }), calendarOf());
    expect(open.rows.map((r) => r.name)).toEqual(["Alpha renewal", "Beta stale"]);
    expect(open.rows.map((r) => r.isStale)).toEqual([false, true]);
    expect(open.rows[0]).toMatchObject({
      stageName: "Proposal",
      ownerName: org.users.salesManager.name,
      sourceDepartmentName: "Sales",
    });

    const stale = await listPipeline(ctx, filters({ stale: "1" }), calendarOf());
    expect(stale.rows.map((r) => r.name)).toEqual(["Beta stale"]);
    const search = await listPipeline(ctx, filters({ q: "gamma", status: "all" }), calendarOf());
    expect(search.rows.map((r) => r.name)).toEqual(["Gamma won"]);
    // A LIKE wildcard typed by the user is a literal character, not "anything".
    expect((await listPipeline(ctx, filters({ q: "%" }), calendarOf())).totals.count).toBe(0);
  });

  it("sums each forecast category in SQL over the whole filtered set, this organization's deals only", async () => {
    const [org, other] = await Promise.all([createPipelineOrganization(), createPipelineOrganization()]);
    const t = today();
    // Commit: $1,000.00 at 90 % and $333.33 at 90 %: weighted (100,000 + 33,333) × 0.9 = 119,999.7 → $1,200.00.
    await insertOpportunity(org, {
      name: "C1",
      amountMinor: 1_000_00n,
      stage: "Negotiation",
      probabilityBp: 9000,
      forecastCategory: "COMMIT",
      expectedCloseDate: t.addDays(5),
    });
    await insertOpportunity(org, {
      name: "C2",
      amountMinor: 333_33n,
      stage: "Negotiation",
      probabilityBp: 9000,
      forecastCategory: "COMMIT",
      expectedCloseDate: t.addDays(6),
    });
    // Best case: $500.05 at 50 % → 25,002.5 → $250.03.
    await insertOpportunity(org, {
      name: "B1",
      amountMinor: 500_05n,
      stage: "Proposal",
      probabilityBp: 5000,
      forecastCategory: "BEST_CASE",
      expectedCloseDate: t.addDays(7),
    });
    // Pipeline: $200.00 at 25 %.
    await insertOpportunity(org, {
      name: "P1",
      amountMinor: 200_00n,
      stage: "Qualification",
      probabilityBp: 2500,
      forecastCategory: "PIPELINE",
      expectedCloseDate: t.addDays(8),
    });
    // Won and lost deals are not in the default (open) totals.
    await insertOpportunity(org, { name: "W1", amountMinor: 7_000_00n, stage: "Closed won" });
    await insertOpportunity(org, { name: "L1", amountMinor: 3_000_00n, stage: "Closed lost" });
    // Another organization's open commit deal counts in none of this one's totals.
    await insertOpportunity(other, {
      name: "Elsewhere",
      amountMinor: 9_999_00n,
      stage: "Negotiation",
      probabilityBp: 9000,
      forecastCategory: "COMMIT",
      expectedCloseDate: t.addDays(5),
    });

    const list = await listPipeline(await tenant(org), filters(), calendarOf());
    expect(list.categories).toEqual([
      { category: "COMMIT", count: 2, amountMinor: 1_333_33n, weightedMinor: 1_200_00n },
      { category: "BEST_CASE", count: 1, amountMinor: 500_05n, weightedMinor: 250_03n },
      { category: "PIPELINE", count: 1, amountMinor: 200_00n, weightedMinor: 50_00n },
    ]);
    // 1,500,022,000 bp-cents → $1,500.02 (rounded once from the exact sum).
    expect(list.totals).toEqual({ count: 4, amountMinor: 2_033_38n, weightedMinor: 1_500_02n });

    // All outcomes: won deals are CLOSED at 100 %, lost ones OMITTED at 0 %.
    const all = await listPipeline(await tenant(org), filters({ status: "all" }), calendarOf());
    expect(all.categories.map((c) => [c.category, c.count, c.amountMinor, c.weightedMinor])).toEqual([
      ["COMMIT", 2, 1_333_33n, 1_200_00n],
      ["BEST_CASE", 1, 500_05n, 250_03n],
      ["PIPELINE", 1, 200_00n, 50_00n],
      ["CLOSED", 1, 7_000_00n, 7_000_00n],
      ["OMITTED", 1, 3_000_00n, 0n],
    ]);
    // Narrowed by the other filters too: a search for "C" finds C1 and C2 only.
    expect((await listPipeline(await tenant(org), filters({ q: "C" }), calendarOf())).categories).toEqual([
      { category: "COMMIT", count: 2, amountMinor: 1_333_33n, weightedMinor: 1_200_00n },
    ]);
    // The other organization sees its own deal only.
    expect((await listPipeline(await tenant(other), filters(), calendarOf())).totals).toEqual({
      count: 1,
      amountMinor: 9_999_00n,
      weightedMinor: 8_999_10n,
    });
  });

  it("the header's quarter coverage: open deals closing after today in the quarter over its target minus actual", async () => {
    const org = await createPipelineOrganization();
    const { organizationId } = org;
    // 15 May 2026 in New York: fiscal Q2 (April–June) of a calendar fiscal year.
    const at = new Date("2026-05-15T16:00:00Z");
    for (const month of ["2026-04-01", "2026-05-01", "2026-06-01"])
      await db.revenueTarget.create({
        data: { organizationId, month: new Date(`${month}T00:00:00Z`), amountMinor: 10_000_00n },
      });
    await db.revenueEntry.create({
      data: { organizationId, occurredAt: new Date("2026-04-15T16:00:00Z"), amountMinor: 10_000_00n, source: "MANUAL" },
    });
    await insertOpportunity(org, {
      name: "In the quarter",
      amountMinor: 15_000_00n,
      stage: "Proposal",
      expectedCloseDate: "2026-06-10",
    });
    await insertOpportunity(org, {
      name: "Stale",
      amountMinor: 9_000_00n,
      stage: "Proposal",
      expectedCloseDate: "2026-05-10",
    });
    await insertOpportunity(org, {
      name: "Next quarter",
      amountMinor: 6_000_00n,
      stage: "Proposal",
      expectedCloseDate: "2026-07-10",
    });
    await insertOpportunity(org, {
      name: "Left out",
      amountMinor: 5_000_00n,
      stage: "Proposal",
      forecastCategory: "OMITTED",
      expectedCloseDate: "2026-06-01",
    });
    const overview = await getPipelineOverview(await tenant(org), at);
    // Gap: $30,000 target − $10,000 actual = $20,000; open $15,000 → 0.75× (7,500 bp).
    expect(overview.quarter).toEqual({
      key: "2026-Q2",
      label: "Q2 FY2026",
      coverage: { openMinor: 15_000_00n, gapMinor: 20_000_00n, coverageBp: 7_500, noAmountCount: 0 },
    });
    expect(overview.staleCount).toBe(1);
  });

  it("the board has every open stage with its count, Σ amount and largest deals", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { name: "Small", amountMinor: 1_00n, stage: "Proposal" });
    await insertOpportunity(org, { name: "Large", amountMinor: 9_00n, stage: "Proposal" });
    await insertOpportunity(org, { name: "Won", amountMinor: 5_00n, stage: "Closed won" });
    const board = await pipelineBoard(await tenant(org), filters(), calendarOf());
    expect(board.map((c) => c.stageName)).toEqual([
      "Prospecting",
      "Qualification",
      "Proposal",
      "Negotiation",
      "Commit",
    ]);
    const proposal = board.find((c) => c.stageName === "Proposal");
    expect(proposal).toMatchObject({ count: 2, amountMinor: 10_00n });
    expect(proposal?.deals.map((d) => d.name)).toEqual(["Large", "Small"]);
  });
});

describe("what changed since the last snapshot", () => {
  it("classifies in SQL exactly as diffSnapshot does, with amounts moved and top deals", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const won = await insertOpportunity(org, { name: "To win", amountMinor: 4_00n });
    const lost = await insertOpportunity(org, { name: "To lose", amountMinor: 3_00n });
    const slip = await insertOpportunity(org, { name: "To slip", amountMinor: 2_00n, expectedCloseDate: t.iso });
    const revalue = await insertOpportunity(org, { name: "To revalue", amountMinor: 1_00n });
    await insertOpportunity(org, { name: "Unchanged", amountMinor: 9_00n });
    expectOk(await takeSnapshot(org.users.salesManager.id, org.slug, {}));
    const ctx = await tenant(org);
    expect((await snapshotDiff(ctx)).buckets.added.count).toBe(0);

    const stageOf = (name: string) => org.stage(name);
    await db.opportunity.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: won.id } },
      data: { stageId: stageOf("Closed won").id, outcome: "WON" },
    });
    await db.opportunity.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: lost.id } },
      data: { stageId: stageOf("Closed lost").id, outcome: "LOST" },
    });
    await db.opportunity.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: slip.id } },
      data: { expectedCloseDate: new Date(`${t.addDays(60)}T00:00:00Z`), amountMinor: 2_50n },
    });
    await db.opportunity.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: revalue.id } },
      data: { amountMinor: 1_75n },
    });
    await insertOpportunity(org, { name: "Brand new", amountMinor: 6_00n });

    const diff = await snapshotDiff(ctx);
    const counts = Object.fromEntries(Object.entries(diff.buckets).map(([k, v]) => [k, v.count]));
    expect(counts).toEqual({ added: 1, won: 1, lost: 1, slipped: 1, revalued: 1 });
    expect(diff.buckets.revalued.movedMinor).toBe(75n);
    expect(diff.buckets.slipped.top[0]).toMatchObject({ name: "To slip", fromDate: t.iso, toDate: t.addDays(60) });

    // Cross-check with the pure diff over the same rows.
    const state = (r: {
      opportunityId: string;
      name: string;
      amountMinor: bigint;
      outcome: string;
      expectedCloseDate: Date;
    }): TDealState => ({
      ...r,
      outcome: r.outcome as TDealState["outcome"],
      expectedCloseDate: r.expectedCloseDate.toISOString().slice(0, 10),
    });
    const before = (
      await db.pipelineSnapshotItem.findMany({
        where: { organizationId: org.organizationId, snapshotId: diff.snapshot?.id },
      })
    ).map(state);
    const now = (await db.opportunity.findMany({ where: { organizationId: org.organizationId } })).map((o) =>
      state({ ...o, opportunityId: o.id }),
    );
    const pure = diffSnapshot(before, now);
    expect({
      added: diff.buckets.added.movedMinor,
      won: diff.buckets.won.movedMinor,
      lost: diff.buckets.lost.movedMinor,
      slipped: diff.buckets.slipped.movedMinor,
      revalued: diff.buckets.revalued.movedMinor,
    }).toEqual(pure.totals);
  });
});

describe("a deal's detail", () => {
  it("is not found from another organization", async () => {
    const [a, b] = await Promise.all([createPipelineOrganization(), createPipelineOrganization()]);
    const deal = await insertOpportunity(a);
    expect(await getOpportunityDetail(await tenant(b), deal.id)).toBeNull();
    expect((await getOpportunityDetail(await tenant(a), deal.id))?.opportunity.name).toBe("Globex expansion");
  });
});
