import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine before `generate`, `validate` and `format`, and
// the download cannot reach its host on our machines. `generate` never runs that binary, so we
// point the CLI at a stand-in that answers `--version` and refuses everything else; a real engine
// set in the environment still wins. Migrations run through prisma/tools/migrate.ts (WebAssembly engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma", "tools", "schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/revtrace" },
});
