import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Logger, makeWorkerUtils, runOnce } from "graphile-worker";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { monthToDbDate } from "@/lib/period";
import { deliverBoardPack } from "@/server/board-pack/deliver";
import { setBoardPackRecipients } from "@/server/board-pack/recipients";
import { db } from "@/server/db";
import { setJobClock, TASKS } from "@/server/jobs/tasks";
import { tenantOf } from "../factories";
import { createPipelineOrganization } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 15: an OWNER chooses who receives the board pack; when a month is closed the job runner
// emails each of them that month's pack as a PDF, once.

const connectionString = process.env.DATABASE_URL ?? "";
const quiet = new Logger(() => (level, message) => {
  if (level === "error") console.error(message);
});

async function runJobsAt(instant: string) {
  setJobClock(new Date(instant));
  const options = { connectionString, taskList: TASKS, noHandleSignals: true, logger: quiet } as const;
  await runOnce(options);
  const utils = await makeWorkerUtils({ connectionString, logger: quiet });
  await utils.addJob("tick", {});
  await utils.release();
  await runOnce(options);
}

async function mailTo(address: string) {
  const dir = process.env.MAIL_DIR ?? "";
  const files = (await readdir(dir)).filter((f) => f.includes(`-${address}-`));
  return Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
}

beforeEach(async () => {
  await db.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN DELETE FROM graphile_worker._private_jobs; END IF;
  END $$`);
});
afterEach(() => setJobClock(null));

describe("choosing the board pack's recipients", () => {
  it("an owner chooses members; finance may not; someone outside the organization is not found and nothing changes", async () => {
    const org = await createPipelineOrganization();
    const other = await createPipelineOrganization();
    expect(
      expectOk(await setBoardPackRecipients(org.owner.id, org.slug, { userIds: [org.owner.id, org.users.viewer.id] })),
    ).toEqual({ count: 2 });
    const chosen = await db.boardPackRecipient.findMany({ where: { organizationId: org.organizationId } });
    expect(chosen.map((r) => r.userId).sort()).toEqual([org.owner.id, org.users.viewer.id].sort());

    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await setBoardPackRecipients(org.users.finance.id, org.slug, { userIds: [] }), "FORBIDDEN");
    // Another organization's member named as a recipient.
    expectFailure(
      await setBoardPackRecipients(org.owner.id, org.slug, { userIds: [org.owner.id, other.owner.id] }),
      "NOT_FOUND",
    );
    // Another organization's owner, through this organization's slug and through their own.
    expectFailure(await setBoardPackRecipients(other.owner.id, org.slug, { userIds: [] }), "NOT_FOUND");
    expectFailure(
      await setBoardPackRecipients(other.owner.id, other.slug, { userIds: [org.users.viewer.id] }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expect(await db.boardPackRecipient.count({ where: { organizationId: other.organizationId } })).toBe(0);
  });
});

describe("the board pack of a closed month", () => {
  it("is emailed once to each recipient who takes email, with the PDF attached", async () => {
    const org = await createPipelineOrganization();
    expectOk(
      await setBoardPackRecipients(org.owner.id, org.slug, {
        userIds: [org.owner.id, org.users.viewer.id, org.users.finance.id],
      }),
    );
    await db.user.update({ where: { id: org.users.finance.id }, data: { emailFrequency: "NONE" } });
    await db.periodClose.create({ data: { organizationId: org.organizationId, month: monthToDbDate("2026-11") } });

    await runJobsAt("2026-12-04T15:00:00Z");
    const run = await db.jobRun.findFirst({ where: { organizationId: org.organizationId, job: "board-pack" } });
    expect(run).toMatchObject({ periodKey: "2026-11", status: "SUCCEEDED", attempts: 1 });
    const deliveries = await db.boardPackDelivery.findMany({
      where: { organizationId: org.organizationId },
      select: { userId: true, month: true },
    });
    expect(deliveries.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [org.owner.id, org.users.viewer.id].sort().map((userId) => ({ userId, month: "2026-11" })),
    );
    for (const user of [org.owner, org.users.viewer]) {
      const mails = await mailTo(user.email);
      expect(mails).toHaveLength(1);
      const mail = await simpleParser(mails[0] ?? "");
      expect(mail.subject).toBe(`${org.organization.name} — board pack, November 2026`);
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        [`${org.slug}-board-pack-m-2026-11.pdf`, "application/pdf"],
      ]);
      expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(await mailTo(org.users.finance.email)).toHaveLength(0);

    // The next tick finds November sent; a retried send sends nothing.
    await runJobsAt("2026-12-04T15:15:00Z");
    expect(await db.boardPackDelivery.count({ where: { organizationId: org.organizationId } })).toBe(2);
    const ctx = await tenantOf(org.organizationId);
    expect(await deliverBoardPack(ctx, org.owner.id, "2026-11", new Date("2026-12-04T15:20:00Z"))).toEqual({
      sent: false,
    });
    expect(await mailTo(org.owner.email)).toHaveLength(1);
  });

  it("without recipients, closing a month queues nothing", async () => {
    const org = await createPipelineOrganization();
    await db.periodClose.create({ data: { organizationId: org.organizationId, month: monthToDbDate("2026-11") } });
    await runJobsAt("2026-12-04T15:00:00Z");
    expect(await db.jobRun.count({ where: { organizationId: org.organizationId, job: "board-pack" } })).toBe(0);
    expect(await db.boardPackDelivery.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });
});
