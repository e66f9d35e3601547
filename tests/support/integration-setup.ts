import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, inject } from "vitest";

// Must run before any test module imports src/server/db.ts, which reads these on first use.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
// Mail goes to a fresh folder per test file (a file that needs a real SMTP server sets SMTP_URL
// itself), never to the repository's .data/mail or to a server another file started and stopped.
process.env.SMTP_URL = "";
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "revtrace-mail-"));

const { db } = await import("@/server/db");

beforeEach(async () => {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
});

afterAll(async () => {
  await db.$disconnect();
});
