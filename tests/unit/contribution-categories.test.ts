import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONTRIBUTION_CATEGORIES, defaultCategoryRows } from "@/lib/contribution-categories";

const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The (kind, name) pairs the accountability migration inserts for organizations that predate categories. */
function migrationPairs(): string[] {
  const folder = readdirSync(migrations).find((name) => name.endsWith("_departments_accountability"));
  if (!folder) throw new Error("no departments_accountability migration");
  const sql = readFileSync(path.join(migrations, folder, "migration.sql"), "utf8");
  const insert = /INSERT INTO "ContributionCategory"[\s\S]*?CROSS JOIN \(VALUES([\s\S]*?)\) AS d\(kind, name\)/.exec(
    sql,
  );
  if (!insert?.[1]) throw new Error("no category VALUES list in the migration");
  return [...insert[1].matchAll(/\(\s*'((?:[^']|'')*)'\s*,\s*'((?:[^']|'')*)'\s*\)/g)].map(
    (m) => `${m[1]}|${m[2]!.replaceAll("''", "'")}`,
  );
}

describe("default contribution categories", () => {
  it("are the same (kind, name) pairs in the code and in the migration", () => {
    const code = defaultCategoryRows("org").map((r) => `${r.kind}|${r.name}`);
    const sql = migrationPairs();
    expect(sql).toHaveLength(new Set(sql).size);
    expect([...sql].sort()).toEqual([...code].sort());
  });

  it("give every department kind at least one category, each name once per kind", () => {
    for (const [kind, names] of Object.entries(DEFAULT_CONTRIBUTION_CATEGORIES)) {
      expect(names.length, kind).toBeGreaterThan(0);
      expect(new Set(names).size, kind).toBe(names.length);
    }
    expect(defaultCategoryRows("org-1").every((r) => r.organizationId === "org-1")).toBe(true);
  });
});
