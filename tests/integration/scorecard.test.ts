import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { getScorecard } from "@/server/accountability/scorecard";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "@/server/accountability/status";
import { resolveTenant } from "@/server/tenant";
import { categoryId, createAccountabilityOrganization, insertKpi, insertKpiValue } from "../factories/accountability";
import { tenantOf } from "../factories";

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

const Q1: MonthKey[] = ["2026-01", "2026-02", "2026-03"];

/**
 * Legal's KPIs over Q1 2026 (scaled by 100):
 *   Contracts signed (count, ≥ 10):   12 green, 9 amber, 8 red
 *   Review cycle days (days, ≤ 5):    5 green, 5.5 amber (90.9 %), 4 green
 *   NPS (percent, no target):         50 unrated
 *   Old KPI (archived):               0 against 10, red, but not counted
 * Billing: Disputes (count, ≥ 10): 10 in January, green.
 */
async function seed(org: TOrg) {
  const id = org.organizationId;
  const signed = await insertKpi(id, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
  const cycle = await insertKpi(id, org.legal.id, {
    name: "Review cycle days",
    unit: "DAYS",
    direction: "LOWER_IS_BETTER",
    targetScaled: 500n,
  });
  const nps = await insertKpi(id, org.legal.id, { name: "NPS", unit: "PERCENT" });
  const old = await insertKpi(id, org.legal.id, { name: "Old KPI", targetScaled: 1_000n });
  await db.kpi.updateMany({ where: { organizationId: id, id: old.id }, data: { archivedAt: new Date() } });
  const disputes = await insertKpi(id, org.billing.id, { name: "Disputes resolved", targetScaled: 1_000n });
  for (const [kpi, values] of [
    [signed, [1_200n, 900n, 800n]],
    [cycle, [500n, 550n, 400n]],
  ] as const) {
    for (const [i, value] of values.entries()) await insertKpiValue(id, kpi.id, Q1[i]!, value, kpi.targetScaled);
  }
  await insertKpiValue(id, nps.id, "2026-01", 5_000n, null);
  for (const month of Q1) await insertKpiValue(id, old.id, month, 0n, 1_000n);
  await insertKpiValue(id, disputes.id, "2026-01", 1_000n, 1_000n);
  return { signed, cycle, nps, old, disputes };
}

describe("ratedKpiValues and statusByDepartmentMonth", () => {
  it("rate every active value against its stamped target and take the worst per department and month", async () => {
    const org = await createAccountabilityOrganization();
    const { signed, cycle, nps, disputes } = await seed(org);
    const rated = await ratedKpiValues(await tenantOf(org.organizationId), Q1);
    const byKey = Object.fromEntries(rated.map((r) => [`${r.kpiId}|${r.month}`, r.rag]));
    expect(byKey).toEqual({
      [`${signed.id}|2026-01`]: "GREEN",
      [`${signed.id}|2026-02`]: "AMBER",
      [`${signed.id}|2026-03`]: "RED",
      [`${cycle.id}|2026-01`]: "GREEN",
      [`${cycle.id}|2026-02`]: "AMBER",
      [`${cycle.id}|2026-03`]: "GREEN",
      [`${nps.id}|2026-01`]: null,
      [`${disputes.id}|2026-01`]: "GREEN",
    });
    const status = statusByDepartmentMonth(rated);
    expect(Object.fromEntries(status)).toEqual({
      [statusKey(org.legal.id, "2026-01")]: "GREEN",
      [statusKey(org.legal.id, "2026-02")]: "AMBER",
      [statusKey(org.legal.id, "2026-03")]: "RED",
      [statusKey(org.billing.id, "2026-01")]: "GREEN",
    });
    expect((await ratedKpiValues(await tenantOf(org.organizationId), Q1, org.billing.id)).map((r) => r.kpiId)).toEqual([
      disputes.id,
    ]);
    expect(await ratedKpiValues(await tenantOf(org.organizationId), ["2026-04"])).toEqual([]);
    expect(await ratedKpiValues(await tenantOf(org.organizationId), [])).toEqual([]);
  });
});

describe("getScorecard", () => {
  it("aggregates the period per KPI, rates it, and sums the department's contributions by status", async () => {
    const org = await createAccountabilityOrganization();
    const { signed, cycle, nps } = await seed(org);
    const legalCategory = await categoryId(org.organizationId, "LEGAL");
    const contribution = (month: MonthKey, amountMinor: bigint, status: "CLAIMED" | "CONFIRMED" | "DISPUTED") => ({
      organizationId: org.organizationId,
      departmentId: org.legal.id,
      categoryId: legalCategory,
      month: monthToDbDate(month),
      amountMinor,
      status,
      description: `${status} ${month}`,
    });
    await db.contribution.createMany({
      data: [
        contribution("2026-01", -10_000n, "CONFIRMED"),
        contribution("2026-02", -2_000n, "CLAIMED"),
        contribution("2026-03", -5_000n, "DISPUTED"),
        contribution("2026-03", 1_500n, "CONFIRMED"),
        contribution("2026-04", -99n, "CONFIRMED"), // outside Q1
      ],
    });
    const ctx = await resolveTenant(org.users.owner.id, org.slug);
    if (!ctx) throw new Error("no membership");
    const card = await getScorecard(ctx, org.legal.id, "q-2026-1", new Date("2026-04-15T16:00:00Z"));
    if (!card) throw new Error("expected a scorecard");

    expect(card.resolved.months).toEqual(Q1);
    expect(card.today).toBe("2026-04-15");
    // Count: 12 + 9 + 8 = 29 against 30 (96.7 %) amber. Days: (5 + 5.5 + 4) / 3 = 4.83 against 5, lower is better (103.5 %) green.
    expect(card.kpis.map((k) => [k.kpi.id, k.period.actual, k.period.target, k.rag])).toEqual([
      [signed.id, 2_900n, 3_000n, "AMBER"],
      [nps.id, 5_000n, null, null],
      [cycle.id, 483n, 500n, "GREEN"],
    ]);
    expect(card.status).toBe("AMBER");
    // The count is the only amber KPI: it sets the status.
    expect(card.worstKpiId).toBe(signed.id);
    // Each month's version token, for the values form: the value's id and version, "" without one.
    expect(card.kpis[0]?.series.slice(2, 4).map((s) => s.token)).toEqual([expect.stringMatching(/^[\w-]+:0$/), ""]);
    expect(card.kpis[0]?.series.slice(2, 4).map(({ token: _token, ...s }) => s)).toEqual([
      { month: "2026-03", value: 800n, target: 1_000n, rag: "RED" },
      // No value yet: the KPI's current target, no rating.
      { month: "2026-04", value: null, target: 1_000n, rag: null },
    ]);
    expect([...card.monthStatus].slice(0, 4)).toEqual([
      ["2026-01", "GREEN"],
      ["2026-02", "AMBER"],
      ["2026-03", "RED"],
      ["2026-04", null],
    ]);
    expect(card.impact).toEqual({
      confirmed: -8_500n,
      claimed: -2_000n,
      disputed: -5_000n,
      counts: { CONFIRMED: 2, CLAIMED: 1, DISPUTED: 1 },
    });
    expect(card.contributions.map((c) => [c.month, c.amountMinor])).toEqual(
      expect.arrayContaining([
        ["2026-03", -5_000n],
        ["2026-03", 1_500n],
        ["2026-02", -2_000n],
        ["2026-01", -10_000n],
      ]),
    );
    expect(card.contributions.map((c) => c.month)).toEqual(["2026-03", "2026-03", "2026-02", "2026-01"]);
  });

  it("does not rate a period green on months that had no target", async () => {
    const org = await createAccountabilityOrganization();
    // January and February were closed before the KPI had a target; March is 8 against 10.
    const kpi = await insertKpi(org.organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
    await insertKpiValue(org.organizationId, kpi.id, "2026-01", 1_000n, null);
    await insertKpiValue(org.organizationId, kpi.id, "2026-02", 1_000n, null);
    await insertKpiValue(org.organizationId, kpi.id, "2026-03", 800n, 1_000n);
    const ctx = await resolveTenant(org.users.owner.id, org.slug);
    if (!ctx) throw new Error("no membership");
    const card = await getScorecard(ctx, org.legal.id, "q-2026-1", new Date("2026-04-15T16:00:00Z"));
    expect(card?.kpis.map((k) => [k.period.actual, k.period.target, k.rag])).toEqual([[2_800n, 1_000n, "RED"]]);
  });

  it("over a fiscal year, averages a rate, sums a flow, takes a stock's last month, and names the worst KPI", async () => {
    const org = await createAccountabilityOrganization();
    const id = org.organizationId;
    const FY: MonthKey[] = [
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ];
    const amberMonths = new Set(["2026-03", "2026-06", "2026-09", "2026-12"]);
    // Cost per lead ($150 a month, lower is better): $140 in eight months, $160 in the four others.
    const cpl = await insertKpi(id, org.legal.id, {
      name: "Cost per lead",
      unit: "CURRENCY",
      direction: "LOWER_IS_BETTER",
      aggregation: "AVERAGE",
      targetScaled: 15_000n,
    });
    // Qualified leads (100 a month): 100 in eight months, 95 (amber) in four.
    const leads = await insertKpi(id, org.legal.id, { name: "Qualified leads", unit: "COUNT", targetScaled: 10_000n });
    // Open tickets (at most 120, a stock): 100 each month to October, 130 in November, December not reported.
    const tickets = await insertKpi(id, org.legal.id, {
      name: "Open tickets",
      unit: "COUNT",
      direction: "LOWER_IS_BETTER",
      aggregation: "LAST",
      targetScaled: 12_000n,
    });
    for (const month of FY) {
      const isAmber = amberMonths.has(month);
      await insertKpiValue(id, cpl.id, month, isAmber ? 16_000n : 14_000n, 15_000n);
      await insertKpiValue(id, leads.id, month, isAmber ? 9_500n : 10_000n, 10_000n);
      if (month < "2026-11") await insertKpiValue(id, tickets.id, month, 10_000n, 12_000n);
    }
    await insertKpiValue(id, tickets.id, "2026-11", 13_000n, 12_000n);
    const ctx = await resolveTenant(org.users.owner.id, org.slug);
    if (!ctx) throw new Error("no membership");
    const card = await getScorecard(ctx, org.legal.id, "fy-2026", new Date("2027-01-15T16:00:00Z"));
    if (!card) throw new Error("expected a scorecard");
    const byName = Object.fromEntries(
      card.kpis.map((k) => [k.kpi.name, [k.period.actual, k.period.target, k.period.months, k.period.asOf, k.rag]]),
    );
    expect(byName).toEqual({
      // (8 × 140 + 4 × 160) / 12 = 146.666… → $146.67 against $150: 150 / 146.67 = 102.3 %, green (summed, it read $1,760).
      "Cost per lead": [14_667n, 15_000n, 12, "2026-12", "GREEN"],
      // 8 × 100 + 4 × 95 = 1,180 against 1,200: 98.3 %, amber, although eight months were green.
      "Qualified leads": [118_000n, 120_000n, 12, "2026-12", "AMBER"],
      // November's 130 against 120: 120 / 130 = 92.3 %, amber; December has no value.
      "Open tickets": [13_000n, 12_000n, 11, "2026-11", "AMBER"],
    });
    // Both amber; open tickets (92.3 %) is further from its target than leads (98.3 %).
    expect(card.status).toBe("AMBER");
    expect(card.worstKpiId).toBe(tickets.id);
    // Each month keeps its own status: leads amber in exactly the four amber months.
    const leadRow = card.kpis.find((k) => k.kpi.id === leads.id);
    expect(leadRow?.series.filter((s) => s.rag === "AMBER").map((s) => s.month)).toEqual([...amberMonths]);
    expect(card.monthStatus.get("2026-11")).toBe("AMBER");
    expect(card.monthStatus.get("2026-10")).toBe("GREEN");
  });

  it("is null for another organization's department, and for any member of this one sees the same", async () => {
    const org = await createAccountabilityOrganization();
    const other = await createAccountabilityOrganization();
    await seed(other);
    const ctx = await resolveTenant(org.users.owner.id, org.slug);
    if (!ctx) throw new Error("no membership");
    expect(await getScorecard(ctx, other.legal.id, "q-2026-1")).toBeNull();
    expect(await getScorecard(ctx, "no-such-department", "q-2026-1")).toBeNull();
    const viewer = await resolveTenant(org.users.viewer.id, org.slug);
    if (!viewer) throw new Error("no membership");
    const card = await getScorecard(viewer, org.legal.id, "q-2026-1");
    expect(card?.kpis).toEqual([]);
    expect(card?.status).toBeNull();
  });
});
