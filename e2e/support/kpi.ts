// Shared steps of the KPI journeys: KPIs created by the demo owner through the real mutation, and
// the stored values read back, in the e2e server's own database (see kpi-db.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DEMO, DEMO_ORG } from "./helpers";

const root = path.join(import.meta.dirname, "..", "..");
const port = process.env.E2E_PORT ?? "3100";

/** The database e2e/support/server.ts created for this port. */
function databaseUrl(): string {
  const server =
    process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54332}`;
  const url = new URL(server);
  url.pathname = `/revtrace_e2e_${port}`;
  return url.toString();
}

export type TKpiSpec = {
  name: string;
  unit: "CURRENCY" | "COUNT" | "PERCENT" | "DAYS";
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  target: string;
};

function run(command: "create" | "values", department: string, kpis: TKpiSpec[]): string {
  const args = JSON.stringify({ slug: DEMO_ORG.slug, owner: DEMO.owner, department, kpis });
  return execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "e2e", "support", "kpi-db.ts"), command, args],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(),
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      },
      encoding: "utf8",
    },
  );
}

/** The demo owner defines `kpis` in `department` of Acme; returns the department's id and each KPI's id. */
export function createDemoKpis(
  department: string,
  kpis: TKpiSpec[],
): { departmentId: string; ids: Record<string, string> } {
  return JSON.parse(run("create", department, kpis)) as { departmentId: string; ids: Record<string, string> };
}

/** The stored values of `kpis`: [name, "YYYY-MM", scaled value, imported?]. */
export function storedKpiValues(department: string, kpis: TKpiSpec[]): [string, string, string, boolean][] {
  return JSON.parse(run("values", department, kpis)) as [string, string, string, boolean][];
}
