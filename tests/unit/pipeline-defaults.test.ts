import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOSS_CAUSES, DEFAULT_STAGES, defaultPipelineRows } from "@/lib/pipeline-defaults";

const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");

function pipelineMigration(): string {
  const folder = readdirSync(migrations).find((name) => name.endsWith("_pipeline"));
  if (!folder) throw new Error("no pipeline migration");
  return readFileSync(path.join(migrations, folder, "migration.sql"), "utf8");
}

const unquote = (s: string) => s.replaceAll("''", "'");

/** The (name, probability, outcome, sort order) rows the migration inserts for existing organizations. */
function migrationStages() {
  const insert =
    /INSERT INTO "PipelineStage"[\s\S]*?CROSS JOIN \(VALUES([\s\S]*?)\) AS s\(name, probability, outcome, sort_order\)/.exec(
      pipelineMigration(),
    );
  if (!insert?.[1]) throw new Error("no stage VALUES list in the migration");
  return [...insert[1].matchAll(/\(\s*'((?:[^']|'')*)'\s*,\s*(\d+)\s*,\s*'(OPEN|WON|LOST)'\s*,\s*(\d+)\s*\)/g)].map(
    (m) => ({
      name: unquote(m[1]!),
      probabilityBp: Number(m[2]),
      outcome: m[3],
      sortOrder: Number(m[4]),
    }),
  );
}

function migrationLossCauses(): string[] {
  const insert = /INSERT INTO "LossCause"[\s\S]*?CROSS JOIN \(VALUES([\s\S]*?)\) AS c\(name\)/.exec(
    pipelineMigration(),
  );
  if (!insert?.[1]) throw new Error("no loss cause VALUES list in the migration");
  return [...insert[1].matchAll(/\(\s*'((?:[^']|'')*)'\s*\)/g)].map((m) => unquote(m[1]!));
}

describe("default pipeline stages and loss causes", () => {
  it("are the same stages, in the same order, in the code and in the migration", () => {
    const code = defaultPipelineRows("org").stages.map(({ name, probabilityBp, outcome, sortOrder }) => ({
      name,
      probabilityBp,
      outcome,
      sortOrder,
    }));
    expect(migrationStages()).toEqual(code);
  });

  it("are the same loss causes in the code and in the migration", () => {
    const sql = migrationLossCauses();
    expect(sql).toHaveLength(new Set(sql).size);
    expect([...sql].sort()).toEqual([...DEFAULT_LOSS_CAUSES].sort());
    expect(defaultPipelineRows("org-1").lossCauses).toEqual(
      DEFAULT_LOSS_CAUSES.map((name) => ({ organizationId: "org-1", name })),
    );
  });

  it("are the issue's stages with their default probabilities, one won and one lost", () => {
    expect(DEFAULT_STAGES.map((s) => `${s.name} ${s.probabilityBp / 100} % ${s.outcome}`)).toEqual([
      "Prospecting 10 % OPEN",
      "Qualification 25 % OPEN",
      "Proposal 50 % OPEN",
      "Negotiation 70 % OPEN",
      "Commit 90 % OPEN",
      "Closed won 100 % WON",
      "Closed lost 0 % LOST",
    ]);
    expect(new Set(DEFAULT_STAGES.map((s) => s.name)).size).toBe(DEFAULT_STAGES.length);
  });
});
