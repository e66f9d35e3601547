import "server-only";
import type { TJobName } from "@/lib/schedule";
import { db, type Tx } from "../db";
import type { TTenantContext } from "../tenant";

export type TRunOutcome = { ran: true; summary: string } | { ran: false; reason: "already-done" };

/** Long enough for a large organization's snapshot or evaluation; a stuck run is rolled back. */
const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs one organization's job for one period at most once, however often it is queued or retried
 * and however many workers run: a transaction-scoped advisory lock on (organization, job, period)
 * serializes concurrent runs, and a period whose JobRun succeeded is skipped. The work runs in the
 * same transaction as the SUCCEEDED mark, so a crash or an error leaves nothing half-written and
 * the period due; the error is recorded (attempts, last error) and rethrown for the queue's retry
 * with backoff.
 */
export async function runJobOnce(
  ctx: TTenantContext,
  job: TJobName,
  periodKey: string,
  now: Date,
  work: (tx: Tx) => Promise<string>,
): Promise<TRunOutcome> {
  const { organizationId } = ctx;
  const where = { organizationId_job_periodKey: { organizationId, job, periodKey } };
  // On the job's clock (`now`, fixed in tests) plus the real time the run took.
  const started = Date.now();
  const finishedAt = () => new Date(now.getTime() + (Date.now() - started));
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${organizationId}\n${job}\n${periodKey}`}, 0))`;
        const previous = await tx.jobRun.findUnique({ where, select: { status: true } });
        if (previous?.status === "SUCCEEDED") return { ran: false as const, reason: "already-done" as const };
        const summary = await work(tx);
        await tx.jobRun.upsert({
          where,
          create: {
            organizationId,
            job,
            periodKey,
            status: "SUCCEEDED",
            attempts: 1,
            startedAt: now,
            finishedAt: finishedAt(),
            summary,
          },
          update: {
            status: "SUCCEEDED",
            attempts: { increment: 1 },
            finishedAt: finishedAt(),
            summary,
            lastError: null,
          },
        });
        return { ran: true as const, summary };
      },
      { timeout: RUN_TIMEOUT_MS, maxWait: RUN_TIMEOUT_MS },
    );
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await db.jobRun.upsert({
      where,
      create: {
        organizationId,
        job,
        periodKey,
        status: "FAILED",
        attempts: 1,
        startedAt: now,
        finishedAt: finishedAt(),
        lastError: message,
      },
      update: { status: "FAILED", attempts: { increment: 1 }, finishedAt: finishedAt(), lastError: message },
    });
    throw error;
  }
}

/** Whether (organization, job, period) has already run: the tick queues only periods still due. */
export async function hasRun(ctx: TTenantContext, job: TJobName, periodKey: string): Promise<boolean> {
  const run = await db.jobRun.findUnique({
    where: { organizationId_job_periodKey: { organizationId: ctx.organizationId, job, periodKey } },
    select: { status: true },
  });
  return run?.status === "SUCCEEDED";
}
