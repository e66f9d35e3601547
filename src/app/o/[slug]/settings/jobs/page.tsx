import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { JOB_LABELS } from "@/lib/schedule";
import { canOpenSettings } from "@/lib/settings-sections";
import { cn } from "@/lib/cn";
import { now } from "@/server/clock";
import { getJobHistory, type TJobRunRow } from "@/server/jobs/history";
import { getRequestLocale } from "@/server/locale";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Scheduled jobs · Settings" };

const STATUS: Record<TJobRunRow["status"], { label: string; className: string }> = {
  SUCCEEDED: { label: "✓ Succeeded", className: "text-emerald-700 dark:text-emerald-400" },
  RUNNING: { label: "… Running", className: "text-zinc-600 dark:text-zinc-400" },
  FAILED: { label: "✕ Failed, retrying", className: "text-red-700 dark:text-red-400" },
};

/** The owners' view of the job runner: what runs when, how it last went, and what failed. */
export default async function JobsSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "jobs")) return <SettingsNotAllowed ctx={ctx} />;
  const [history, locale] = await Promise.all([getJobHistory(ctx, await now()), getRequestLocale()]);
  const { timeZone } = ctx.organization;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const time = (d: Date) => <time dateTime={d.toISOString()}>{when.format(d)}</time>;
  return (
    <>
      <Card
        title="Scheduled jobs"
        description={`Jobs run in the organization's time zone (${timeZone}). A failed run is retried with growing pauses; alerts are never dropped.`}
      >
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Jobs">
          {history.jobs.map((j) => (
            <li key={j.job} className="py-3" data-testid="job-overview" data-job={j.job}>
              <p className="font-medium">{j.description}</p>
              <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
                <div>
                  <dt className="inline">Last run: </dt>
                  <dd className="inline">
                    {j.lastRun ? (
                      <>
                        {time(j.lastRun.finishedAt ?? j.lastRun.startedAt)}{" "}
                        <span className={cn("font-medium", STATUS[j.lastRun.status].className)}>
                          {STATUS[j.lastRun.status].label}
                        </span>
                      </>
                    ) : (
                      "not yet"
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="inline">Next run: </dt>
                  <dd className="inline">{j.nextRun ? time(j.nextRun) : "when the next month is closed"}</dd>
                </div>
                <div>
                  <dt className="inline">Failing: </dt>
                  <dd className={cn("inline", j.failing > 0 && "font-medium text-red-700 dark:text-red-400")}>
                    {j.failing === 0 ? "none" : j.failing === 1 ? "1 period" : `${j.failing} periods`}
                  </dd>
                </div>
              </dl>
              {j.lastRun?.summary && <p className="mt-1 text-sm break-words">{j.lastRun.summary}</p>}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Recent runs" description="The latest 25 runs, newest first, with the error of any that failed.">
        {history.recent.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No job has run yet. The job runner starts with the app (or with npm run worker).
          </p>
        ) : (
          <ScrollRegion label="Recent job runs">
            <table className="w-full text-sm">
              <caption className="sr-only">Recent job runs, newest first</caption>
              <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Job
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Period
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Finished
                  </th>
                  <th scope="col" className="py-1.5 font-medium">
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
                {history.recent.map((r) => (
                  <tr key={r.id} data-testid="job-run">
                    <td className="py-2 pr-3 whitespace-nowrap">{JOB_LABELS[r.job] ?? r.job}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{r.periodKey.replace("T", " ")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                      {r.finishedAt ? time(r.finishedAt) : "—"}
                    </td>
                    <td className="min-w-48 py-2 break-words">
                      <span className={cn("font-medium", STATUS[r.status].className)}>{STATUS[r.status].label}</span>
                      {r.attempts > 1 && <span className="text-zinc-500"> · {r.attempts} attempts</span>}
                      {(r.status === "FAILED" ? r.lastError : r.summary) && (
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                          {r.status === "FAILED" ? r.lastError : r.summary}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </>
  );
}
