import "server-only";
import { JOB_DESCRIPTIONS, JOB_NAMES, nextRun, type TJobName } from "@/lib/schedule";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

export type TJobRunRow = {
  id: string;
  job: TJobName;
  periodKey: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  summary: string | null;
  lastError: string | null;
};

export type TJobOverview = {
  job: TJobName;
  description: string;
  lastRun: TJobRunRow | null;
  /** Null for a job that follows an event (the board pack: a month's close). */
  nextRun: Date | null;
  /** Runs that have failed at least once and not succeeded since (still retrying or given up). */
  failing: number;
};

const RECENT = 25;

/**
 * What the owners' job history shows: per job its last run, when it runs next and how many periods
 * are failing; then the latest runs with their errors. Read from the organization's JobRun rows.
 */
export async function getJobHistory(ctx: TTenantContext, now: Date) {
  const { organizationId } = ctx;
  const [latest, failing, recent] = await Promise.all([
    Promise.all(
      JOB_NAMES.map((job) =>
        db.jobRun.findFirst({ where: { organizationId, job }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] }),
      ),
    ),
    db.jobRun.groupBy({ by: ["job"], where: { organizationId, status: "FAILED" }, _count: { _all: true } }),
    db.jobRun.findMany({
      where: { organizationId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: RECENT,
    }),
  ]);
  const jobs: TJobOverview[] = JOB_NAMES.map((job, i) => ({
    job,
    description: JOB_DESCRIPTIONS[job],
    lastRun: (latest[i] as TJobRunRow | null) ?? null,
    nextRun: nextRun(job, now, ctx.organization.timeZone),
    failing: failing.find((f) => f.job === job)?._count._all ?? 0,
  }));
  return { jobs, recent: recent as TJobRunRow[] };
}
