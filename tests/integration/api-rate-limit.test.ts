import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApiRateLimiter, type TApiRateLimiter, type TRateVerdict } from "@/server/api/rate-limit";
import { createApiToken } from "@/server/api/tokens";
import { getDeals } from "@/server/api/endpoints";
import { createOrganization } from "../factories";
import { expectOk } from "../support/assertions";

// The per-token budget lives in PostgreSQL, so app processes behind a load balancer share it: two
// separate Node processes, each with its own pool, together get exactly the budget, no more.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

afterAll(async () => {
  await pool.end();
});

async function consumeInProcess(tokenId: string, requests: number, limit: number): Promise<TRateVerdict[]> {
  const { stdout } = await run(
    path.join(root, "node_modules/.bin/tsx"),
    [
      "--conditions=react-server",
      "tests/support/rate-limit-client.ts",
      process.env.DATABASE_URL ?? "",
      tokenId,
      String(requests),
      String(limit),
    ],
    { cwd: root },
  );
  return JSON.parse(stdout) as TRateVerdict[];
}

describe("API rate limits", () => {
  it("hold across two app processes sharing the store", async () => {
    const [first, second] = await Promise.all([consumeInProcess("token-a", 4, 5), consumeInProcess("token-a", 4, 5)]);
    const all = [...(first ?? []), ...(second ?? [])];
    expect(all.filter((v) => v.ok)).toHaveLength(5);
    const refused = all.filter((v): v is Extract<TRateVerdict, { ok: false }> => !v.ok);
    expect(refused).toHaveLength(3);
    for (const v of refused) {
      expect(v.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(v.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another token's budget is its own.
    expect((await createApiRateLimiter(pool, 5).consume("token-b")).ok).toBe(true);
  }, 60_000);

  it("answers 429 with Retry-After once a token's budget is spent, without touching another token's", async () => {
    const globals = globalThis as unknown as { apiRateLimiter?: TApiRateLimiter };
    const previous = globals.apiRateLimiter;
    globals.apiRateLimiter = createApiRateLimiter(pool, 2);
    try {
      const a = await createOrganization("Alpha");
      const busy = expectOk(
        await createApiToken(a.owner.id, a.organization.slug, { name: "Busy", scopes: ["READ"] }),
      ).bearer;
      const calm = expectOk(
        await createApiToken(a.owner.id, a.organization.slug, { name: "Calm", scopes: ["READ"] }),
      ).bearer;
      const get = (bearer: string) =>
        getDeals(new Request("http://revtrace.test/api/v1/deals", { headers: { authorization: `Bearer ${bearer}` } }), {
          params: Promise.resolve({}),
        });
      expect((await get(busy)).status).toBe(200);
      expect((await get(busy)).status).toBe(200);
      const limited = await get(busy);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await limited.json()).error.code).toBe("RATE_LIMITED");
      expect((await get(calm)).status).toBe(200);
    } finally {
      globals.apiRateLimiter = previous;
    }
  });
});
