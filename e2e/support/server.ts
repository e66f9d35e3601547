// Playwright's web server: a fresh "revtrace_e2e_<port>" database (on DATABASE_URL's server, or an
// embedded PostgreSQL when none is given), migrated and seeded, then a production build served
// from its own dist folder so it never clobbers a developer's .next.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { ensureDatabase, startEmbeddedPostgres } from "../../prisma/tools/embedded-postgres";
import { deployMigrations } from "../../prisma/tools/schema-engine";
import { seedDemo } from "../../prisma/seed";
import { createPrismaClient } from "@/server/db";
import { mailDir } from "./mail";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";

let serverUrl = process.env.DATABASE_URL;
const embedded = serverUrl
  ? undefined
  : await startEmbeddedPostgres({
      dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), "revtrace-e2e-pg-")), "data"),
      port: Number(process.env.E2E_PG_PORT ?? 54332),
      persistent: false,
    });
serverUrl ??= embedded?.serverUrl ?? "";
// Named by port, so two suites on one machine (say, two developers' runs) never share a database.
const databaseUrl = await ensureDatabase(serverUrl, `revtrace_e2e_${port}`, { fresh: true });
await deployMigrations(databaseUrl);
const db = createPrismaClient(databaseUrl);
await seedDemo(db);
await db.$disconnect();

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
  // Journeys on a fixed date set the `revtrace-test-now` cookie (src/server/clock.ts).
  ALLOW_TEST_CLOCK: "1",
  // No SMTP_URL: every message is an .eml file in a folder of this port, emptied now (e2e/support/mail.ts).
  MAIL_DIR: mailDir(port),
  SMTP_URL: "",
};
rmSync(env.MAIL_DIR, { recursive: true, force: true });
const next = path.join(root, "node_modules", ".bin", "next");
const run = (args: string[]) =>
  new Promise<number>((resolve) =>
    spawn(next, args, { cwd: root, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1)),
  );

if (!process.env.E2E_SKIP_BUILD) {
  const code = await run(["build"]);
  if (code !== 0) process.exit(code);
}
const code = await run(["start", "-p", port]);
await embedded?.stop();
process.exit(code);
