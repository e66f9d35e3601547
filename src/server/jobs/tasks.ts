import "server-only";
import type { JobHelpers, TaskList } from "graphile-worker";
import { z } from "zod";
import { JOB_NAMES, duePeriod, localDayOf, type TJobName } from "@/lib/schedule";
import { plural } from "@/lib/format";
import { evaluateAlerts, membersToNotifyNow } from "../alerts/evaluate";
import { db, type Tx } from "../db";
import { deliverBoardPack } from "../board-pack/deliver";
import { deliverAlerts } from "../notifications/deliver";
import { takeWeeklySnapshot } from "../pipeline/snapshots";
import { systemContext, type TTenantContext } from "../tenant";
import { runJobOnce } from "./run-once";

// The scheduled jobs (DESIGN.md "Alerts, jobs and email") as graphile-worker tasks. A cron "tick"
// every quarter hour (and once at worker start) asks, for each organization in its own zone, which
// periods are due and not yet run, and queues one job per (job, organization, period) under a job
// key. Each job runs at most once per period (run-once.ts), retries with backoff when it fails, and
// acts as the system actor. Emails are their own jobs, one per person, queued in the same
// transaction as the run that decided them: a crash never loses one, a retry never sends one twice
// (notifications/deliver.ts records each delivery under a unique key).

/** Retries with graphile-worker's exponential backoff (about 1 h 40 min across all of them). */
const MAX_ATTEMPTS = 10;

let clock: () => Date = () => new Date();
/** The jobs' "now": the real clock, or a fixed instant for `npm run worker -- --once --at` in tests. */
export function setJobClock(fixed: Date | null): void {
  clock = fixed ? () => fixed : () => new Date();
}
export const jobNow = () => clock();

const ZOrganizationJob = z.object({ organizationId: z.string().min(1), periodKey: z.string().min(1) });
const ZSendBoardPack = z.object({
  organizationId: z.string().min(1),
  userId: z.string().min(1),
  month: z.string().regex(/^\d{4}-\d{2}$/),
});
const ZTickPayload = z.object({ organizationId: z.string().min(1).optional() });
const ZSendAlerts = ZOrganizationJob.extend({
  userId: z.string().min(1),
  kind: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"]),
});

/** Queues a job inside `tx`: it exists exactly when the transaction that decided it commits. */
async function addJobInTx(tx: Tx, task: string, payload: object, jobKey: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${task}, payload => ${JSON.stringify(payload)}::json, job_key => ${jobKey},
    max_attempts => ${MAX_ATTEMPTS}, job_key_mode => 'preserve_run_at')`;
}

async function queueSends(
  tx: Tx,
  ctx: TTenantContext,
  kind: z.infer<typeof ZSendAlerts>["kind"],
  periodKey: string,
  userIds: string[],
): Promise<void> {
  for (const userId of userIds) {
    const payload = { organizationId: ctx.organizationId, userId, kind, periodKey };
    await addJobInTx(tx, "send-alerts", payload, `send-alerts:${kind}:${ctx.organizationId}:${userId}:${periodKey}`);
  }
}

/** Members of the organization who chose this digest. */
async function digestReaders(tx: Tx, ctx: TTenantContext, kind: "DAILY" | "WEEKLY"): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { organizationId: ctx.organizationId, user: { emailFrequency: kind } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** The board pack's recipients who take email (verified, not unsubscribed). */
async function boardPackReaders(tx: Tx, ctx: TTenantContext): Promise<string[]> {
  const rows = await tx.boardPackRecipient.findMany({
    where: {
      organizationId: ctx.organizationId,
      membership: { user: { emailVerifiedAt: { not: null }, emailFrequency: { not: "NONE" } } },
    },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

const evaluationSummary = (e: Awaited<ReturnType<typeof evaluateAlerts>>) =>
  `${plural(e.opened, "alert")} opened, ${e.cleared} cleared, ${e.open} open for ${plural(e.members, "member")}`;

/** What each organization job does for its period, inside the run's transaction. */
const WORK: Record<TJobName, (tx: Tx, ctx: TTenantContext, periodKey: string, now: Date) => Promise<string>> = {
  "pipeline-snapshot": async (tx, ctx, periodKey, now) => {
    const taken = await takeWeeklySnapshot(tx, ctx, now, periodKey);
    return taken ? `Snapshot of the week of ${periodKey} taken` : `The week of ${periodKey} already had a snapshot`;
  },
  "evaluate-alerts": async (tx, ctx, periodKey, now) => {
    const evaluation = await evaluateAlerts(tx, ctx, now);
    const notify = await membersToNotifyNow(tx, ctx, localDayOf(now, ctx.organization.timeZone));
    await queueSends(tx, ctx, "IMMEDIATE", periodKey, notify);
    return `${evaluationSummary(evaluation)}; ${plural(notify.length, "immediate email")} queued`;
  },
  "daily-digest": async (tx, ctx, periodKey, now) => {
    const evaluation = await evaluateAlerts(tx, ctx, now);
    const readers = await digestReaders(tx, ctx, "DAILY");
    await queueSends(tx, ctx, "DAILY", periodKey, readers);
    return `${evaluationSummary(evaluation)}; ${plural(readers.length, "digest")} queued`;
  },
  "board-pack": async (tx, ctx, periodKey) => {
    const readers = await boardPackReaders(tx, ctx);
    for (const userId of readers) {
      const payload = { organizationId: ctx.organizationId, userId, month: periodKey };
      await addJobInTx(tx, "send-board-pack", payload, `send-board-pack:${ctx.organizationId}:${userId}:${periodKey}`);
    }
    return `The board pack of ${periodKey} queued for ${plural(readers.length, "member")}`;
  },
  "weekly-digest": async (tx, ctx, periodKey, now) => {
    const evaluation = await evaluateAlerts(tx, ctx, now);
    const readers = await digestReaders(tx, ctx, "WEEKLY");
    await queueSends(tx, ctx, "WEEKLY", periodKey, readers);
    return `${evaluationSummary(evaluation)}; ${plural(readers.length, "digest")} queued`;
  },
};

/** Runs one organization's job for one period (at most once). */
export async function runOrganizationJob(job: TJobName, organizationId: string, periodKey: string, now: Date) {
  const ctx = await systemContext(organizationId, job);
  return runJobOnce(ctx, job, periodKey, now, (tx) => WORK[job](tx, ctx, periodKey, now));
}

async function latestClosedMonthWithReaders(organizationId: string): Promise<string | null> {
  const [closed, readers] = await Promise.all([
    db.periodClose.findFirst({ where: { organizationId }, orderBy: { month: "desc" }, select: { month: true } }),
    db.boardPackRecipient.count({ where: { organizationId } }),
  ]);
  return closed && readers > 0 ? closed.month.toISOString().slice(0, 7) : null;
}

/**
 * The quarter-hourly evaluation's runs older than this are pruned (96 a day). The other jobs' runs
 * are kept: they are few, and the board pack's marks its month sent for good.
 */
const HISTORY_DAYS = 30;

/** A tick for one organization (`npm run worker -- --once --organization`), or for all when absent. */
export type TTickScope = { organizationId: string };

/**
 * Queues every (job, organization, period) that is due at `now` and has not run. Returns how many
 * were queued. The job key makes a period queued twice one job.
 */
export async function tick(now: Date, addJob: JobHelpers["addJob"], only?: TTickScope): Promise<number> {
  const organizations = await db.organization.findMany({
    where: only ? { id: only.organizationId } : {},
    select: { id: true, timeZone: true },
  });
  let queued = 0;
  for (const organization of organizations) {
    const due: { job: TJobName; periodKey: string }[] = JOB_NAMES.flatMap((job) => {
      const periodKey = duePeriod(job, now, organization.timeZone);
      return periodKey ? [{ job, periodKey }] : [];
    });
    // The board pack of the latest closed month, once, when anyone is to receive it.
    const packMonth = await latestClosedMonthWithReaders(organization.id);
    if (packMonth) due.push({ job: "board-pack", periodKey: packMonth });
    const done = await db.jobRun.findMany({
      where: { organizationId: organization.id, status: "SUCCEEDED", OR: due },
      select: { job: true, periodKey: true },
    });
    for (const { job, periodKey } of due) {
      if (done.some((d) => d.job === job && d.periodKey === periodKey)) continue;
      await addJob(
        job,
        { organizationId: organization.id, periodKey },
        { jobKey: `${job}:${organization.id}:${periodKey}`, jobKeyMode: "preserve_run_at", maxAttempts: MAX_ATTEMPTS },
      );
      queued++;
    }
  }
  await db.jobRun.deleteMany({
    where: {
      job: "evaluate-alerts",
      status: "SUCCEEDED",
      startedAt: { lt: new Date(now.getTime() - HISTORY_DAYS * 86_400_000) },
    },
  });
  return queued;
}

const organizationTask = (job: TJobName) => async (payload: unknown, helpers: JobHelpers) => {
  const { organizationId, periodKey } = ZOrganizationJob.parse(payload);
  const outcome = await runOrganizationJob(job, organizationId, periodKey, jobNow());
  helpers.logger.debug(outcome.ran ? outcome.summary : `${job} ${periodKey}: already done`);
};

export const TASKS: TaskList = {
  tick: async (payload, helpers) => {
    // The cron's ticks carry no organization (all of them); `npm run worker -- --once --organization` names one.
    const only = ZTickPayload.safeParse(payload);
    await tick(
      jobNow(),
      helpers.addJob,
      only.success && only.data.organizationId ? { organizationId: only.data.organizationId } : undefined,
    );
  },
  "pipeline-snapshot": organizationTask("pipeline-snapshot"),
  "evaluate-alerts": organizationTask("evaluate-alerts"),
  "daily-digest": organizationTask("daily-digest"),
  "weekly-digest": organizationTask("weekly-digest"),
  "board-pack": organizationTask("board-pack"),
  "send-board-pack": async (payload) => {
    const { organizationId, userId, month } = ZSendBoardPack.parse(payload);
    const ctx = await systemContext(organizationId, "send-board-pack");
    await deliverBoardPack(ctx, userId, month, jobNow());
  },
  "send-alerts": async (payload) => {
    const { organizationId, userId, kind, periodKey } = ZSendAlerts.parse(payload);
    const ctx = await systemContext(organizationId, "send-alerts");
    await deliverAlerts(ctx, userId, kind, periodKey, jobNow());
  },
};
