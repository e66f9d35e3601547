// The README's run command: the app on http://localhost:$PORT with a database that works out of
// the box. Without DATABASE_URL it starts an embedded PostgreSQL with its data under .data/;
// either way it applies migrations, seeds the demo organization and prints the demo logins.
// Usage: npm start (production build) | npm run dev (next dev).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../prisma/tools/embedded-postgres";
import { deployMigrations } from "../../prisma/tools/schema-engine";
import { printDemoLogins, seedDemo } from "../../prisma/seed";
import { createPrismaClient } from "@/server/db";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data");
const isDev = process.argv.includes("--dev");

for (const file of [".env.local", ".env"])
  if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));

function persistentSecret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: root, env, stdio: "inherit" });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  let embedded: TEmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort });
    databaseUrl = await ensureDatabase(embedded.serverUrl, "revtrace");
    console.log(`Embedded PostgreSQL on 127.0.0.1:${pgPort} (data in .data/pg)`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || persistentSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    // src/env.ts refuses a test clock under the run command.
    REVTRACE_RUN_COMMAND: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const shutdown = async (code: number) => {
    child?.kill("SIGTERM");
    worker?.kill("SIGTERM");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));

  const applied = await deployMigrations(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const db = createPrismaClient(databaseUrl);
  await seedDemo(db);
  await db.$disconnect();

  const next = path.join(root, "node_modules", ".bin", "next");
  if (!isDev) {
    const built = await exitCode(run(next, ["build"], { ...env, NODE_ENV: "production" }));
    if (built !== 0) return shutdown(built);
  }
  printDemoLogins(env.NEXTAUTH_URL ?? "");
  // The job runner beside the app (pipeline snapshots, alerts, digests); `npm run worker` runs it alone.
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  worker = run(tsx, ["--conditions=react-server", "--import", "./src/cli/react-pdf-hook.ts", "src/cli/worker.ts"], env);
  worker.on("exit", (code) => {
    if (code !== 0 && code !== null)
      console.error(`The job runner stopped (exit code ${code}); the app keeps running.`);
  });
  child = run(next, [isDev ? "dev" : "start", "-p", String(port)], env);
  await shutdown(await exitCode(child));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
