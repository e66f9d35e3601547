// Runs one of the e2e database scripts (tsx --conditions=react-server) against the e2e server's
// own database, for set-ups the browser cannot do quickly or should not be trusted to report.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.join(import.meta.dirname, "..", "..");

/** The database e2e/support/server.ts created for this port. */
export function e2eDatabaseUrl(): string {
  const server =
    process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54332}`;
  const url = new URL(server);
  url.pathname = `/revtrace_e2e_${process.env.E2E_PORT ?? "3100"}`;
  return url.toString();
}

/** Runs e2e/support/<script> with a command and a JSON argument; returns what it printed. */
export function runDbScript(script: string, command: string, args: object): string {
  return execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "e2e", "support", script), command, JSON.stringify(args)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl(),
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      },
      encoding: "utf8",
    },
  );
}
