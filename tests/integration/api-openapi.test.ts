import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

// The OpenAPI document is generated from the zod schemas the handlers validate with. It must be a
// valid OpenAPI 3.1 document, and list exactly the routes the app serves under /api/v1.

const V1 = path.resolve(import.meta.dirname, "../../src/app/api/v1");
const NOT_ENDPOINTS = new Set(["openapi.json", "[...rest]"]);

/** Every (path, method) the app serves: route files under src/app/api/v1 and the methods they export. */
function servedRoutes(dir = V1, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!prefix && NOT_ENDPOINTS.has(name)) continue;
      found.push(...servedRoutes(full, `${prefix}/${name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (name === "route.ts") {
      const source = readFileSync(full, "utf8");
      for (const [, method] of source.matchAll(
        /\bas (GET|POST|PUT|PATCH|DELETE)\b|export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g,
      )) {
        if (method) found.push(`${method.toLowerCase()} ${prefix}`);
      }
    }
  }
  return found;
}

async function fetchDocument() {
  const response = openApiRoute(new Request("https://revtrace.example.com/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  return (await response.json()) as {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    components: { schemas: Record<string, unknown> };
  };
}

describe("/api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document with this server's URL", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://revtrace.example.com/api/v1" }]);
    const result = await new Validator().validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every route the app serves under /api/v1, and nothing else", async () => {
    const document = await fetchDocument();
    const documented = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
        .map((method) => `${method} ${route}`),
    );
    const served = servedRoutes();
    expect(served.length).toBeGreaterThanOrEqual(7);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("carries the limits the handlers enforce, from the same schemas", async () => {
    const document = await fetchDocument();
    const body = document.components.schemas.RevenueEntriesRequest as {
      properties: { entries: { maxItems: number; minItems: number } };
    };
    expect(body.properties.entries).toMatchObject({ minItems: 1, maxItems: 10_000 });
    expect(document.paths["/revenue-entries"]?.post?.requestBody?.content["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/RevenueEntriesRequest",
    });
  });
});
