import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "../../prisma/tools/embedded-postgres";

// The migration that added Kpi.aggregation, run over KPIs that existed before it: each takes its
// unit's default, and CURRENCY keeps SUM (the rule it was shown with until then).
const MIGRATIONS = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
const TARGET = "_kpi_aggregation";

describe("the kpi_aggregation migration", () => {
  it("gives existing KPIs their unit's default aggregation, and SUM to currency ones", async () => {
    const server = new URL(inject("databaseUrl"));
    const name = `revtrace_kpimig_${process.pid}`;
    server.pathname = "/postgres";
    const url = await ensureDatabase(server.toString(), name, { fresh: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const folders = readdirSync(MIGRATIONS)
        .filter((f) => /^\d{14}_/.test(f))
        .sort();
      const index = folders.findIndex((f) => f.endsWith(TARGET));
      expect(index).toBeGreaterThan(0);
      const sql = (folder: string) => readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");
      for (const folder of folders.slice(0, index)) await client.query(sql(folder));
      await client.query(
        `INSERT INTO "Organization" (id, name, slug, currency, "fiscalYearStartMonth", "timeZone") VALUES ('o1', 'Old Co', 'old-co', 'USD', 1, 'UTC')`,
      );
      await client.query(
        `INSERT INTO "Department" ("organizationId", id, name, kind) VALUES ('o1', 'd1', 'Marketing', 'MARKETING')`,
      );
      for (const [id, unit] of [
        ["k_count", "COUNT"],
        ["k_percent", "PERCENT"],
        ["k_days", "DAYS"],
        ["k_currency", "CURRENCY"],
      ]) {
        await client.query(
          `INSERT INTO "Kpi" ("organizationId", id, "departmentId", name, unit, direction) VALUES ('o1', $1, 'd1', $1, $2::"KpiUnit", 'HIGHER_IS_BETTER')`,
          [id, unit],
        );
      }
      await client.query(sql(folders[index] as string));
      const { rows } = await client.query<{ id: string; aggregation: string }>(
        `SELECT id, aggregation::text FROM "Kpi" ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: "k_count", aggregation: "SUM" },
        { id: "k_currency", aggregation: "SUM" },
        { id: "k_days", aggregation: "AVERAGE" },
        { id: "k_percent", aggregation: "AVERAGE" },
      ]);
      // Required from then on: a KPI without one is refused.
      await expect(
        client.query(
          `INSERT INTO "Kpi" ("organizationId", id, "departmentId", name, unit, direction) VALUES ('o1', 'k_new', 'd1', 'New', 'COUNT', 'HIGHER_IS_BETTER')`,
        ),
      ).rejects.toThrow(/null value in column "aggregation"/);
    } finally {
      await client.end();
      await dropDatabase(server.toString(), name);
    }
  });
});
