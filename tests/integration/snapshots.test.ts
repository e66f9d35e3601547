import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { updateOpportunity } from "@/server/pipeline/opportunities";
import { runOrganizationJob } from "@/server/jobs/tasks";
import { takeSnapshot, takeWeeklySnapshot, weekOf } from "@/server/pipeline/snapshots";
import { createPipelineOrganization, insertOpportunity } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { tenantOf } from "../factories";

// Issue 5 "Snapshots": the pipeline is snapshotted on demand and once a week, deal by deal.

const items = (organizationId: string, snapshotId: string) =>
  db.pipelineSnapshotItem.findMany({ where: { organizationId, snapshotId }, orderBy: { name: "asc" } });

describe("weekOf", () => {
  it.each([
    ["2026-11-23T00:00:00Z", "2026-11-23"], // Monday, first instant
    ["2026-11-23T23:59:59Z", "2026-11-23"],
    ["2026-11-27T12:00:00Z", "2026-11-23"], // Friday
    ["2026-11-29T23:59:59.999Z", "2026-11-23"], // Sunday, last instant: still the week that began on Monday
    ["2026-11-30T00:00:00Z", "2026-11-30"], // next Monday
    ["2027-01-03T10:00:00Z", "2026-12-28"], // a Sunday whose Monday is in the previous year
    ["2028-03-01T00:00:00Z", "2028-02-28"], // across a leap day
  ])("%s is in the week of %s (UTC)", (instant, monday) => {
    expect(weekOf(new Date(instant), "UTC")).toBe(monday);
  });

  it.each([
    // Monday 00:00 in Los Angeles is 08:00 UTC; the instant before is still Sunday there.
    ["2026-12-07T07:59:59Z", "America/Los_Angeles", "2026-11-30"],
    ["2026-12-07T08:00:00Z", "America/Los_Angeles", "2026-12-07"],
    // Monday 00:00 in Tokyo is Sunday 15:00 UTC.
    ["2026-12-06T14:59:59Z", "Asia/Tokyo", "2026-11-30"],
    ["2026-12-06T15:00:00Z", "Asia/Tokyo", "2026-12-07"],
  ])("%s in %s is in the week of %s (the organization's own calendar)", (instant, zone, monday) => {
    expect(weekOf(new Date(instant), zone)).toBe(monday);
  });
});

describe("takeSnapshot", () => {
  it("copies every deal, open and closed, as it stands", async () => {
    const org = await createPipelineOrganization();
    const open = await insertOpportunity(org, {
      name: "A open",
      amountMinor: 10_000_00n,
      forecastCategory: "BEST_CASE",
      expectedCloseDate: "2026-12-15",
    });
    const won = await insertOpportunity(org, {
      name: "B won",
      stage: "Closed won",
      amountMinor: 20_000_00n,
      expectedCloseDate: "2026-10-01",
    });
    const lost = await insertOpportunity(org, {
      name: "C lost",
      stage: "Closed lost",
      amountMinor: 30_000_00n,
      expectedCloseDate: "2026-09-30",
    });
    const result = expectOk(await takeSnapshot(org.users.salesManager.id, org.slug, {}));
    expect(result.deals).toBe(3);
    const snapshot = await db.pipelineSnapshot.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: org.organizationId, id: result.snapshotId } },
    });
    expect(snapshot).toMatchObject({ kind: "MANUAL", weekOf: null, takenById: org.users.salesManager.id });
    const row = (d: typeof open) => ({
      organizationId: org.organizationId,
      snapshotId: result.snapshotId,
      opportunityId: d.id,
      name: d.name,
      amountMinor: d.amountMinor,
      stageId: d.stageId,
      outcome: d.outcome,
      probabilityBp: d.probabilityBp,
      forecastCategory: d.forecastCategory,
      expectedCloseDate: d.expectedCloseDate,
    });
    expect(await items(org.organizationId, result.snapshotId)).toEqual([row(open), row(won), row(lost)]);

    // Later changes do not touch the snapshot.
    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, { opportunityId: open.id, amount: "12,000" }),
    );
    expect((await items(org.organizationId, result.snapshotId))[0]?.amountMinor).toBe(10_000_00n);
  });

  it("snapshots an empty pipeline, and refuses roles that do not keep the pipeline", async () => {
    const org = await createPipelineOrganization();
    expect(expectOk(await takeSnapshot(org.owner.id, org.slug, {})).deals).toBe(0);
    const before = await snapshotOrganization(org.organizationId);
    for (const who of ["finance", "legalHead", "viewer"] as const)
      expectFailure(await takeSnapshot(org.users[who].id, org.slug, {}), "FORBIDDEN");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("the weekly snapshot", () => {
  const takeWeekly = async (organizationId: string, at: Date) => {
    const ctx = await tenantOf(organizationId);
    return db.$transaction((tx) => takeWeeklySnapshot(tx, ctx, at));
  };

  it("takes one snapshot per week of the organization's zone (New York here)", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { name: "A" });
    await insertOpportunity(org, { name: "B" });
    expect(await takeWeekly(org.organizationId, new Date("2026-11-23T08:00:00Z"))).toBe(true);
    await insertOpportunity(org, { name: "C" });
    // Later the same week, up to Sunday night in New York (Monday 04:59 UTC): nothing new.
    expect(await takeWeekly(org.organizationId, new Date("2026-11-26T08:00:00Z"))).toBe(false);
    expect(await takeWeekly(org.organizationId, new Date("2026-11-30T04:59:00Z"))).toBe(false);
    // Monday 00:00 in New York: the next week's.
    expect(await takeWeekly(org.organizationId, new Date("2026-11-30T05:00:00Z"))).toBe(true);

    const snapshots = await db.pipelineSnapshot.findMany({
      where: { organizationId: org.organizationId },
      orderBy: { takenAt: "asc" },
      include: { _count: { select: { items: true } } },
    });
    expect(snapshots.map((s) => [s.kind, s.weekOf?.toISOString().slice(0, 10), s.takenById, s._count.items])).toEqual([
      ["WEEKLY", "2026-11-23", null, 2],
      ["WEEKLY", "2026-11-30", null, 3],
    ]);
  });

  it("six workers running the week's job at once take exactly one snapshot, audited once as the job", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org);
    const now = new Date("2026-12-02T15:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => runOrganizationJob("pipeline-snapshot", org.organizationId, "2026-11-30", now)),
    );
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(await db.pipelineSnapshot.count({ where: { organizationId: org.organizationId } })).toBe(1);
    expect(await db.pipelineSnapshotItem.count({ where: { organizationId: org.organizationId } })).toBe(1);
    const audits = await db.auditEvent.findMany({
      where: { organizationId: org.organizationId, action: "pipeline.snapshot.weekly" },
      select: { actorKind: true, systemJob: true },
    });
    expect(audits).toEqual([{ actorKind: "SYSTEM", systemJob: "pipeline-snapshot" }]);
    expect(
      await db.jobRun.findMany({
        where: { organizationId: org.organizationId },
        select: { job: true, periodKey: true, status: true, attempts: true },
      }),
    ).toEqual([{ job: "pipeline-snapshot", periodKey: "2026-11-30", status: "SUCCEEDED", attempts: 1 }]);
  });

  it("does not count a manual snapshot as the week's", async () => {
    const org = await createPipelineOrganization();
    expectOk(await takeSnapshot(org.owner.id, org.slug, {}));
    expect(await takeWeekly(org.organizationId, new Date())).toBe(true);
    expect(await takeWeekly(org.organizationId, new Date())).toBe(false);
  });
});
