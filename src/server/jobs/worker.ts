import "server-only";
import { Logger, run, runOnce, type Runner } from "graphile-worker";
import { ALERT_SLOT_MINUTES } from "@/lib/schedule";
import { TASKS, type TTickScope } from "./tasks";

/** The tick every quarter hour (UTC minutes 0, 15, 30, 45 are quarter hours in every real zone). */
export const CRONTAB = `*/${ALERT_SLOT_MINUTES} * * * * tick ?max=1\n`;

/** graphile-worker's own log, warnings and errors only (a job's failure names the job and the error). */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker] ${message}`);
});

/**
 * The job runner: graphile-worker on the app's own PostgreSQL (its tables in the graphile_worker
 * schema, created on start). Any number of these may run: a job is locked by the worker that takes
 * it, and the cron tick is deduplicated across workers. At start it queues a tick at once, so
 * periods that fell due while no worker ran are caught up.
 */
export async function startWorker(connectionString: string, options: { concurrency?: number } = {}): Promise<Runner> {
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 2,
    maxPoolSize: 4,
    taskList: TASKS,
    crontab: CRONTAB,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger,
  });
  await runner.addJob("tick", {}, { jobKey: "tick-at-start", jobKeyMode: "replace" });
  return runner;
}

/**
 * Queues a tick (for every organization, or one) and runs every job that is ready until none is
 * left (`npm run worker -- --once`).
 */
export async function runDueJobsOnce(connectionString: string, only?: TTickScope): Promise<void> {
  const options = { connectionString, taskList: TASKS, noHandleSignals: true, logger: quietLogger } as const;
  // runOnce installs the schema; the tick then queues what is due and the next pass runs it all.
  await runOnce(options);
  const { makeWorkerUtils } = await import("graphile-worker");
  const utils = await makeWorkerUtils({ connectionString, logger: quietLogger });
  try {
    await utils.addJob("tick", only ?? {}, { jobKey: "tick-once", jobKeyMode: "replace" });
  } finally {
    await utils.release();
  }
  await runOnce(options);
}
