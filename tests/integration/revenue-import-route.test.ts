import { describe, expect, it } from "vitest";
import { jsonResult, streamCommit } from "@/server/imports/respond";
import { db } from "@/server/db";
import { commitRevenueImport } from "@/server/revenue/import";
import { createOrganization } from "../factories";

// The HTTP shapes of the import route around the real commit (the route itself needs a Next.js
// request for its session, so its two helpers are exercised directly).

const file = (text: string) => new File([text], "orders.csv", { type: "text/csv" });

describe("the import route's responses", () => {
  const commitThrough = (userId: string, slug: string, text: string) =>
    streamCommit((onProgress) =>
      commitRevenueImport(userId, slug, { file: file(text), dateColumn: 0, amountColumn: 1 }, onProgress),
    );

  it("streams the commit's progress as NDJSON and ends with the result", async () => {
    const a = await createOrganization("Alpha");
    const rows = Array.from({ length: 7_000 }, (_, i) => `2026-02-${String((i % 28) + 1).padStart(2, "0")},2.50`);
    const response = await commitThrough(a.owner.id, a.organization.slug, ["date,amount", ...rows].join("\n"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, -1)).toEqual([
      { type: "progress", stage: "checking", done: 0, total: 0 },
      { type: "progress", stage: "writing", done: 5000, total: 7000 },
      { type: "progress", stage: "writing", done: 7000, total: 7000 },
    ]);
    expect(lines.at(-1)).toMatchObject({
      type: "result",
      result: { ok: true, data: { outcome: "imported", rowCount: 7000, totalMinor: "1750000" } },
    });
  });

  it("answers a refusal before any work as JSON with its status: 404 for another organization", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const response = await commitThrough(b.owner.id, a.organization.slug, "date,amount\n2026-01-01,1");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "That organization was not found.",
    });
    expect(jsonResult({ ok: false, code: "VALIDATION", message: "x" }).status).toBe(400);
    expect(await db.revenueEntry.count()).toBe(0);
  });
});
