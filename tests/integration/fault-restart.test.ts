import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../prisma/tools/embedded-postgres";
import { deployMigrations } from "../../prisma/tools/schema-engine";
import { createPrismaClient, db } from "@/server/db";
import { addRevenueEntry } from "@/server/revenue/entries";
import { addMember, createOrganization } from "../factories";

// Issue 10's fault test: restart PostgreSQL while writes are in flight; every write acknowledged to
// the user is in the database afterwards, the others were answered (never thrown), and the app
// serves again without a restart. It runs against a private embedded PostgreSQL that this test
// starts and stops, so the machine's shared server is never restarted.

const holder = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
const PORT = 55_000 + (process.pid % 1000);
const WRITERS = 8;

type TOutcome = { reference: string; ok: boolean; code?: string; entryId?: string };

describe("fault: PostgreSQL restarts while writes are in flight", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "revtrace-fault-pg-"));
  let server: TEmbeddedPostgres | undefined;
  let healthy: ReturnType<typeof createPrismaClient> | undefined;

  afterAll(async () => {
    const faulty = holder.prisma;
    if (healthy) holder.prisma = healthy;
    await faulty?.$disconnect();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged write, answers the others, and serves again", { timeout: 240_000 }, async () => {
    const dataDir = path.join(dir, "data");
    server = await startEmbeddedPostgres({ dataDir, port: PORT, persistent: true });
    const url = await ensureDatabase(server.serverUrl, "revtrace_fault");
    await deployMigrations(url);
    await db.organization.count();
    healthy = holder.prisma;
    holder.prisma = createPrismaClient(url);

    const { organization } = await createOrganization("Fault");
    const { user: finance } = await addMember(organization.id, "FINANCE");
    const outcomes: TOutcome[] = [];
    let phase: "before" | "down" | "after" = "before";
    let isRunning = true;
    const writer = async (w: number) => {
      for (let i = 0; isRunning; i++) {
        const reference = `w${w}-${i}`;
        const result = await addRevenueEntry(finance.id, organization.slug, {
          date: "2026-03-10",
          amount: "1.00",
          reference,
        });
        outcomes.push(
          result.ok
            ? { reference, ok: true, entryId: result.data.entryId }
            : { reference, ok: false, code: result.code },
        );
        if (!result.ok && phase !== "before") await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

    await new Promise((r) => setTimeout(r, 1_500));
    phase = "down";
    await server.stop(); // a fast shutdown: open connections are cut mid-write
    await new Promise((r) => setTimeout(r, 1_000));
    server = await startEmbeddedPostgres({ dataDir, port: PORT, persistent: true });
    phase = "after";
    const restartedAt = outcomes.length;
    // Until every writer has written again after the restart (or a generous deadline).
    const deadline = Date.now() + 60_000;
    while (outcomes.slice(restartedAt).filter((o) => o.ok).length < WRITERS * 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    isRunning = false;
    await Promise.all(writers);

    const acknowledged = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    // The outage was seen, and answered as such rather than as a generic error.
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((o) => o.code))).toEqual(new Set(["UNAVAILABLE"]));
    // Writes succeeded again after the restart, through the same client (no app restart).
    expect(outcomes.slice(restartedAt).filter((o) => o.ok).length).toBeGreaterThanOrEqual(WRITERS * 3);
    // Every acknowledged write is in the database; a refused one may or may not be (its commit may
    // have been cut after PostgreSQL made it durable), but never twice.
    const stored = await db.revenueEntry.findMany({
      where: { organizationId: organization.id },
      select: { id: true, reference: true },
    });
    const storedIds = new Set(stored.map((e) => e.id));
    expect(acknowledged.filter((o) => !storedIds.has(o.entryId ?? ""))).toEqual([]);
    expect(stored.length).toBe(new Set(stored.map((e) => e.reference)).size);
    console.info(
      `fault test: ${acknowledged.length} acknowledged, ${refused.length} answered UNAVAILABLE, ${stored.length} stored`,
    );
  });
});
