import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getDashboard, getDashboardBridge, getDashboardHeatMap } from "@/server/dashboard/dashboard";
import { categoryId, createAccountabilityOrganization, insertKpi, insertKpiValue } from "../factories/accountability";
import { monthToDbDate } from "@/lib/period";
import { resolveTenant } from "@/server/tenant";
import { createOrganization } from "../factories";

async function seed(organizationId: string) {
  // $100.00 target in each month of calendar FY2026.
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      organizationId,
      month: monthToDbDate(`2026-${String(i + 1).padStart(2, "0")}`),
      amountMinor: 10_000n,
    })),
  });
  const entry = (iso: string, amountMinor: bigint) => ({
    organizationId,
    occurredAt: new Date(iso),
    amountMinor,
    source: "MANUAL" as const,
  });
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

async function ownerContext(name = "Alpha") {
  const a = await createOrganization(name);
  await seed(a.organization.id);
  const ctx = await resolveTenant(a.owner.id, a.organization.slug);
  if (!ctx) throw new Error("owner has no membership");
  return { ...a, ctx };
}

describe("getDashboard: a year in progress reads to date", () => {
  it("on the 3rd of a month compares the completed months and shows the month in progress on its own", async () => {
    const { ctx, organization } = await ownerContext();
    // 2,500 booked on 2 May (New York).
    await db.revenueEntry.create({
      data: {
        organizationId: organization.id,
        occurredAt: new Date("2026-05-02T15:00:00Z"),
        amountMinor: 2_500n,
        source: "MANUAL",
      },
    });
    // D = 3 May 2026, noon in New York.
    const data = await getDashboard(ctx, "fy-2026", new Date("2026-05-03T16:00:00Z"));
    expect(data.resolved.toDateMonths).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    // To date (Jan–Apr): target 40,000; actual 9,000 + 12,000 + 9,000 + 6,000 = 36,000; 4,000 behind (10 %), 90 % of plan.
    expect(data.toDate).toEqual({ target: 40_000n, actual: 36_000n, gap: 4_000n, gapBp: 1_000, attainmentBp: 9_000 });
    // The month in progress: 2,500 of its 10,000 target, day 3 of 31 — never counted as a whole month.
    expect(data.monthInProgress).toEqual({
      month: "2026-05",
      day: 3,
      daysInMonth: 31,
      targetMinor: 10_000n,
      actualMinor: 2_500n,
    });
    // The whole year still reads as a range: 120,000 against 38,500.
    expect(data.range).toMatchObject({ target: 120_000n, actual: 38_500n });
    // Still to book = 120,000 − (36,000 + 2,500) = 81,500; required = 81,500 / 8 (May–Dec) = 10,187.5 → 10,188.
    expect(data.stillToBook).toBe(81_500n);
    expect(data.requiredRunRate).toBe(10_188n);
    // Run rate of Jan–Apr: 36,000 / 4 × 12 = 108,000.
    expect(data.forecast).toBe(108_000n);
  });

  it("on the last day of a month keeps that month in progress: to date stops at the month before", async () => {
    const { ctx } = await ownerContext();
    // D = 30 April 2026, 23:00 in New York (03:00 UTC on 1 May).
    const data = await getDashboard(ctx, "fy-2026", new Date("2026-05-01T03:00:00Z"));
    // To date (Jan–Mar): target 30,000; actual 9,000 + 12,000 + 9,000 = 30,000: on plan.
    expect(data.toDate).toMatchObject({ target: 30_000n, actual: 30_000n, gap: 0n, attainmentBp: 10_000 });
    // April so far: 7,000 − 1,000 = 6,000 of 10,000, day 30 of 30.
    expect(data.monthInProgress).toEqual({
      month: "2026-04",
      day: 30,
      daysInMonth: 30,
      targetMinor: 10_000n,
      actualMinor: 6_000n,
    });
    // On the first of the next month, April is completed.
    const next = await getDashboard(ctx, "fy-2026", new Date("2026-05-01T05:00:00Z"));
    expect(next.toDate).toMatchObject({ target: 40_000n, actual: 36_000n, gap: 4_000n });
    expect(next.monthInProgress).toMatchObject({ month: "2026-05", day: 1, actualMinor: 0n });
  });

  it("shows the actuals of a year without targets, and offers every fiscal year with data", async () => {
    const { ctx } = await ownerContext();
    const data = await getDashboard(ctx, "fy-2025", new Date("2026-05-03T16:00:00Z"));
    // FY2025 has one entry (31 Dec 2025, 07:00 in New York) and no targets.
    expect(data.range).toEqual({ target: null, actual: 99_999n, gap: null, gapBp: null, attainmentBp: null });
    expect(data.rows.at(-1)).toMatchObject({ month: "2025-12", target: null, actual: 99_999n });
    expect(data.monthInProgress).toBeNull();
    // Data from FY2025 to FY2026; the picker also offers the next year.
    expect(data.fiscalYears).toEqual([2025, 2026, 2027]);
  });

  it("follows a quarter and a custom run of months in its rows, with cumulative lines from their first month", async () => {
    const { ctx } = await ownerContext();
    const q = await getDashboard(ctx, "q-2026-2", new Date("2026-05-03T16:00:00Z"));
    expect(q.rows.map((r) => [r.month, r.actual, r.cumulativeTarget, r.cumulativeActual, r.isInProgress])).toEqual([
      ["2026-04", 6_000n, 10_000n, 6_000n, false],
      ["2026-05", 0n, 20_000n, 6_000n, true],
      ["2026-06", null, 30_000n, null, false],
    ]);
    expect(q.hasProjections).toBe(false);
    const r = await getDashboard(ctx, "r-2025-12-2026-02", new Date("2026-05-03T16:00:00Z"));
    expect(r.resolved.label).toBe("Dec 2025 – Feb 2026");
    // Dec 2025 has no target: target(R) = Jan + Feb = 20,000; actual = 99,999 + 9,000 + 12,000 = 120,999.
    expect(r.range).toMatchObject({ target: 20_000n, actual: 120_999n });
    expect(r.rows.map((x) => x.month)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
});

describe("the bridge and heat map to date", () => {
  it("trace only completed months, say how much departments explain, and put impact in each heat map cell", async () => {
    const org = await createAccountabilityOrganization();
    const { organizationId } = org;
    await seed(organizationId);
    const ctx = await resolveTenant(org.owner.id, org.slug);
    if (!ctx) throw new Error("owner has no membership");
    const legalCategory = await categoryId(organizationId, "LEGAL");
    const salesCategory = await categoryId(organizationId, "SALES");
    const contribution = (
      departmentId: string,
      categoryId: string,
      month: string,
      amountMinor: bigint,
      status: "CLAIMED" | "CONFIRMED",
    ) => ({
      organizationId,
      departmentId,
      categoryId,
      month: monthToDbDate(month as `${number}-${string}`),
      amountMinor,
      status,
      description: "test",
    });
    await db.contribution.createMany({
      data: [
        contribution(org.legal.id, legalCategory, "2026-04", -1_500n, "CONFIRMED"),
        contribution(org.sales.id, salesCategory, "2026-02", -1_000n, "CLAIMED"),
        // The month in progress: not in the bridge to date.
        contribution(org.legal.id, legalCategory, "2026-05", -9_999n, "CONFIRMED"),
      ],
    });
    // Legal red in April with no "why": named under the bridge.
    const kpi = await insertKpi(organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
    await insertKpiValue(organizationId, kpi.id, "2026-04", 500n, 1_000n);

    const data = await getDashboard(ctx, "fy-2026", new Date("2026-05-03T16:00:00Z"));
    const bridge = await getDashboardBridge(ctx, data, false);
    expect(bridge.months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    // Target to date 40,000 → Legal −1,500 → (Sales 0, claimed −1,000 pending) → unattributed −2,500 → actual 36,000.
    expect(bridge.bridge?.steps.map((s) => [s.label, s.amountMinor, s.pendingMinor ?? null])).toEqual([
      ["Target", 40_000n, null],
      ["Legal", -1_500n, 0n],
      ["Sales", 0n, -1_000n],
      ["Unattributed", -2_500n, null],
      ["Actual", 36_000n, null],
    ]);
    // Shortfall 4,000: Legal explains 1,500 (37.5 %), Sales claims 1,000 (25 %): 62.5 % in all.
    expect(bridge.traced).toMatchObject({ gapMinor: 4_000n, confirmedBp: 3_750, claimedBp: 2_500, totalBp: 6_250 });
    expect(bridge.unexplainedRed).toEqual([{ departmentId: org.legal.id, name: org.legal.name, months: ["2026-04"] }]);

    // A "why" for April explains it.
    await db.narrative.create({
      data: {
        organizationId,
        departmentId: org.legal.id,
        month: monthToDbDate("2026-04"),
        why: "Two contracts slipped into May.",
      },
    });
    expect((await getDashboardBridge(ctx, data, false)).unexplainedRed).toEqual([]);

    const heat = await getDashboardHeatMap(ctx, data);
    const legalRow = heat.find((r) => r.departmentId === org.legal.id);
    const salesRow = heat.find((r) => r.departmentId === org.sales.id);
    expect(legalRow?.cells.find((c) => c.month === "2026-04")).toMatchObject({
      status: "RED",
      impactMinor: -1_500n,
      claimedMinor: null,
    });
    expect(legalRow?.cells.find((c) => c.month === "2026-05")).toMatchObject({ impactMinor: -9_999n });
    expect(salesRow?.cells.find((c) => c.month === "2026-02")).toMatchObject({
      status: null,
      impactMinor: null,
      claimedMinor: -1_000n,
    });
  });
});

describe("getDashboard", () => {
  it("aggregates actuals per month in the organization's zone and derives every tile", async () => {
    const a = await createOrganization("Alpha"); // America/New_York, calendar fiscal year
    await seed(a.organization.id);
    const ctx = await resolveTenant(a.owner.id, a.organization.slug);
    if (!ctx) throw new Error("owner has no membership");
    // D = 15 April 2026: Jan–Mar complete.
    const data = await getDashboard(ctx, "fy-2026", new Date("2026-04-15T16:00:00Z"));
    expect(data.rows.slice(2, 5).map((r) => [r.month, r.isInProgress, r.isFuture])).toEqual([
      ["2026-03", false, false],
      ["2026-04", true, false],
      ["2026-05", false, true],
    ]);
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
