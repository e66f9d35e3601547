import { describe, expect, it } from "vitest";
import { diffSnapshot, type TDealState } from "@/lib/snapshot-diff";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { db } from "@/server/db";
import { getOpportunityDetail } from "@/server/pipeline/detail";
import { listPipeline, pipelineBoard } from "@/server/pipeline/list";
import { snapshotDiff } from "@/server/pipeline/snapshot-diff-query";
import { takeSnapshot } from "@/server/pipeline/snapshots";
import { resolveTenant } from "@/server/tenant";
import { createPipelineOrganization, insertOpportunity, today, type TPipelineOrganization } from "../factories/pipeline";
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
    await insertOpportunity(org, { name: "Alpha renewal", amountMinor: 10_000_00n, stage: "Proposal", expectedCloseDate: t.addDays(20) });
    await insertOpportunity(org, { name: "Beta stale", amountMinor: 5_000_00n, stage: "Negotiation", expectedCloseDate: t.addDays(-3) });
    await insertOpportunity(org, { name: "Gamma won", amountMinor: 7_000_00n, stage: "Closed won", expectedCloseDate: t.addDays(-10) });
    await insertOpportunity(org, { name: "Delta lost", amountMinor: 3_000_00n, stage: "Closed lost", expectedCloseDate: t.addDays(-10) });
    const ctx = await tenant(org);

    const all = await listPipeline(ctx, filters(), calendarOf());
    expect(all.totals).toEqual({ count: 4, amountMinor: 25_000_00n, weightedMinor: 10_000_00n / 2n + (5_000_00n * 70n) / 100n + 7_000_00n });
    expect(all.rows.map((r) => r.name).sort()).toEqual(["Alpha renewal", "Beta stale", "Delta lost", "Gamma won"]);

    const open = await listPipeline(ctx, filters({ status: "open", sort: "amount" }), calendarOf());
    expect(open.rows.map((r) => r.name)).toEqual(["Alpha renewal", "Beta stale"]);
    expect(open.rows.map((r) => r.isStale)).toEqual([false, true]);
    expect(open.rows[0]).toMatchObject({ stageName: "Proposal", ownerName: org.users.salesManager.name, sourceDepartmentName: "Sales" });

    const stale = await listPipeline(ctx, filters({ stale: "1" }), calendarOf());
    expect(stale.rows.map((r) => r.name)).toEqual(["Beta stale"]);
    const search = await listPipeline(ctx, filters({ q: "gamma" }), calendarOf());
    expect(search.rows.map((r) => r.name)).toEqual(["Gamma won"]);
    // A LIKE wildcard typed by the user is a literal character, not "anything".
    expect((await listPipeline(ctx, filters({ q: "%" }), calendarOf())).totals.count).toBe(0);
  });

  it("the board has every open stage with its count, Σ amount and largest deals", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { name: "Small", amountMinor: 1_00n, stage: "Proposal" });
    await insertOpportunity(org, { name: "Large", amountMinor: 9_00n, stage: "Proposal" });
    await insertOpportunity(org, { name: "Won", amountMinor: 5_00n, stage: "Closed won" });
    const board = await pipelineBoard(await tenant(org), filters(), calendarOf());
    expect(board.map((c) => c.stageName)).toEqual(["Prospecting", "Qualification", "Proposal", "Negotiation", "Commit"]);
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
    await db.opportunity.update({ where: { organizationId_id: { organizationId: org.organizationId, id: won.id } }, data: { stageId: stageOf("Closed won").id, outcome: "WON" } });
    await db.opportunity.update({ where: { organizationId_id: { organizationId: org.organizationId, id: lost.id } }, data: { stageId: stageOf("Closed lost").id, outcome: "LOST" } });
    await db.opportunity.update({ where: { organizationId_id: { organizationId: org.organizationId, id: slip.id } }, data: { expectedCloseDate: new Date(`${t.addDays(60)}T00:00:00Z`), amountMinor: 2_50n } });
    await db.opportunity.update({ where: { organizationId_id: { organizationId: org.organizationId, id: revalue.id } }, data: { amountMinor: 1_75n } });
    await insertOpportunity(org, { name: "Brand new", amountMinor: 6_00n });

    const diff = await snapshotDiff(ctx);
    const counts = Object.fromEntries(Object.entries(diff.buckets).map(([k, v]) => [k, v.count]));
    expect(counts).toEqual({ added: 1, won: 1, lost: 1, slipped: 1, revalued: 1 });
    expect(diff.buckets.revalued.movedMinor).toBe(75n);
    expect(diff.buckets.slipped.top[0]).toMatchObject({ name: "To slip", fromDate: t.iso, toDate: t.addDays(60) });

    // Cross-check with the pure diff over the same rows.
    const state = (r: { opportunityId: string; name: string; amountMinor: bigint; outcome: string; expectedCloseDate: Date }): TDealState => ({ ...r, outcome: r.outcome as TDealState["outcome"], expectedCloseDate: r.expectedCloseDate.toISOString().slice(0, 10) });
    const before = (await db.pipelineSnapshotItem.findMany({ where: { organizationId: org.organizationId, snapshotId: diff.snapshot?.id } })).map(state);
    const now = (await db.opportunity.findMany({ where: { organizationId: org.organizationId } })).map((o) => state({ ...o, opportunityId: o.id }));
    const pure = diffSnapshot(before, now);
    expect({ added: diff.buckets.added.movedMinor, won: diff.buckets.won.movedMinor, lost: diff.buckets.lost.movedMinor, slipped: diff.buckets.slipped.movedMinor, revalued: diff.buckets.revalued.movedMinor }).toEqual(pure.totals);
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
