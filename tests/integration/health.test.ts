import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/server/db";

// Finding 7 of issue 10 (the readiness part): a load balancer needs to know whether an instance
// can reach its database, without signing in and without seeing any tenant's data.

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

describe("GET /api/health", () => {
  const saved = globalForPrisma.prisma;
  afterEach(() => {
    globalForPrisma.prisma = saved;
  });

  it("answers 200 {status: ok} while the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a clear body when the database is down", async () => {
    // A real client to a port where no PostgreSQL listens: the app's database as seen in an outage.
    const down = createPrismaClient("postgresql://postgres@127.0.0.1:1/revtrace_down");
    globalForPrisma.prisma = down;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        database: "unreachable",
        message: "The database is not reachable; this instance cannot serve requests.",
      });
    } finally {
      await down.$disconnect();
    }
  });
});
