import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// DESIGN.md "Who acts, and how requests come in": every data-access function takes the tenant
// context, never a bare organization id, and every mutation declares who may run it. These read
// the source, so a new function that breaks either rule fails here before review.

const SERVER = path.resolve(import.meta.dirname, "../../src/server");
/**
 * Build the context from an organization id, the only places a bare id is the input: tenant.ts, and
 * the jobs' entry point (a queued job's payload names its organization; it builds systemContext).
 */
const BUILDS_CONTEXT = new Set(["tenant.ts", "jobs/tasks.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

/** The parameter list that starts at `open` (an opening parenthesis), nested parentheses included. */
function parameterList(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    if (source[i] === "(") depth += 1;
    if (source[i] === ")" && --depth === 0) return source.slice(open + 1, i);
  }
  return "";
}

/** Exported functions (declarations and arrow constants) and their parameter lists. */
function exportedSignatures(source: string): { name: string; parameters: string }[] {
  const found: { name: string; parameters: string }[] = [];
  for (const match of source.matchAll(/export (?:async )?function\*? (\w+)\s*(?:<[^(]*>)?\(/g)) {
    found.push({ name: match[1] ?? "", parameters: parameterList(source, (match.index ?? 0) + match[0].length - 1) });
  }
  for (const match of source.matchAll(/export const (\w+)\s*(?::[^=]+)?=\s*(?:cache\()?(?:async\s*)?\(/g)) {
    found.push({ name: match[1] ?? "", parameters: parameterList(source, (match.index ?? 0) + match[0].length - 1) });
  }
  return found;
}

const takesBareOrganizationId = (parameters: string) => /\borganizationId\s*\??:\s*string\b/.test(parameters);

describe("the tenant-context rule", () => {
  it("finds a bare organization id where there is one (the check itself works)", () => {
    const sample = `export async function monthly(organizationId: string, months: MonthKey[]) {}\nexport const open = async (ctx: TTenantContext) => 1;\nexport function nested(tx: Tx, where: { a: (x: number) => void }, organizationId: string) {}`;
    expect(
      exportedSignatures(sample)
        .filter((s) => takesBareOrganizationId(s.parameters))
        .map((s) => s.name),
    ).toEqual(["monthly", "nested"]);
  });

  it("no exported server function takes a bare organization id", () => {
    const offenders = sourceFiles(SERVER)
      .filter((file) => !BUILDS_CONTEXT.has(path.relative(SERVER, file)))
      .flatMap((file) =>
        exportedSignatures(readFileSync(file, "utf8"))
          .filter((s) => takesBareOrganizationId(s.parameters))
          .map((s) => `${path.relative(SERVER, file)}: ${s.name}`),
      );
    expect(offenders, offenders.join("; ")).toEqual([]);
  });

  it("every mutation declares its permission", () => {
    const undeclared = sourceFiles(SERVER).flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return [...source.matchAll(/tenantMutation\(\{/g)]
        .filter((m) => !/^\s*permission\s*[:,]/m.test(source.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + 600)))
        .map((m) => `${path.relative(SERVER, file)}:${source.slice(0, m.index).split("\n").length}`);
    });
    expect(undeclared, undeclared.join("; ")).toEqual([]);
  });
});
