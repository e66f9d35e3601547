import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type TEmbeddedPostgres,
} from "../../prisma/tools/embedded-postgres";
import { deployMigrations } from "../../prisma/tools/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// Named per run, so two runs on one server (a developer and CI, or two helpers) never collide.
const TEST_DATABASE = `revtrace_test_${process.pid}`;

/**
 * A dedicated, freshly migrated test database: on the server named by DATABASE_URL when given,
 * otherwise on an embedded PostgreSQL that lives only for this run.
 */
export default async function setup(project: TestProject) {
  let embedded: TEmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "revtrace-test-pg-"));
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "data"),
      port: Number(process.env.TEST_PG_PORT ?? 54331),
      persistent: false,
    });
    serverUrl = embedded.serverUrl;
  }
  const databaseUrl = await ensureDatabase(serverUrl, TEST_DATABASE, { fresh: true });
  await deployMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    if (!embedded) await dropDatabase(serverUrl, TEST_DATABASE);
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
