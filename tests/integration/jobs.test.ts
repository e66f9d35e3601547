import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Logger, run, runOnce, type Runner } from "graphile-worker";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { runOrganizationJob, setJobClock, TASKS, tick } from "@/server/jobs/tasks";
import { insertKpi, insertKpiValue } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";

// Issue 14: the job runner (graphile-worker on the test database, real runners), the tick that
// queues each organization's due periods in its own zone, and at-most-once runs per period.

const connectionString = process.env.DATABASE_URL ?? "";
const quiet = new Logger(() => (level, message) => {
  if (level === "error") console.error(message);
});

async function clearQueue() {
  // graphile-worker keeps its tables in its own schema (created by the first runner): empty the queue.
  await db.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
      DELETE FROM graphile_worker._private_jobs; DELETE FROM graphile_worker._private_job_queues;
    END IF; END $$`);
}

const pendingJobs = async () =>
  Number(
    (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM graphile_worker._private_jobs`))[0]?.n ?? 0,
  );

async function until(condition: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An organization whose Legal department had a red November (500 of 1,000) and no narrative. */
async function redNovember(org: TPipelineOrganization) {
  const kpi = await insertKpi(org.organizationId, org.legal.id, {
    name: "Contracts countersigned",
    targetScaled: 1_000n,
  });
  await insertKpiValue(org.organizationId, kpi.id, "2026-11", 500n, 1_000n);
  return kpi;
}

const alertsOf = (organizationId: string, userId: string) =>
  db.alert.findMany({ where: { organizationId, userId }, orderBy: { key: "asc" } });

beforeEach(async () => {
  await clearQueue();
  setJobClock(null);
});
afterEach(() => setJobClock(null));

describe("two job runners", () => {
  let runners: Runner[] = [];
  afterEach(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    runners = [];
  });

  it("run each due period once, even when both ticks queue it", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { name: "Initech renewal" });
    await redNovember(org);
    // Thursday 3 December 2026, 10:00 in New York: the week's snapshot, this quarter hour's
    // evaluation, today's and this week's digests are all due.
    setJobClock(new Date("2026-12-03T15:00:00Z"));
    const options = { connectionString, taskList: TASKS, concurrency: 2, noHandleSignals: true, pollInterval: 100 };
    runners = [await run({ ...options, logger: quiet }), await run({ ...options, logger: quiet })];
    // Both runners' ticks fire (as two workers' crons would).
    await Promise.all(runners.map((r, i) => r.addJob("tick", {}, { jobKey: `tick-${i}` })));
    await until(
      async () =>
        (await db.jobRun.count({ where: { organizationId: org.organizationId, status: "SUCCEEDED" } })) === 4 &&
        (await pendingJobs()) === 0,
      "four runs and an empty queue",
    );

    const runs = await db.jobRun.findMany({
      where: { organizationId: org.organizationId },
      select: { job: true, periodKey: true, status: true, attempts: true },
      orderBy: { job: "asc" },
    });
    expect(runs).toEqual([
      { job: "daily-digest", periodKey: "2026-12-03", status: "SUCCEEDED", attempts: 1 },
      { job: "evaluate-alerts", periodKey: "2026-12-03T10:00", status: "SUCCEEDED", attempts: 1 },
      { job: "pipeline-snapshot", periodKey: "2026-11-30", status: "SUCCEEDED", attempts: 1 },
      { job: "weekly-digest", periodKey: "2026-11-30", status: "SUCCEEDED", attempts: 1 },
    ]);
    expect(await db.pipelineSnapshot.count({ where: { organizationId: org.organizationId, kind: "WEEKLY" } })).toBe(1);
    // The Legal head (daily digest, the default) got one email; nobody got two.
    const deliveries = await db.emailDelivery.findMany({
      where: { organizationId: org.organizationId },
      select: { userId: true, kind: true },
    });
    expect(deliveries.filter((d) => d.userId === org.users.legalHead.id)).toEqual([
      { userId: org.users.legalHead.id, kind: "DAILY" },
    ]);
    expect(new Set(deliveries.map((d) => d.userId)).size).toBe(deliveries.length);
  });
});

describe("a job run again for the same period", () => {
  it("writes nothing new; the next period finds nothing new to open", async () => {
    const org = await createPipelineOrganization();
    await redNovember(org);
    const at = new Date("2026-12-03T15:00:00Z");
    const first = await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-03T10:00", at);
    expect(first).toMatchObject({ ran: true });
    const alerts = await db.alert.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    expect(alerts.length).toBeGreaterThan(0);

    expect(await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-03T10:00", at)).toEqual({
      ran: false,
      reason: "already-done",
    });
    const again = await db.alert.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    expect(again).toEqual(alerts);
    expect(await db.jobRun.count({ where: { organizationId: org.organizationId } })).toBe(1);

    const next = await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-03T10:15", at);
    expect(next).toMatchObject({ ran: true, summary: expect.stringMatching(/^0 alerts opened, 0 cleared/) });
    expect(await db.alert.count({ where: { organizationId: org.organizationId } })).toBe(alerts.length);
  });

  it("a failed run writes nothing, is recorded with its error, and stays due for the retry", async () => {
    const org = await createPipelineOrganization();
    const at = new Date("2026-12-03T15:00:00Z");
    // A period that is not a week makes the snapshot's insert fail inside the run's transaction.
    await expect(runOrganizationJob("pipeline-snapshot", org.organizationId, "not-a-week", at)).rejects.toThrow();
    expect(
      await db.jobRun.findMany({
        where: { organizationId: org.organizationId },
        select: { status: true, attempts: true, lastError: true },
      }),
    ).toEqual([{ status: "FAILED", attempts: 1, lastError: expect.any(String) }]);
    expect(await db.pipelineSnapshot.count({ where: { organizationId: org.organizationId } })).toBe(0);
    // The retry runs it again (it is not "already done"), and counts the attempt.
    await expect(runOrganizationJob("pipeline-snapshot", org.organizationId, "not-a-week", at)).rejects.toThrow();
    expect(await db.jobRun.findFirst({ where: { organizationId: org.organizationId } })).toMatchObject({
      status: "FAILED",
      attempts: 2,
    });
  });
});

describe("the tick, in each organization's own zone", () => {
  it("queues the weekly snapshot at Monday 00:00 in Tokyo and in Los Angeles, each at its own instant", async () => {
    const tokyo = await createPipelineOrganization("Tokyo KK");
    const la = await createPipelineOrganization("LA Inc");
    await db.organization.update({ where: { id: tokyo.organizationId }, data: { timeZone: "Asia/Tokyo" } });
    await db.organization.update({ where: { id: la.organizationId }, data: { timeZone: "America/Los_Angeles" } });
    // Both have their week of 30 November.
    for (const org of [tokyo, la])
      await runOrganizationJob("pipeline-snapshot", org.organizationId, "2026-11-30", new Date("2026-11-30T20:00:00Z"));

    const snapshotsQueued = async (instant: string) => {
      const queued: { organizationId: string; periodKey: string }[] = [];
      await tick(new Date(instant), async (task, payload) => {
        if (task === "pipeline-snapshot") queued.push(payload as { organizationId: string; periodKey: string });
        return {} as never;
      });
      return queued.filter((q) => q.organizationId === tokyo.organizationId || q.organizationId === la.organizationId);
    };
    // Sunday 14:59 UTC: 23:59 Sunday in Tokyo, 06:59 Sunday in Los Angeles.
    expect(await snapshotsQueued("2026-12-06T14:59:00Z")).toEqual([]);
    // Sunday 15:00 UTC: Monday 00:00 in Tokyo.
    expect(await snapshotsQueued("2026-12-06T15:00:00Z")).toEqual([
      { organizationId: tokyo.organizationId, periodKey: "2026-12-07" },
    ]);
    await runOrganizationJob("pipeline-snapshot", tokyo.organizationId, "2026-12-07", new Date("2026-12-06T15:00:00Z"));
    // Monday 07:59 UTC: still Sunday 23:59 in Los Angeles; Tokyo's week is done.
    expect(await snapshotsQueued("2026-12-07T07:59:00Z")).toEqual([]);
    // Monday 08:00 UTC: Monday 00:00 in Los Angeles.
    expect(await snapshotsQueued("2026-12-07T08:00:00Z")).toEqual([
      { organizationId: la.organizationId, periodKey: "2026-12-07" },
    ]);
    await runOrganizationJob("pipeline-snapshot", la.organizationId, "2026-12-07", new Date("2026-12-07T08:00:00Z"));

    const weeks = await db.pipelineSnapshot.findMany({
      where: { organizationId: { in: [tokyo.organizationId, la.organizationId] }, kind: "WEEKLY" },
      select: { organizationId: true, weekOf: true, takenAt: true },
      orderBy: [{ takenAt: "asc" }],
    });
    expect(weeks.map((w) => [w.organizationId, w.weekOf?.toISOString().slice(0, 10), w.takenAt.toISOString()])).toEqual(
      [
        [tokyo.organizationId, "2026-11-30", "2026-11-30T20:00:00.000Z"],
        [la.organizationId, "2026-11-30", "2026-11-30T20:00:00.000Z"],
        [tokyo.organizationId, "2026-12-07", "2026-12-06T15:00:00.000Z"],
        [la.organizationId, "2026-12-07", "2026-12-07T08:00:00.000Z"],
      ],
    );
  });
});

describe("the day after a month turns red", () => {
  it("the department head is emailed by the morning's digest, without anyone opening a page", async () => {
    const org = await createPipelineOrganization();
    await redNovember(org);
    // Tuesday 1 December 2026, 07:00 in New York: November is complete and red.
    setJobClock(new Date("2026-12-01T12:00:00Z"));
    const options = { connectionString, taskList: TASKS, noHandleSignals: true, logger: quiet } as const;
    await runOnce(options); // installs the queue
    const utils = await (await import("graphile-worker")).makeWorkerUtils({ connectionString, logger: quiet });
    await utils.addJob("tick", {});
    await utils.release();
    await runOnce(options);

    const [alert] = (await alertsOf(org.organizationId, org.users.legalHead.id)).filter((a) => a.kind === "redMonth");
    expect(alert).toMatchObject({ key: `redMonth:${org.legal.id}:2026-11`, clearedAt: null });
    expect(alert?.notifiedAt).toEqual(new Date("2026-12-01T12:00:00Z"));

    const dir = process.env.MAIL_DIR ?? "";
    const files = (await readdir(dir)).filter((f) => f.includes(org.users.legalHead.email));
    expect(files).toHaveLength(1);
    const raw = await readFile(path.join(dir, files[0] ?? ""), "utf8");
    expect(raw).toContain(`To: ${org.users.legalHead.email}`);
    expect(raw.replace(/=\r?\n/g, "")).toContain("Explain why November 2026 was red");
  });
});

describe("an alert follows its condition", () => {
  const at = (iso: string) => new Date(iso);

  it("opens for the head, clears when the narrative is written, reopens when it is emptied", async () => {
    const org = await createPipelineOrganization();
    await redNovember(org);
    const key = `redMonth:${org.legal.id}:2026-11`;
    const evaluate = (slot: string, instant: string) =>
      runOrganizationJob("evaluate-alerts", org.organizationId, slot, at(instant));

    await evaluate("2026-12-02T10:00", "2026-12-02T15:00:00Z");
    const opened = (await alertsOf(org.organizationId, org.users.legalHead.id)).find((a) => a.key === key);
    expect(opened).toMatchObject({ clearedAt: null, escalated: false, openedAt: at("2026-12-02T15:00:00Z") });
    // Not the billing head's, not yet the owner's (it has waited one day).
    expect((await alertsOf(org.organizationId, org.users.billingHead.id)).map((a) => a.key)).not.toContain(key);
    expect((await alertsOf(org.organizationId, org.owner.id)).map((a) => a.key)).not.toContain(key);

    await db.narrative.create({
      data: {
        organizationId: org.organizationId,
        departmentId: org.legal.id,
        month: monthToDbDate("2026-11"),
        why: "Two MSAs waited on redlines.",
        whatNext: "A template MSA by the 15th.",
      },
    });
    await evaluate("2026-12-02T10:15", "2026-12-02T15:15:00Z");
    const cleared = (await alertsOf(org.organizationId, org.users.legalHead.id)).find((a) => a.key === key);
    expect(cleared?.clearedAt).toEqual(at("2026-12-02T15:15:00Z"));
    // Each evaluation that changed something left its trace in the audit trail, as the job.
    const audits = await db.auditEvent.findMany({
      where: { organizationId: org.organizationId, action: "alerts.evaluated" },
      orderBy: { createdAt: "asc" },
      select: { actorKind: true, systemJob: true, after: true },
    });
    expect(audits.at(-1)).toEqual({
      actorKind: "SYSTEM",
      systemJob: "evaluate-alerts",
      after: expect.objectContaining({ opened: 0, cleared: 1 }),
    });

    await db.narrative.updateMany({ where: { organizationId: org.organizationId }, data: { whatNext: "" } });
    await evaluate("2026-12-02T10:30", "2026-12-02T15:30:00Z");
    const reopened = (await alertsOf(org.organizationId, org.users.legalHead.id)).find((a) => a.key === key);
    expect(reopened).toMatchObject({ id: opened?.id, clearedAt: null, notifiedAt: null });
    expect(reopened?.openedAt).toEqual(at("2026-12-02T15:30:00Z"));
  });

  it("still open after a week, it reaches the OWNER too, marked escalated", async () => {
    const org = await createPipelineOrganization();
    await redNovember(org);
    const key = `redMonth:${org.legal.id}:2026-11`;
    // 7 December: waiting 6 days (since 1 December) — the head's alone.
    await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-07T10:00", at("2026-12-07T15:00:00Z"));
    expect((await alertsOf(org.organizationId, org.owner.id)).map((a) => a.key)).not.toContain(key);
    // 8 December: waiting 7 days.
    await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-08T10:00", at("2026-12-08T15:00:00Z"));
    const owners = (await alertsOf(org.organizationId, org.owner.id)).find((a) => a.key === key);
    expect(owners).toMatchObject({ escalated: true, clearedAt: null });
    expect((await alertsOf(org.organizationId, org.users.legalHead.id)).find((a) => a.key === key)).toMatchObject({
      escalated: false,
      clearedAt: null,
    });
  });

  it("a member who leaves has their alerts cleared; another organization's alerts are untouched", async () => {
    const org = await createPipelineOrganization();
    const other = await createPipelineOrganization();
    await redNovember(org);
    await redNovember(other);
    await runOrganizationJob("evaluate-alerts", org.organizationId, "s1", at("2026-12-02T15:00:00Z"));
    await runOrganizationJob("evaluate-alerts", other.organizationId, "s1", at("2026-12-02T15:00:00Z"));
    const otherBefore = await db.alert.findMany({
      where: { organizationId: other.organizationId },
      orderBy: { id: "asc" },
    });

    await db.membership.deleteMany({ where: { organizationId: org.organizationId, userId: org.users.legalHead.id } });
    await runOrganizationJob("evaluate-alerts", org.organizationId, "s2", at("2026-12-02T15:15:00Z"));
    const left = await alertsOf(org.organizationId, org.users.legalHead.id);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((a) => a.clearedAt?.toISOString() === "2026-12-02T15:15:00.000Z")).toBe(true);
    expect(
      await db.alert.findMany({ where: { organizationId: other.organizationId }, orderBy: { id: "asc" } }),
    ).toEqual(otherBefore);
  });
});
