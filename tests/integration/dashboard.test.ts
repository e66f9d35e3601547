import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getDashboard } from "@/server/revenue/dashboard";
import { monthToDbDate } from "@/lib/period";
import { resolveTenant } from "@/server/tenant";
import { createOrganization } from "../factories";

async function seed(organizationId: string) {
  // $100.00 target in each month of calendar FY2026.
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({ organizationId, month: monthToDbDate(`2026-${String(i + 1).padStart(2, "0")}`), amountMinor: 10_000n })),
  });
  const entry = (iso: string, amountMinor: bigint) => ({ organizationId, occurredAt: new Date(iso), amountMinor, source: "MANUAL" as const });
  await db.revenueEntry.createMany({
    data: [
      entry("2026-01-15T17:00:00Z", 9_000n),
      entry("2026-02-10T17:00:00Z", 12_000n),
      entry("2026-03-20T17:00:00Z", 5_000n),
      // 23:30 on 31 March in New York (UTC-4 after the DST change) is still March there.
      entry("2026-04-01T03:30:00Z", 4_000n),
      // Midnight on 1 April in New York is April.
      entry("2026-04-01T04:00:00Z", 7_000n),
      entry("2026-04-02T12:00:00Z", -1_000n),
      // Last year, outside the range.
      entry("2025-12-31T12:00:00Z", 99_999n),
    ],
  });
}

describe("getDashboard", () => {
  it("aggregates actuals per month in the organization's zone and derives every tile", async () => {
    const a = await createOrganization("Alpha"); // America/New_York, calendar fiscal year
    await seed(a.organization.id);
    const ctx = await resolveTenant(a.owner.id, a.organization.slug);
    if (!ctx) throw new Error("owner has no membership");
    // D = 15 April 2026: Jan–Mar complete.
    const data = await getDashboard(ctx, "fy-2026", new Date("2026-04-15T16:00:00Z"));
    expect(data.rows.slice(0, 5).map((r) => [r.month, r.actual])).toEqual([
      ["2026-01", 9_000n],
      ["2026-02", 12_000n],
      ["2026-03", 9_000n],
      ["2026-04", 6_000n],
      ["2026-05", null],
    ]);
    // target 120,000; actual 36,000; gap 84,000 (70 %); attainment 30 %.
    expect(data.range).toEqual({ target: 120_000n, actual: 36_000n, gap: 84_000n, gapBp: 7_000, attainmentBp: 3_000 });
    // Run rate of Jan–Mar: 30,000 / 3 × 12 = 120,000: exactly on target.
    expect(data.forecast).toBe(120_000n);
    expect(data.outlook).toBe("ON_TRACK");
    // (120,000 − 36,000) / 9 months (Apr–Dec) = 9,333.33 → 9,333.
    expect(data.requiredRunRate).toBe(9_333n);
  });

  it("sums only the chosen quarter and reads a past quarter as of its last day", async () => {
    const a = await createOrganization("Alpha");
    await seed(a.organization.id);
    const ctx = await resolveTenant(a.owner.id, a.organization.slug);
    if (!ctx) throw new Error("owner has no membership");
    const data = await getDashboard(ctx, "q-2026-1", new Date("2026-04-15T16:00:00Z"));
    expect(data.resolved.label).toBe("Q1 FY2026");
    expect(data.range).toMatchObject({ target: 30_000n, actual: 30_000n, gap: 0n, attainmentBp: 10_000 });
    // As of 31 March: (120,000 − 30,000) / 10 months (Mar–Dec) = 9,000.
    expect(data.requiredRunRate).toBe(9_000n);
  });

  it("never counts another organization's revenue", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    await seed(b.organization.id);
    const ctx = await resolveTenant(a.owner.id, a.organization.slug);
    if (!ctx) throw new Error("owner has no membership");
    const data = await getDashboard(ctx, "fy-2026", new Date("2026-04-15T16:00:00Z"));
    expect(data.range).toEqual({ target: null, actual: 0n, gap: null, gapBp: null, attainmentBp: null });
    expect(data.annualTarget).toBeNull();
  });
});
