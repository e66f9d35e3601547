import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { logContribution, reviewContribution } from "@/server/accountability/contributions";
import { departmentsOverview } from "@/server/accountability/departments-overview";
import { createKpi, setKpiValues } from "@/server/accountability/kpis";
import { resolveTenant } from "@/server/tenant";
import { categoryId, createAccountabilityOrganization } from "../factories/accountability";
import { expectOk } from "../support/assertions";

// The departments list for a period: status and worst KPI by the scorecard's rule (aggregated over
// the period as each unit says), net impact confirmed and claimed, claims waiting, the head.

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

async function overview(org: TOrg, months: `${number}-${string}`[]) {
  const ctx = await resolveTenant(org.users.viewer.id, org.slug);
  if (!ctx) throw new Error("the viewer is a member");
  return departmentsOverview(ctx, months);
}

async function claim(org: TOrg, month: `${number}-${string}`, amount: string) {
  const input = {
    departmentId: org.legal.id,
    month,
    categoryId: await categoryId(org.organizationId, "LEGAL"),
    amount,
    description: "Contract review delay",
  };
  return expectOk(await logContribution(org.users.legalHead.id, org.slug, input)).contributionId;
}

describe("departmentsOverview", () => {
  it("rates each KPI over the period as its unit says, names the worst, sums impact and counts what waits", async () => {
    const org = await createAccountabilityOrganization();
    const base = { greenAt: "100", amberAt: "90", departmentId: org.legal.id } as const;
    const signed = expectOk(
      await createKpi(org.users.owner.id, org.slug, {
        ...base,
        name: "Contracts signed",
        unit: "COUNT",
        direction: "HIGHER_IS_BETTER",
        target: "10",
      }),
    ).kpiId;
    const cycle = expectOk(
      await createKpi(org.users.owner.id, org.slug, {
        ...base,
        name: "Review cycle days",
        unit: "DAYS",
        direction: "LOWER_IS_BETTER",
        target: "45",
      }),
    ).kpiId;
    // Contracts signed (a count, summed): 12 + 5 = 17 against 10 + 10 = 20 → 85 %, below amber's 90 % → red,
    // although January alone was green. Review cycle (days, averaged): (40 + 44) / 2 = 42 ≤ 45 → green.
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-01",
        values: { [signed]: "12", [cycle]: "40" },
      }),
    );
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-02",
        values: { [signed]: "5", [cycle]: "44" },
      }),
    );
    const confirmed = await claim(org, "2026-02", "-1,000.50");
    expectOk(
      await reviewContribution(org.users.finance.id, org.slug, { contributionId: confirmed, decision: "CONFIRMED" }),
    );
    await claim(org, "2026-01", "-4,000");
    await claim(org, "2026-03", "-7");

    const rows = await overview(org, ["2026-01", "2026-02"]);
    const legal = rows.find((r) => r.id === org.legal.id);
    expect(legal).toEqual({
      id: org.legal.id,
      name: "Legal",
      kind: "LEGAL",
      status: "RED",
      worstKpi: { name: "Contracts signed", rag: "RED" },
      confirmedMinor: -100_050n,
      claimedMinor: -400_000n,
      pipelineMinor: 0n,
      claimsPending: 1,
      causesDisputed: 0,
      heads: [org.users.legalHead.name],
    });
    // January alone: 12 of 10 signed and 40 days → green, with its own claim waiting.
    expect((await overview(org, ["2026-01"])).find((r) => r.id === org.legal.id)).toMatchObject({
      status: "GREEN",
      worstKpi: { name: "Review cycle days", rag: "GREEN" },
      confirmedMinor: 0n,
      claimedMinor: -400_000n,
      claimsPending: 1,
    });
    // A department without KPIs, values or records: nothing rated, nothing owed, and its head named.
    expect(rows.find((r) => r.id === org.billing.id)).toMatchObject({
      status: null,
      worstKpi: null,
      confirmedMinor: 0n,
      claimedMinor: 0n,
      claimsPending: 0,
      heads: [org.users.billingHead.name],
    });
  });

  it("reads only its own organization's records", async () => {
    const a = await createAccountabilityOrganization();
    const b = await createAccountabilityOrganization();
    await claim(b, "2026-01", "-4,000");
    const legal = (await overview(a, ["2026-01"])).find((r) => r.name === "Legal");
    expect(legal).toMatchObject({ claimedMinor: 0n, claimsPending: 0, heads: [a.users.legalHead.name] });
    const own = await db.department.findMany({
      where: { organizationId: a.organizationId, archivedAt: null },
      select: { id: true },
    });
    expect((await overview(a, ["2026-01"])).map((r) => r.id).sort()).toEqual(own.map((d) => d.id).sort());
  });
});
