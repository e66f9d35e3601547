import { describe, expect, it } from "vitest";
import type { CommitmentStatus, ContributionStatus, DepartmentKind, KpiDirection } from "@db/enums";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { listCategories } from "@/server/accountability/category-queries";
import { db } from "@/server/db";
import { getDashboard, getDashboardAccountability, getDashboardBridge } from "@/server/dashboard/dashboard";
import { getDashboardCsv } from "@/server/dashboard/dashboard-csv";
import { resolveTenant } from "@/server/tenant";
import { createOrganization } from "../factories";

// The accountability half of the CEO dashboard against real PostgreSQL: the gap bridge, the
// departments × months heat map, commitment accuracy and their CSV exports. Every expected number
// is worked out by hand from the rows created here.

// D = 15 April 2026 in New York: Q1 has ended, April is in progress.
const NOW = new Date("2026-04-15T16:00:00Z");

type TOrg = Awaited<ReturnType<typeof createOrganization>>;

async function ownerContext(org: TOrg) {
  const ctx = await resolveTenant(org.owner.id, org.organization.slug);
  if (!ctx) throw new Error("owner has no membership");
  return ctx;
}

/** $100,000.00 target every month of calendar FY2026; Q1 actuals $95,000 + $101,000 + $90,000.50. */
async function seedRevenue(organizationId: string) {
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      organizationId,
      month: monthToDbDate(`2026-${String(i + 1).padStart(2, "0")}`),
      amountMinor: 10_000_000n,
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
      entry("2026-01-20T15:00:00Z", 9_500_000n),
      entry("2026-02-20T15:00:00Z", 10_100_000n),
      entry("2026-03-20T15:00:00Z", 9_000_050n),
      entry("2026-04-02T15:00:00Z", 4_000_000n),
    ],
  });
}

async function categoryOf(organizationId: string, kind: DepartmentKind) {
  const category = await db.contributionCategory.findFirst({
    where: { organizationId, kind },
    orderBy: { name: "asc" },
  });
  if (!category) throw new Error(`no ${kind} category`);
  return category;
}

async function contribution(
  org: TOrg,
  department: { id: string; kind: DepartmentKind },
  month: MonthKey,
  amountMinor: bigint,
  status: ContributionStatus,
) {
  const organizationId = org.organization.id;
  const category = await categoryOf(organizationId, department.kind);
  await db.contribution.create({
    data: {
      organizationId,
      departmentId: department.id,
      month: monthToDbDate(month),
      categoryId: category.id,
      amountMinor,
      description: `${department.kind} ${month}`,
      status,
    },
  });
}

/**
 * Q1 FY2026: Legal −$300.00 (Jan) −$123.45 (Feb) confirmed; Billing −$77.77 confirmed (Mar) and
 * −$500.00 confirmed in April (outside Q1); Marketing +$200.01 confirmed, +$50.00 claimed and +$999.99
 * disputed; Sales −$0.01 claimed only.
 */
async function seedContributions(org: TOrg) {
  const [legal, billing, marketing, sales] = [
    org.department("LEGAL"),
    org.department("BILLING"),
    org.department("MARKETING"),
    org.department("SALES"),
  ];
  await contribution(org, legal, "2026-01", -30_000n, "CONFIRMED");
  await contribution(org, legal, "2026-02", -12_345n, "CONFIRMED");
  await contribution(org, billing, "2026-03", -7_777n, "CONFIRMED");
  await contribution(org, billing, "2026-04", -50_000n, "CONFIRMED");
  await contribution(org, marketing, "2026-02", 20_001n, "CONFIRMED");
  await contribution(org, marketing, "2026-03", 5_000n, "CLAIMED");
  await contribution(org, marketing, "2026-03", 99_999n, "DISPUTED");
  await contribution(org, sales, "2026-01", -1n, "CLAIMED");
  return { legal, billing, marketing, sales };
}

const TARGET_Q1 = 30_000_000n;
const ACTUAL_Q1 = 9_500_000n + 10_100_000n + 9_000_050n; // 28,600,050

describe("the gap bridge on the dashboard", () => {
  it("sums each department's confirmed contributions in the period, leaves out disputed and claimed ones, and balances to the cent", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    const { legal, billing, marketing } = await seedContributions(a);
    // Another organization's contributions in the same months never count.
    const b = await createOrganization("Beta");
    await contribution(b, b.department("LEGAL"), "2026-01", -1_000_000n, "CONFIRMED");

    const ctx = await ownerContext(a);
    const dashboard = await getDashboard(ctx, "q-2026-1", NOW);
    expect(dashboard.range).toMatchObject({ target: TARGET_Q1, actual: ACTUAL_Q1 });
    const result = await getDashboardBridge(ctx, dashboard, false);
    const bridge = result.bridge!;
    // −42,345 − 7,777 + 20,001 = −30,121 attributed; the running total after them is 29,969,879;
    // unattributed = 28,600,050 − 29,969,879 = −1,369,829. Sales has only a claim: a zero step, its −1 pending.
    expect(
      bridge.steps.map((s) => [s.kind, s.label, s.departmentId ?? null, s.amountMinor, s.startMinor, s.endMinor]),
    ).toEqual([
      ["target", "Target", null, 30_000_000n, 0n, 30_000_000n],
      ["department", "Legal", legal.id, -42_345n, 30_000_000n, 29_957_655n],
      ["department", "Billing", billing.id, -7_777n, 29_957_655n, 29_949_878n],
      ["department", "Sales", expect.any(String), 0n, 29_949_878n, 29_949_878n],
      ["department", "Marketing", marketing.id, 20_001n, 29_949_878n, 29_969_879n],
      ["unattributed", "Unattributed", null, -1_369_829n, 29_969_879n, 28_600_050n],
      ["actual", "Actual", null, 28_600_050n, 0n, 28_600_050n],
    ]);
    expect(bridge.attributedMinor).toBe(-30_121n);
    expect(bridge.targetMinor + bridge.attributedMinor + bridge.unattributedMinor).toBe(bridge.actualMinor);
    // Claimed, not counted: Marketing's +5,000 and Sales's −1, from two departments, each beside its bar.
    expect(result).toMatchObject({
      includeClaimed: false,
      hasConfirmed: true,
      claimedMinor: 4_999n,
      claimedDepartments: 2,
    });
    expect(bridge.steps.filter((s) => s.pendingMinor).map((s) => [s.label, s.pendingMinor])).toEqual([
      ["Sales", -1n],
      ["Marketing", 5_000n],
    ]);
    // The shortfall is 30,000,000 − 28,600,050 = 1,399,950: departments explain 30,121 of it (2.15 %),
    // claims −4,999 more (−0.36 %: Marketing's claimed help outweighs Sales's claimed harm); together
    // 25,122 / 1,399,950 = 1.7945 % → 179 bp (each share is rounded once, from the exact amounts).
    expect(result.traced).toMatchObject({
      gapMinor: 1_399_950n,
      confirmedMinor: 30_121n,
      claimedMinor: -4_999n,
      confirmedBp: 215,
      claimedBp: -36,
      totalBp: 179,
    });
  });

  it("counts claimed contributions only with the toggle, still never the disputed ones", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    const { sales } = await seedContributions(a);
    const ctx = await ownerContext(a);
    const dashboard = await getDashboard(ctx, "q-2026-1", NOW);
    const { bridge } = await getDashboardBridge(ctx, dashboard, true);
    // Marketing 20,001 + 5,000 = 25,001; Sales −1 joins between Billing and Marketing.
    // Attributed −42,345 − 7,777 − 1 + 25,001 = −25,122; unattributed = 28,600,050 − 29,974,878.
    expect(bridge!.steps.map((s) => [s.label, s.amountMinor, s.endMinor])).toEqual([
      ["Target", 30_000_000n, 30_000_000n],
      ["Legal", -42_345n, 29_957_655n],
      ["Billing", -7_777n, 29_949_878n],
      ["Sales", -1n, 29_949_877n],
      ["Marketing", 25_001n, 29_974_878n],
      ["Unattributed", -1_374_828n, 28_600_050n],
      ["Actual", 28_600_050n, 28_600_050n],
    ]);
    expect(bridge!.steps.find((s) => s.label === "Sales")?.departmentId).toBe(sales.id);
    expect(bridge!.targetMinor + bridge!.attributedMinor + bridge!.unattributedMinor).toBe(ACTUAL_Q1);
  });

  it("traces only completed months: a month not yet begun has no bridge, and a year in progress is bridged to date", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    await seedContributions(a);
    const ctx = await ownerContext(a);
    // As of 15 April, May has not begun and April is in progress: nothing to trace yet.
    const may = await getDashboardBridge(ctx, await getDashboard(ctx, "m-2026-05", NOW), false);
    expect(may).toMatchObject({ months: [], bridge: null, traced: null });
    const q2 = await getDashboardBridge(ctx, await getDashboard(ctx, "q-2026-2", NOW), false);
    expect(q2).toMatchObject({ months: [], bridge: null });
    // FY2026 to date is January – March: the same bridge as Q1, no target of April – December in it.
    const year = await getDashboardBridge(ctx, await getDashboard(ctx, "fy-2026", NOW), false);
    const q1 = await getDashboardBridge(ctx, await getDashboard(ctx, "q-2026-1", NOW), false);
    expect(year.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(year.bridge?.steps).toEqual(q1.bridge?.steps);
    expect(year.bridge).toMatchObject({ targetMinor: TARGET_Q1, actualMinor: ACTUAL_Q1 });
    // FY2025 has no targets.
    expect((await getDashboardBridge(ctx, await getDashboard(ctx, "fy-2025", NOW), false)).bridge).toBeNull();
  });
});

async function kpi(
  org: TOrg,
  kind: DepartmentKind,
  name: string,
  direction: KpiDirection,
  values: [MonthKey, bigint, bigint][],
  archived = false,
) {
  const organizationId = org.organization.id;
  const created = await db.kpi.create({
    data: {
      organizationId,
      departmentId: org.department(kind).id,
      name,
      unit: "COUNT",
      direction,
      aggregation: "SUM",
      targetScaled: values[0]?.[2] ?? null,
      archivedAt: archived ? new Date() : null,
    },
  });
  await db.kpiValue.createMany({
    data: values.map(([month, valueScaled, targetScaled]) => ({
      organizationId,
      kpiId: created.id,
      month: monthToDbDate(month),
      valueScaled,
      targetScaled,
    })),
  });
}

describe("the departments × months heat map", () => {
  it("rates each department's month by its worst KPI, marks reviewed months, and flags months after the as-of month", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    // Marketing: leads (higher is better, target 100): Jan 100 green, Feb 95 amber, Mar 50 red;
    // conversion (target 10): Jan 8 red, so January is red. A value in May (after D) is not shown.
    await kpi(a, "MARKETING", "Leads", "HIGHER_IS_BETTER", [
      ["2026-01", 10_000n, 10_000n],
      ["2026-02", 9_500n, 10_000n],
      ["2026-03", 5_000n, 10_000n],
      ["2026-05", 10_000n, 10_000n],
    ]);
    await kpi(a, "MARKETING", "Conversions", "HIGHER_IS_BETTER", [["2026-01", 800n, 1_000n]]);
    // Legal: days to sign (lower is better, target 10): Jan 10.5 → 10 / 10.5 = 95.2 % amber; Feb 12 → 83 % red.
    await kpi(a, "LEGAL", "Days to sign", "LOWER_IS_BETTER", [
      ["2026-01", 1_050n, 1_000n],
      ["2026-02", 1_200n, 1_000n],
    ]);
    // An archived KPI's red value does not count: Legal's March stays unrated.
    await kpi(a, "LEGAL", "Old metric", "HIGHER_IS_BETTER", [["2026-03", 0n, 1_000n]], true);
    await db.narrative.create({
      data: {
        organizationId: a.organization.id,
        departmentId: a.department("MARKETING").id,
        month: monthToDbDate("2026-02"),
        why: "Budget cut",
        reviewedAt: NOW,
        reviewedById: a.owner.id,
      },
    });
    await db.narrative.create({
      data: {
        organizationId: a.organization.id,
        departmentId: a.department("MARKETING").id,
        month: monthToDbDate("2026-03"),
        why: "Not reviewed yet",
      },
    });

    const ctx = await ownerContext(a);
    const { heatMap } = await getDashboardAccountability(ctx, await getDashboard(ctx, "fy-2026", NOW), {
      includeClaimed: false,
    });
    // Every active department, in name order, with all twelve months.
    expect(heatMap.map((r) => r.name)).toEqual([
      "Accounting",
      "Audit",
      "Billing",
      "Customer service",
      "Executive",
      "Legal",
      "Marketing",
      "Media relations",
      "Sales",
    ]);
    const row = (name: string) => heatMap.find((r) => r.name === name)!;
    const shown = (name: string) =>
      row(name)
        .cells.filter((c) => !c.isFuture)
        .map((c) => [c.month, c.status, c.reviewed]);
    expect(shown("Marketing")).toEqual([
      ["2026-01", "RED", false],
      ["2026-02", "AMBER", true],
      ["2026-03", "RED", false],
      ["2026-04", null, false],
    ]);
    expect(shown("Legal")).toEqual([
      ["2026-01", "AMBER", false],
      ["2026-02", "RED", false],
      ["2026-03", null, false],
      ["2026-04", null, false],
    ]);
    // May to December come after April (D's month).
    expect(
      row("Marketing")
        .cells.filter((c) => c.isFuture)
        .map((c) => c.month),
    ).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(row("Sales").cells.every((c) => c.status === null && !c.reviewed)).toBe(true);
  });
});

/** A resolved commitment always records what it delivered (a MISSED one defaults to nothing), an open one never. */
async function commitment(
  org: TOrg,
  kind: DepartmentKind,
  dueDate: string,
  expectedImpactMinor: bigint,
  status: CommitmentStatus,
  delivered: bigint | null = null,
) {
  const deliveredImpactMinor = status === "OPEN" ? null : (delivered ?? 0n);
  await db.commitment.create({
    data: {
      organizationId: org.organization.id,
      departmentId: org.department(kind).id,
      title: `${kind} by ${dueDate}`,
      ownerId: org.owner.id,
      dueDate: new Date(`${dueDate}T00:00:00Z`),
      expectedImpactMinor,
      status,
      deliveredImpactMinor,
    },
  });
}

describe("commitment accuracy across departments", () => {
  it("counts done, missed, open and overdue per department and compares delivered with promised", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    // Billing: done 10,000 → 8,000 and 5,000 → 6,000; missed 4,000; open due 14 April (overdue on
    // the 15th) and due 15 April (due today: not overdue).
    await commitment(a, "BILLING", "2026-03-01", 1_000_000n, "DONE", 800_000n);
    await commitment(a, "BILLING", "2026-03-15", 500_000n, "DONE", 600_000n);
    await commitment(a, "BILLING", "2026-03-31", 400_000n, "MISSED");
    await commitment(a, "BILLING", "2026-04-14", 300_000n, "OPEN");
    await commitment(a, "BILLING", "2026-04-15", 200_000n, "OPEN");
    // Legal: one open, nothing resolved yet.
    await commitment(a, "LEGAL", "2026-06-30", 100_000n, "OPEN");
    // Another organization's commitments stay out.
    const b = await createOrganization("Beta");
    await commitment(b, "BILLING", "2026-03-01", 1_000_000n, "MISSED");

    const ctx = await ownerContext(a);
    const { accuracy } = await getDashboardAccountability(ctx, await getDashboard(ctx, "fy-2026", NOW), {
      includeClaimed: false,
    });
    expect(accuracy.map((r) => [r.name, r.accuracy])).toEqual([
      // Hit rate 2 / 3 = 66.67 %; delivered 1,400,000 of 1,900,000 promised = 73.68 %.
      [
        "Billing",
        {
          open: 2,
          overdue: 1,
          done: 2,
          missed: 1,
          hitRateBp: 6_667,
          promisedMinor: 1_900_000n,
          deliveredMinor: 1_400_000n,
          deliveredBp: 7_368,
        },
      ],
      [
        "Legal",
        {
          open: 1,
          overdue: 0,
          done: 0,
          missed: 0,
          hitRateBp: null,
          promisedMinor: 0n,
          deliveredMinor: 0n,
          deliveredBp: null,
        },
      ],
    ]);
  });

  it("lists nobody before the first commitment", async () => {
    const a = await createOrganization("Alpha");
    const ctx = await ownerContext(a);
    const { accuracy } = await getDashboardAccountability(ctx, await getDashboard(ctx, "fy-2026", NOW), {
      includeClaimed: false,
    });
    expect(accuracy).toEqual([]);
  });
});

describe("the dashboard's CSV exports", () => {
  const csv = async (org: TOrg, query: string) =>
    getDashboardCsv(await ownerContext(org), new URLSearchParams(query), NOW);

  it("exports the bridge step by step with exact amounts and running totals, claimed ones only when asked", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    await seedContributions(a);
    const confirmed = await csv(a, "period=q-2026-1&table=bridge");
    expect(confirmed.filename).toBe(`${a.organization.slug}-bridge-q-2026-1.csv`);
    expect(confirmed.csv).toBe(
      [
        "step,kind,amount_USD,running_total_USD,contributions_USD,pipeline_USD,claimed_not_counted_USD",
        "Target,target,300000.00,300000.00,,,",
        "Legal,department,-423.45,299576.55,-423.45,0.00,0.00",
        "Billing,department,-77.77,299498.78,-77.77,0.00,0.00",
        "Sales,department,0.00,299498.78,0.00,0.00,-0.01",
        "Marketing,department,200.01,299698.79,200.01,0.00,50.00",
        "Unattributed,unattributed,-13698.29,286000.50,,,",
        "Actual,actual,286000.50,286000.50,,,",
        "",
      ].join("\r\n"),
    );
    const claimed = await csv(a, "period=q-2026-1&table=bridge&claimed=1");
    expect(claimed.filename).toBe(`${a.organization.slug}-bridge-with-claimed-q-2026-1.csv`);
    expect(claimed.csv.split("\r\n").slice(3, 6)).toEqual([
      "Billing,department,-77.77,299498.78,-77.77,0.00,0.00",
      "Sales,department,-0.01,299498.77,-0.01,0.00,0.00",
      "Marketing,department,250.01,299748.78,250.01,0.00,0.00",
    ]);
  });

  it("neutralizes a department name a spreadsheet would run as a formula", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    const rogue = await db.department.create({
      data: { organizationId: a.organization.id, name: '=HYPERLINK("x")', kind: "OTHER" },
    });
    await contribution(a, { id: rogue.id, kind: "OTHER" }, "2026-02", -100n, "CONFIRMED");
    const { csv: text } = await csv(a, "period=q-2026-1&table=bridge");
    expect(text.split("\r\n")[2]).toBe(`"'=HYPERLINK(""x"")",department,-1.00,299999.00,-1.00,0.00,0.00`);
    const heat = await csv(a, "period=q-2026-1&table=heatmap");
    expect(heat.csv.split("\r\n").filter((l) => l.includes("HYPERLINK"))).toEqual([
      `"'=HYPERLINK(""x"")",Not rated,Not rated,Not rated,,,,,,,,,`,
    ]);
  });

  it("exports the heat map as departments × months of status, empty after the as-of month", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    await kpi(a, "MARKETING", "Leads", "HIGHER_IS_BETTER", [
      ["2026-01", 10_000n, 10_000n],
      ["2026-02", 9_500n, 10_000n],
      ["2026-03", 5_000n, 10_000n],
    ]);
    await db.narrative.create({
      data: {
        organizationId: a.organization.id,
        departmentId: a.department("MARKETING").id,
        month: monthToDbDate("2026-02"),
        reviewedAt: NOW,
        reviewedById: a.owner.id,
      },
    });
    const { filename, csv: text } = await csv(a, "period=fy-2026&table=heatmap");
    expect(filename).toBe(`${a.organization.slug}-department-status-fy-2026.csv`);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "department,2026-01,2026-02,2026-03,2026-04,2026-05,2026-06,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12",
    );
    expect(lines.find((l) => l.startsWith("Marketing,"))).toBe(
      "Marketing,Green,Amber (reviewed),Red,Not rated,,,,,,,,",
    );
    expect(lines.find((l) => l.startsWith("Sales,"))).toBe("Sales,Not rated,Not rated,Not rated,Not rated,,,,,,,,");
    expect(lines).toHaveLength(1 + 9 + 1);
  });

  it("exports commitment accuracy, and still the monthly table by default", async () => {
    const a = await createOrganization("Alpha");
    await seedRevenue(a.organization.id);
    await commitment(a, "BILLING", "2026-03-01", 1_000_000n, "DONE", 800_000n);
    await commitment(a, "BILLING", "2026-03-31", 400_000n, "MISSED");
    await commitment(a, "BILLING", "2026-04-01", 300_000n, "OPEN");
    const accuracy = await csv(a, "period=fy-2026&table=accuracy");
    expect(accuracy.csv).toBe(
      [
        "department,done,missed,hit_rate_pct,delivered_USD,promised_USD,delivered_pct,open,overdue",
        "Billing,1,1,50.00,8000.00,14000.00,57.14,1,1",
        "",
      ].join("\r\n"),
    );
    const months = await csv(a, "period=q-2026-1");
    expect(months.filename).toBe(`${a.organization.slug}-revenue-q-2026-1.csv`);
    expect(months.csv.split("\r\n")[1]).toBe("2026-01,100000.00,95000.00,5000.00,95.00,100000.00,95000.00,,,,,actual");
  });
});

describe("contribution categories for settings", () => {
  it("lists the organization's own categories per kind, archived ones too, with how many contributions use each", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    await seedContributions(a);
    const legalCategory = await categoryOf(a.organization.id, "LEGAL");
    const archived = await db.contributionCategory.create({
      data: { organizationId: a.organization.id, kind: "LEGAL", name: "Retired reason", archivedAt: NOW },
    });
    const categories = await listCategories(await ownerContext(a));
    const beta = new Set(
      (
        await db.contributionCategory.findMany({ where: { organizationId: b.organization.id }, select: { id: true } })
      ).map((c) => c.id),
    );
    expect(categories.some((c) => beta.has(c.id))).toBe(false);
    const legal = categories.filter((c) => c.kind === "LEGAL");
    // Active ones first, by name; Legal's first category carries both of Legal's contributions.
    expect(legal.map((c) => [c.name, c.archivedAt !== null, c._count.contributions])).toEqual([
      ["Contract review delay", false, 2],
      ["Contract terms unblocked", false, 0],
      ["Dispute or litigation", false, 0],
      ["Retired reason", true, 0],
    ]);
    expect(legalCategory.name).toBe("Contract review delay");
    expect(archived.id).toBe(legal.at(-1)?.id);
    expect(categories).toHaveLength(
      await db.contributionCategory.count({ where: { organizationId: a.organization.id } }),
    );
  });
});
