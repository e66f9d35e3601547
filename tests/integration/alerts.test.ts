import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { snoozeAlert, wakeAlert } from "@/server/alerts/snooze";
import { db } from "@/server/db";
import { getInbox } from "@/server/inbox/queries";
import { runOrganizationJob } from "@/server/jobs/tasks";
import { deliverAlerts } from "@/server/notifications/deliver";
import { resolveTenant } from "@/server/tenant";
import { tenantOf } from "../factories";
import { insertKpi, insertKpiValue } from "../factories/accountability";
import { createPipelineOrganization, type TPipelineOrganization } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 14: snoozing an item of My work — for days, with a reason, audited; hidden from the list,
// the count and the emails until it ends; only one's own items, only in one's own organization.

const THU = new Date("2026-12-03T15:00:00Z"); // Thursday 3 December 2026, 10:00 in New York

async function redNovember(org: TPipelineOrganization) {
  const kpi = await insertKpi(org.organizationId, org.legal.id, {
    name: "Contracts countersigned",
    targetScaled: 1_000n,
  });
  await insertKpiValue(org.organizationId, kpi.id, "2026-11", 500n, 1_000n);
  return `redMonth:${org.legal.id}:2026-11`;
}

async function inboxAt(userId: string, slug: string, at: Date) {
  const ctx = await resolveTenant(userId, slug);
  if (!ctx) throw new Error("not a member");
  return getInbox(ctx, at);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(THU);
});
afterEach(() => vi.useRealTimers());

describe("snoozing an item of My work", () => {
  it("hides it (and its count) until the chosen day, keeps the reason in the audit trail, then it returns", async () => {
    const org = await createPipelineOrganization();
    const key = await redNovember(org);
    const head = org.users.legalHead.id;
    const before = await inboxAt(head, org.slug, THU);
    expect(before.items.map((i) => i.key)).toContain(key);

    const result = expectOk(
      await snoozeAlert(head, org.slug, { key, days: "3", reason: "Waiting for the signed MSAs from counsel" }),
    );
    expect(result).toEqual({ until: "2026-12-06" });

    const snoozed = await inboxAt(head, org.slug, THU);
    expect(snoozed.items.map((i) => i.key)).not.toContain(key);
    expect(snoozed.total).toBe(before.total - 1);
    expect(snoozed.snoozed).toEqual([
      expect.objectContaining({ until: "2026-12-06", reason: "Waiting for the signed MSAs from counsel" }),
    ]);
    // Saturday 5 December, 23:59 in New York: still snoozed.
    expect((await inboxAt(head, org.slug, new Date("2026-12-06T04:59:00Z"))).items.map((i) => i.key)).not.toContain(
      key,
    );
    // Sunday 6 December, 00:00 in New York: the snooze has ended; it is back and counted.
    const back = await inboxAt(head, org.slug, new Date("2026-12-06T05:00:00Z"));
    expect(back.items.map((i) => i.key)).toContain(key);
    expect(back.snoozed).toEqual([]);

    const audit = await db.auditEvent.findMany({
      where: { organizationId: org.organizationId, action: "alert.snoozed" },
      select: { actorId: true, actorKind: true, after: true },
    });
    expect(audit).toEqual([
      {
        actorId: head,
        actorKind: "MEMBER",
        after: expect.objectContaining({
          key,
          snoozedUntil: "2026-12-06",
          snoozeReason: "Waiting for the signed MSAs from counsel",
        }),
      },
    ]);
  });

  it("the evaluation keeps a snoozed alert open and snoozed, and no immediate email goes out for it", async () => {
    const org = await createPipelineOrganization();
    const key = await redNovember(org);
    const head = org.users.legalHead.id;
    await db.user.update({ where: { id: head }, data: { emailFrequency: "IMMEDIATE" } });
    expectOk(await snoozeAlert(head, org.slug, { key, days: "7", reason: "Counsel is on leave this week" }));
    await runOrganizationJob("evaluate-alerts", org.organizationId, "2026-12-03T10:00", THU);
    const alerts = await db.alert.findMany({ where: { organizationId: org.organizationId, userId: head } });
    expect(alerts.find((a) => a.key === key)).toMatchObject({
      clearedAt: null,
      snoozeReason: "Counsel is on leave this week",
      notifiedAt: null,
    });
    expect(
      alerts
        .find((a) => a.key === key)
        ?.snoozedUntil?.toISOString()
        .slice(0, 10),
    ).toBe("2026-12-10");
    // The red month is the head's only alert, and it is snoozed: no immediate email is queued, and
    // delivering now would find nothing to send.
    expect(alerts.map((a) => a.key)).toEqual([key]);
    const run = await db.jobRun.findFirst({ where: { organizationId: org.organizationId, job: "evaluate-alerts" } });
    expect(run?.summary).toMatch(/; 0 immediate emails queued$/);
    const ctx = await tenantOf(org.organizationId);
    expect(await deliverAlerts(ctx, head, "IMMEDIATE", "2026-12-03T10:00", THU)).toEqual({
      sent: false,
      alertCount: 0,
    });
  });

  it("wake up brings it back today; the reason is required; an item not owed cannot be snoozed", async () => {
    const org = await createPipelineOrganization();
    const key = await redNovember(org);
    const head = org.users.legalHead.id;
    expect(await snoozeAlert(head, org.slug, { key, days: "3", reason: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { reason: [expect.stringMatching(/^Reason: say why/)] },
    });
    expect(await snoozeAlert(head, org.slug, { key, days: "5", reason: "A week" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { days: ["Snooze for: choose 1, 3, 7 or 14 days."] },
    });
    // Billing's head does not owe Legal's red month.
    expectFailure(
      await snoozeAlert(org.users.billingHead.id, org.slug, { key, days: "3", reason: "Not mine" }),
      "NOT_FOUND",
    );
    // A viewer is given no work to snooze.
    expectFailure(await snoozeAlert(org.users.viewer.id, org.slug, { key, days: "3", reason: "Hmm" }), "FORBIDDEN");
    expect(await db.alert.count({ where: { organizationId: org.organizationId } })).toBe(0);

    expectOk(await snoozeAlert(head, org.slug, { key, days: "1", reason: "Tomorrow" }));
    expectOk(await wakeAlert(head, org.slug, { key }));
    expect((await inboxAt(head, org.slug, THU)).items.map((i) => i.key)).toContain(key);
    expectFailure(await wakeAlert(head, org.slug, { key }), "NOT_FOUND");
  });

  it("a member of another organization gets not-found and nothing changes", async () => {
    const org = await createPipelineOrganization();
    const other = await createPipelineOrganization();
    const key = await redNovember(org);
    expectOk(await snoozeAlert(org.users.legalHead.id, org.slug, { key, days: "3", reason: "Waiting on counsel" }));
    const before = await snapshotOrganization(org.organizationId);
    // The other organization's head, through this organization's slug and through their own.
    expectFailure(
      await snoozeAlert(other.users.legalHead.id, org.slug, { key, days: "3", reason: "Mine now" }),
      "NOT_FOUND",
    );
    expectFailure(await wakeAlert(other.users.legalHead.id, org.slug, { key }), "NOT_FOUND");
    expectFailure(
      await snoozeAlert(other.users.legalHead.id, other.slug, { key, days: "3", reason: "Mine now" }),
      "NOT_FOUND",
    );
    expectFailure(await wakeAlert(other.users.legalHead.id, other.slug, { key }), "NOT_FOUND");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expect(await db.alert.count({ where: { organizationId: other.organizationId } })).toBe(0);
  });
});
