// Stands in for `prisma migrate dev --create-only` / `deploy` / `status`, whose native engine cannot be
// downloaded here; see prisma/tools/schema-engine.ts. Usage: tsx prisma/tools/migrate.ts create <name> | deploy | status
import path from "node:path";
import { createMigration, deployMigrations, migrationStatus } from "./schema-engine";

const USAGE = "Usage: tsx prisma/tools/migrate.ts create <name> | deploy | status";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "create" && command !== "deploy" && command !== "status") {
    console.error(USAGE);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/revtrace).");
    return 2;
  }

  if (command === "create") {
    const name = rest.join("_");
    if (!name) {
      console.error("Give the migration a name: npm run db:migrate -- <name>");
      return 2;
    }
    const file = await createMigration(databaseUrl, name);
    console.log(
      file ? `Created ${path.relative(process.cwd(), file)}` : "The schema matches the migrations; nothing to migrate.",
    );
    return 0;
  }

  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join("\n")}`
        : "No pending migrations.",
    );
    return 0;
  }

  const status = await migrationStatus(databaseUrl);
  const failed = new Set(status.failed);
  const edited = new Set(status.edited);
  console.log(`${status.committed.length} migration(s) in prisma/migrations:`);
  for (const name of status.committed) {
    const state = failed.has(name)
      ? "FAILED"
      : !status.applied.includes(name)
        ? "not applied"
        : edited.has(name)
          ? "applied, EDITED since"
          : "applied";
    console.log(`  ${name}  ${state}`);
  }
  for (const name of status.missingLocally) console.log(`  ${name}  applied, but missing from prisma/migrations`);
  if (status.schemaDiff) {
    console.log("\nprisma/schema.prisma has changes no migration covers (create one: npm run db:migrate -- <name>):\n");
    console.log(status.schemaDiff.trimEnd());
  }
  if (status.schemaDiffError)
    console.log(`\nCould not compare the migrations with prisma/schema.prisma:\n${status.schemaDiffError}`);
  for (const name of status.failed) {
    // `prisma migrate resolve --rolled-back` needs the native engine; this is the row change it makes.
    console.log(
      `\n${name} failed and blocks deploy. Undo what it did, fix its migration.sql, then run\n` +
        `  UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL;`,
    );
  }
  if (status.notApplied.length && !status.failed.length)
    console.log("\nApply pending migrations with: npm run db:deploy");
  if (status.upToDate) console.log("\nDatabase and migrations are up to date.");
  return status.upToDate ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode rather than exit(): if a pool were left open the hang would show it, not hide it.
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
