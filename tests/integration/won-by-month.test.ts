import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getPipelineOverview } from "@/server/pipeline/overview";
import { getWonByMonth } from "@/server/pipeline/won";
import { wonByMonthCsv } from "@/server/pipeline/won-export";
import { withTenant } from "@/server/route-context";
import { resolveTenant } from "@/server/tenant";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";

// The won-by-month view (issue 11) against PostgreSQL: deals counted in the month of their close
// date, in an organization whose fiscal year starts in April and whose zone is far from UTC.

/** 15 May 2026 in Auckland: fiscal year 2027 (April 2026 – March 2027) is the current one. */
const NOW = new Date("2026-05-15T00:00:00Z");

async function ctxOf(org: TPipelineOrganization, userId: string) {
  const ctx = await resolveTenant(userId, org.slug);
  if (!ctx) throw new Error("no tenant");
  return ctx;
}

async function won(
  org: TPipelineOrganization,
  ownerId: string,
  expectedCloseDate: string,
  amountMinor: bigint,
  stage = "Closed won",
) {
  const deal = await insertOpportunity(org, {
    stage,
    expectedCloseDate,
    amountMinor,
    name: `Deal ${expectedCloseDate}`,
  });
  await db.opportunity.update({
    where: { organizationId_id: { organizationId: org.organizationId, id: deal.id } },
    data: { ownerId },
  });
}

async function seed() {
  const org = await createPipelineOrganization("Won Alpha");
  await db.organization.update({
    where: { id: org.organizationId },
    data: { fiscalYearStartMonth: 4, timeZone: "Pacific/Auckland" },
  });
  const { salesManager: ana, owner: bo } = org.users;
  await won(org, ana.id, "2025-04-01", 1_234_56n); // first day of FY2026
  await won(org, ana.id, "2025-04-30", 1n); // last day of April
  await won(org, bo.id, "2025-06-30", 10_000_99n);
  await won(org, ana.id, "2026-03-31", 500_00n); // last day of FY2026
  await won(org, bo.id, "2026-04-01", 777_77n); // first day of FY2027: not in FY2026
  await won(org, ana.id, "2019-12-31", 42_00n); // FY2020, the oldest data
  await won(org, ana.id, "2025-05-10", 999_00n, "Closed lost");
  await won(org, ana.id, "2025-05-10", 888_00n, "Proposal");
  return org;
}

describe("won by month", () => {
  it("counts won deals per owner and close month, with totals exact to the cent, in the fiscal year asked for", async () => {
    const org = await seed();
    const { salesManager: ana, owner: bo } = org.users;
    const data = await getWonByMonth(await ctxOf(org, org.users.viewer.id), "fy-2026", NOW);
    const { table } = data;
    expect(data.resolved.label).toBe("FY2026");
    expect(table.months[0]).toBe("2025-04");
    expect(table.months.at(-1)).toBe("2026-03");
    expect(table.owners.map((o) => [o.ownerName, o.total])).toEqual([
      [bo.name, { count: 1, amountMinor: 10_000_99n }],
      [ana.name, { count: 3, amountMinor: 1_734_57n }],
    ]);
    const monthTotal = (m: string) => table.monthTotals[table.months.indexOf(m as never)];
    expect(monthTotal("2025-04")).toEqual({ count: 2, amountMinor: 1_234_57n });
    expect(monthTotal("2025-05")).toEqual({ count: 0, amountMinor: 0n });
    expect(monthTotal("2025-06")).toEqual({ count: 1, amountMinor: 10_000_99n });
    expect(monthTotal("2026-03")).toEqual({ count: 1, amountMinor: 500_00n });
    expect(table.total).toEqual({ count: 4, amountMinor: 11_735_56n });
    // Every fiscal year from the oldest deal (FY2020) to the next year (FY2028).
    expect(data.fiscalYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);

    const q1 = await getWonByMonth(await ctxOf(org, ana.id), "q-2026-1", NOW);
    expect(q1.table.months).toEqual(["2025-04", "2025-05", "2025-06"]);
    expect(q1.table.total).toEqual({ count: 3, amountMinor: 11_235_56n });
    // No period, or one the view does not read (a month): the current fiscal year, FY2027.
    const current = await getWonByMonth(await ctxOf(org, ana.id), "m-2025-04", NOW);
    expect(current.resolved.period).toEqual({ kind: "fy", fiscalYear: 2027 });
    expect(current.table.total).toEqual({ count: 1, amountMinor: 777_77n });
  });

  it("exports the same figures as CSV, exact amounts, a formula-like owner name neutralized", async () => {
    const org = await seed();
    const { salesManager: ana, owner: bo } = org.users;
    await db.user.update({ where: { id: ana.id }, data: { name: "=Ana" } });
    const response = await withTenant(ana.id, org.slug, (ctx) => wonByMonthCsv(ctx, "fy-2026", NOW));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${org.slug}-won-by-month-fy-2026.csv"`,
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    const zero = (months: string[]) => months.map((m) => `month total,${m},all,0,0.00,USD`);
    expect(lines).toEqual([
      "row,close_month,owner,deals_won,amount_won,currency",
      `owner month,2025-06,${bo.name},1,10000.99,USD`,
      "owner month,2025-04,'=Ana,2,1234.57,USD",
      "owner month,2026-03,'=Ana,1,500.00,USD",
      `owner total,all,${bo.name},1,10000.99,USD`,
      "owner total,all,'=Ana,3,1734.57,USD",
      "month total,2025-04,all,2,1234.57,USD",
      ...zero(["2025-05"]),
      "month total,2025-06,all,1,10000.99,USD",
      ...zero(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]),
      "month total,2026-03,all,1,500.00,USD",
      "grand total,all,all,4,11735.56,USD",
    ]);
  });

  it("the pipeline's quarter filter offers every fiscal year with data, and the next", async () => {
    const org = await seed();
    const overview = await getPipelineOverview(await ctxOf(org, org.users.viewer.id), NOW);
    expect(overview.fiscalYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it("keeps organizations apart: another organization's member gets not found, and its deals never count", async () => {
    const a = await seed();
    const b = await createPipelineOrganization("Won Beta");
    await won(b, b.users.salesManager.id, "2025-05-15", 123_00n);

    // The page: no tenant context for a member of B on A's slug (getTenantContext answers 404).
    expect(await resolveTenant(b.users.salesManager.id, a.slug)).toBeNull();
    const refused = await withTenant(b.users.salesManager.id, a.slug, (ctx) => wonByMonthCsv(ctx, "fy-2026", NOW));
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe("Not found");
    expect((await withTenant(null, a.slug, (ctx) => wonByMonthCsv(ctx, "fy-2026", NOW))).status).toBe(404);

    const ofA = await getWonByMonth(await ctxOf(a, a.users.viewer.id), "fy-2026", NOW);
    expect(ofA.table.total).toEqual({ count: 4, amountMinor: 11_735_56n });
    // B's calendar year (January start, New York): its one deal, in May.
    const ofB = await getWonByMonth(await ctxOf(b, b.users.viewer.id), "fy-2025", NOW);
    expect(ofB.table.total).toEqual({ count: 1, amountMinor: 123_00n });
    expect(ofB.table.owners.map((o) => o.ownerId)).toEqual([b.users.salesManager.id]);
  });
});
