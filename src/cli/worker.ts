// The job runner on its own: `npm run worker` for deployments that run it beside the app (the
// README's run command starts one itself). `--once` runs what is due now and exits (with
// `--organization <slug>`, for that organization only); with ALLOW_TEST_CLOCK=1, `--at <ISO
// instant>` fixes the jobs' clock (end-to-end tests).
import { existsSync } from "node:fs";
import path from "node:path";
import { mailDestination } from "@/server/email/mailer";
import { setJobClock } from "@/server/jobs/tasks";
import { runDueJobsOnce, startWorker } from "@/server/jobs/worker";

const root = path.resolve(import.meta.dirname, "../..");
for (const file of [".env.local", ".env"])
  if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/revtrace).");
    return 2;
  }
  const at = option("--at");
  if (at) {
    if (process.env.ALLOW_TEST_CLOCK !== "1" || process.env.REVTRACE_RUN_COMMAND === "1") {
      console.error("--at is for tests only: it needs ALLOW_TEST_CLOCK=1.");
      return 2;
    }
    const fixed = new Date(at);
    if (Number.isNaN(fixed.getTime())) {
      console.error(`--at: "${at}" is not an ISO instant (e.g. 2026-12-01T08:00:00Z).`);
      return 2;
    }
    setJobClock(fixed);
  }
  console.log(mailDestination());
  if (process.argv.includes("--once")) {
    const slug = option("--organization");
    let only: { organizationId: string } | undefined;
    if (slug) {
      const { db } = await import("@/server/db");
      const organization = await db.organization.findUnique({ where: { slug }, select: { id: true } });
      if (!organization) {
        console.error(`--organization: no organization "${slug}".`);
        return 2;
      }
      only = { organizationId: organization.id };
    }
    await runDueJobsOnce(connectionString, only);
    console.log("Ran every job that was due.");
    return 0;
  }
  const runner = await startWorker(connectionString);
  console.log("Job runner started: pipeline snapshots, alerts and digests, in each organization's time zone.");
  const stop = () => void runner.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await runner.promise;
  return 0;
}

main().then(
  (code) => {
    if (code !== 0 || process.argv.includes("--once")) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
