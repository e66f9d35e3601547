import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The code's layers, checked on the import statements of src/ (biome.json's noRestrictedImports
// says the same to an editor; this test also sees cycles between the server's domain folders):
//   src/lib         pure code: imports nothing from src/server, src/app or src/components;
//   src/server      the only code that touches the database client (besides src/cli);
//   src/server/<d>  domain folders whose imports of one another form no cycle;
//   client code     ("use client" files and src/components) imports no server module.
// From the generated Prisma code, code outside src/server and src/cli imports only `@db/enums`
// (plain constants, no database access).

const root = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(root, "src");

type TImport = { from: string; specifier: string; target: string | null; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The repository-relative path an import points to (without extension), or null for a package. */
function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return `src/${specifier.slice(2)}`;
  if (specifier.startsWith("@db/")) return `prisma/generated/${specifier.slice(4)}`;
  if (specifier.startsWith("."))
    return path
      .relative(root, path.resolve(path.dirname(file), specifier))
      .split(path.sep)
      .join("/");
  return null;
}

/** Every static import, re-export and dynamic import of a file. */
function importsOf(file: string, text: string): TImport[] {
  const found: TImport[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    found.push({
      from: path.relative(root, file).split(path.sep).join("/"),
      specifier,
      target: resolveSpecifier(file, specifier),
      typeOnly,
    });
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*["']([^"']+)["']/gm))
    add(m[4] as string, Boolean(m[2]));
  for (const m of code.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) add(m[1] as string, false);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(m[1] as string, false);
  return found;
}

const files = sourceFiles(SRC);
const imports = files.flatMap((f) => importsOf(f, readFileSync(f, "utf8")));
const isClient = new Set(
  files
    .filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")))
    .map((f) => path.relative(root, f).split(path.sep).join("/")),
);

const under = (p: string | null, dir: string) => p !== null && (p === dir || p.startsWith(`${dir}/`));
const describeImport = (i: TImport) => `${i.from} imports ${i.specifier}`;

/** The domain folder of src/server a path is in (src/server/<domain>/...), or null. */
const domainOf = (p: string | null) => (p ? (/^src\/server\/([^/]+)\//.exec(p)?.[1] ?? null) : null);

/** Cycles in a directed graph, each as the list of its nodes (one per strongly connected component). */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, order.get(w) as number));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) components.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!order.has(v)) visit(v);
  return components;
}

describe("the import parser", () => {
  it("reads static, multi-line, type-only, re-exported and dynamic imports", () => {
    const text = [
      'import "server-only";',
      'import { a,\n  b } from "../db";',
      'import type { T } from "@/lib/period";',
      'export { c } from "./c";',
      '// import { x } from "@/server/ignored";',
      'const m = await import("@/server/dashboard/dashboard");',
    ].join("\n");
    const found = importsOf(path.join(root, "src/server/revenue/x.ts"), text);
    expect(found.map((i) => [i.target ?? i.specifier, i.typeOnly])).toEqual([
      ["src/server/db", false],
      ["src/lib/period", true],
      ["src/server/revenue/c", false],
      ["server-only", false],
      ["src/server/dashboard/dashboard", false],
    ]);
  });

  it("finds a cycle and only real ones", () => {
    const graph = (pairs: string[]) => {
      const edges = new Map<string, Set<string>>();
      for (const p of pairs) {
        const [a, b] = p.split(">") as [string, string];
        edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
      return edges;
    };
    expect(cyclesOf(graph(["a>b", "b>c", "a>c"]))).toEqual([]);
    expect(cyclesOf(graph(["a>b", "b>c", "c>a", "c>d"]))).toEqual([["a", "b", "c"]]);
  });

  it("sees the source tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.target === "src/server/db")).toBe(true);
  });
});

describe("the layers", () => {
  it("has no import cycle between the domain folders of src/server", () => {
    const edges = new Map<string, Set<string>>();
    const example = new Map<string, string>();
    for (const i of imports) {
      const [from, to] = [domainOf(i.from), domainOf(i.target)];
      if (!from || !to || from === to) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
      if (!edges.has(to)) edges.set(to, new Set());
      example.set(`${from}>${to}`, describeImport(i));
    }
    const cycles = cyclesOf(edges).map((c) => ({
      folders: c,
      edges: c.flatMap((a) => c.filter((b) => edges.get(a)?.has(b)).map((b) => example.get(`${a}>${b}`))),
    }));
    expect(cycles, JSON.stringify(cycles, null, 1)).toEqual([]);
  });

  it("imports the database client only in src/server and src/cli", () => {
    const outside = imports.filter((i) => !under(i.from, "src/server") && !under(i.from, "src/cli"));
    const dbClient = outside.filter(
      (i) =>
        i.target === "src/server/db" ||
        (under(i.target, "prisma/generated") && i.target !== "prisma/generated/enums") ||
        i.specifier === "@prisma/client" ||
        i.specifier.startsWith("@prisma/adapter"),
    );
    expect(dbClient.map(describeImport), dbClient.map(describeImport).join("\n")).toEqual([]);
  });

  it("keeps src/lib free of server, app and component code", () => {
    const lib = imports.filter(
      (i) =>
        under(i.from, "src/lib") &&
        (under(i.target, "src/server") || under(i.target, "src/app") || under(i.target, "src/components")),
    );
    expect(lib.map(describeImport), lib.map(describeImport).join("\n")).toEqual([]);
  });

  it("lets no page import the database client", () => {
    const pages = imports.filter(
      (i) =>
        i.from.endsWith("/page.tsx") &&
        (i.target === "src/server/db" ||
          (under(i.target, "prisma/generated") && !i.typeOnly && i.target !== "prisma/generated/enums")),
    );
    expect(pages.map(describeImport), pages.map(describeImport).join("\n")).toEqual([]);
  });

  it("keeps server modules out of client components and src/components", () => {
    const client = imports.filter(
      (i) => (isClient.has(i.from) || under(i.from, "src/components")) && under(i.target, "src/server") && !i.typeOnly,
    );
    expect(client.map(describeImport), client.map(describeImport).join("\n")).toEqual([]);
  });
});
