import { inject, describe, expect, it } from "vitest";
import { deployMigrations, migrationStatus, pendingSchemaDiff } from "../../prisma/tools/schema-engine";

// The global setup created a fresh database and applied every committed migration to it.
describe("committed migrations", () => {
  const databaseUrl = inject("databaseUrl");

  it("bring a fresh database to exactly prisma/schema.prisma", async () => {
    expect(await pendingSchemaDiff(databaseUrl)).toBe("");
  });

  it("are all applied, and deploying again applies nothing", async () => {
    expect(await deployMigrations(databaseUrl)).toEqual([]);
    const status = await migrationStatus(databaseUrl);
    expect(status.notApplied).toEqual([]);
    expect(status.applied.length).toBe(status.committed.length);
    expect(status.upToDate).toBe(true);
  });
});
