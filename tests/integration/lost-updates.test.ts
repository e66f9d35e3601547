import { describe, expect, it } from "vitest";
import { monthToDbDate } from "@/lib/period";
import { createCommitment, resolveCommitment } from "@/server/accountability/commitments";
import { logContribution, reviewContribution, reviseContribution } from "@/server/accountability/contributions";
import { setKpiValues, updateKpi } from "@/server/accountability/kpis";
import { saveNarrative } from "@/server/accountability/narratives";
import { cellToken } from "@/server/concurrency";
import { db } from "@/server/db";
import { renameDepartment } from "@/server/departments/mutations";
import { updateOrganization } from "@/server/organizations/mutations";
import { updateOpportunity } from "@/server/pipeline/opportunities";
import { addMember } from "../factories";
import { categoryId, createAccountabilityOrganization, insertKpi } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { atTime, lastAuditAt, rename } from "../support/concurrency";
import { interleave } from "../support/interleave";

// Issue 10, finding 3 ("Lost updates"), on every edit form but the targets grid (its own file):
// two people on the same screen, the second saving from a copy loaded before the first one's save.
// The stale save is refused with CONFLICT naming who changed what and when, and writes nothing.

const reload = "; reload to see it — your input is kept.";

/** The accountability organization with recognizable names: Olga Owner, Anna Finance, Lee Legal. */
async function named() {
  const org = await createAccountabilityOrganization("Alpha");
  await rename(org.users.owner.id, "Olga Owner");
  await rename(org.users.finance.id, "Anna Finance");
  await rename(org.users.legalHead.id, "Lee Legal");
  return org;
}

describe("lost updates: KPI values", () => {
  it("saves a stale form's one changed value without writing back the other, and refuses a value changed meanwhile", async () => {
    const org = await named();
    const { organizationId } = org;
    const signed = await insertKpi(organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
    const redline = await insertKpi(organizationId, org.legal.id, {
      name: "Days to redline",
      unit: "DAYS",
      direction: "LOWER_IS_BETTER",
    });
    const month = monthToDbDate("2026-03");
    await db.kpiValue.create({ data: { organizationId, kpiId: signed.id, month, valueScaled: 800n } });
    // Both pages load March: Contracts signed 8 (its token), Days to redline empty.
    const loaded = Object.fromEntries(
      (await db.kpiValue.findMany({ where: { organizationId } })).map((v) => [v.kpiId, cellToken(v)]),
    );
    const page = { [signed.id]: loaded[signed.id] ?? "", [redline.id]: "" };

    expectOk(
      await setKpiValues(org.users.owner.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        values: { [signed.id]: "11" },
        versions: { [signed.id]: page[signed.id] },
      }),
    );
    const at = atTime(await lastAuditAt(organizationId));
    // The head's stale form sends only what the head changed: Days to redline.
    const saved = expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        values: { [redline.id]: "9" },
        versions: { [redline.id]: page[redline.id] },
      }),
    );
    expect(saved.changed).toBe(1);
    const values = async () =>
      Object.fromEntries(
        (await db.kpiValue.findMany({ where: { organizationId } })).map((v) => [v.kpiId, v.valueScaled]),
      );
    expect(await values()).toEqual({ [signed.id]: 1_100n, [redline.id]: 900n });

    const stale = await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      values: { [signed.id]: "12" },
      versions: { [signed.id]: page[signed.id] },
    });
    const message = `Olga Owner changed Contracts signed for Mar 2026 to 11 ${at}${reload}`;
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message,
      fieldErrors: { [`values.${signed.id}`]: [message] },
    });
    expect(await values()).toEqual({ [signed.id]: 1_100n, [redline.id]: 900n });
  });

  it("refuses a value entered by someone else since the form loaded it empty", async () => {
    const org = await named();
    const signed = await insertKpi(org.organizationId, org.legal.id, { name: "Contracts signed" });
    expectOk(
      await setKpiValues(org.users.owner.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        values: { [signed.id]: "4" },
        versions: { [signed.id]: "" },
      }),
    );
    const stale = await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      values: { [signed.id]: "5" },
      versions: { [signed.id]: "" },
    });
    expectFailure(stale, "CONFLICT");
    expect(!stale.ok && stale.message).toMatch(
      /^Olga Owner changed Contracts signed for Mar 2026 to 4 at \d\d:\d\d; reload/,
    );
    expect((await db.kpiValue.findFirstOrThrow({ where: { organizationId: org.organizationId } })).valueScaled).toBe(
      400n,
    );
  });
});

describe("lost updates: KPI values racing", () => {
  it("refuses the later of two saves of one value, even after both read the same version", async () => {
    const org = await named();
    const { organizationId } = org;
    const signed = await insertKpi(organizationId, org.legal.id, { name: "Contracts signed" });
    const value = await db.kpiValue.create({
      data: { organizationId, kpiId: signed.id, month: monthToDbDate("2026-03"), valueScaled: 800n },
    });
    // The head's save reads the value at the loaded version, then waits on the row the owner's
    // transaction holds; the owner's change commits first.
    const result = await interleave(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "KpiValue" WHERE "organizationId" = ${organizationId} AND id = ${value.id} FOR UPDATE`,
      () =>
        setKpiValues(org.users.legalHead.id, org.slug, {
          departmentId: org.legal.id,
          month: "2026-03",
          values: { [signed.id]: "12" },
          versions: { [signed.id]: cellToken(value) },
        }),
      (tx) =>
        tx.kpiValue.updateMany({
          where: { organizationId, id: value.id },
          data: { valueScaled: 1_100n, updatedById: org.users.owner.id },
        }),
    );
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toMatch(
      /^Olga Owner changed Contracts signed for Mar 2026 to 11 at \d\d:\d\d; reload/,
    );
    expect((await db.kpiValue.findFirstOrThrow({ where: { organizationId, id: value.id } })).valueScaled).toBe(1_100n);
    expect(await db.auditEvent.count({ where: { organizationId, entityType: "KpiValue" } })).toBe(0);
  });
});

describe("lost updates: narratives", () => {
  async function withNarrative() {
    const org = await named();
    const narrative = await db.narrative.create({
      data: {
        organizationId: org.organizationId,
        departmentId: org.legal.id,
        month: monthToDbDate("2026-03"),
        why: "Slow counsel",
        whatNext: "Templates",
      },
    });
    const input = (fields: { why: string; whatNext: string }) => ({
      departmentId: org.legal.id,
      month: "2026-03",
      ...fields,
      version: cellToken(narrative),
    });
    const read = () =>
      db.narrative.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id: narrative.id } },
      });
    return { org, narrative, input, read };
  }

  it("refuses the second person's save of the other field, naming the field the first one changed", async () => {
    const { org, input, read } = await withNarrative();
    // The owner rewrites "why"; the head, from the page loaded before, rewrites "what next".
    expectOk(
      await saveNarrative(
        org.users.owner.id,
        org.slug,
        input({ why: "Counsel on leave for three weeks", whatNext: "Templates" }),
      ),
    );
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await saveNarrative(
      org.users.legalHead.id,
      org.slug,
      input({ why: "Slow counsel", whatNext: "Template MSA by April" }),
    );
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner changed “why” for Mar 2026 ${at}${reload}`,
    });
    expect(await read()).toMatchObject({ why: "Counsel on leave for three weeks", whatNext: "Templates" });
  });

  it("refuses the later of two saves racing on the same narrative", async () => {
    const { org, narrative, input, read } = await withNarrative();
    const result = await interleave(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "Narrative" WHERE "organizationId" = ${org.organizationId} AND id = ${narrative.id} FOR UPDATE`,
      () =>
        saveNarrative(
          org.users.legalHead.id,
          org.slug,
          input({ why: "Slow counsel", whatNext: "Template MSA by April" }),
        ),
      async (tx) => {
        const before = await tx.narrative.findUniqueOrThrow({
          where: { organizationId_id: { organizationId: org.organizationId, id: narrative.id } },
        });
        await tx.narrative.updateMany({
          where: { organizationId: org.organizationId, id: narrative.id },
          data: { whatNext: "Hire outside counsel", updatedById: org.users.owner.id },
        });
        await tx.auditEvent.create({
          data: {
            organizationId: org.organizationId,
            actorId: org.users.owner.id,
            action: "narrative.saved",
            entityType: "Narrative",
            entityId: narrative.id,
            before: { why: before.why, whatNext: before.whatNext },
            after: { why: before.why, whatNext: "Hire outside counsel" },
          },
        });
      },
    );
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toMatch(/^Olga Owner changed “what next” for Mar 2026 at \d\d:\d\d; reload/);
    expect(await read()).toMatchObject({ why: "Slow counsel", whatNext: "Hire outside counsel" });
  });
});

describe("lost updates: contributions", () => {
  async function claimed() {
    const org = await named();
    const category = await categoryId(org.organizationId, "LEGAL");
    const { contributionId } = expectOk(
      await logContribution(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        categoryId: category,
        amount: "-5,000",
        description: "Redlines took six weeks",
      }),
    );
    const loaded = await db.contribution.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: org.organizationId, id: contributionId } },
    });
    const revise = (amount: string) => ({
      contributionId,
      version: loaded.version,
      month: "2026-03",
      categoryId: category,
      amount,
      description: "Redlines took six weeks",
    });
    return { org, contributionId, loaded, revise };
  }

  it("refuses a revision from a form loaded before finance disputed the claim", async () => {
    const { org, contributionId, revise } = await claimed();
    expectOk(
      await reviewContribution(org.users.finance.id, org.slug, {
        contributionId,
        decision: "DISPUTED",
        reason: "No evidence",
        version: 0,
      }),
    );
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await reviseContribution(org.users.legalHead.id, org.slug, revise("-7,500"));
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Anna Finance disputed this contribution ${at}${reload}`,
    });
    expect(await db.contribution.findFirstOrThrow({ where: { organizationId: org.organizationId } })).toMatchObject({
      status: "DISPUTED",
      amountMinor: -500_000n,
    });
  });

  it("refuses finance's confirmation of a claim the head revised after finance read it", async () => {
    const { org, contributionId, loaded, revise } = await claimed();
    expectOk(await reviseContribution(org.users.legalHead.id, org.slug, revise("-50,000")));
    const stale = await reviewContribution(org.users.finance.id, org.slug, {
      contributionId,
      decision: "CONFIRMED",
      version: loaded.version,
    });
    expectFailure(stale, "CONFLICT");
    expect(!stale.ok && stale.message).toMatch(/^Lee Legal revised this contribution at \d\d:\d\d; reload/);
    expect(await db.contribution.findFirstOrThrow({ where: { organizationId: org.organizationId } })).toMatchObject({
      status: "CLAIMED",
      amountMinor: -5_000_000n,
    });
  });
});

describe("lost updates: commitments", () => {
  it("refuses to resolve a commitment from a form loaded before someone else resolved it", async () => {
    const org = await named();
    const { commitmentId } = expectOk(
      await createCommitment(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        title: "Template MSA",
        ownerId: org.users.legalHead.id,
        dueDate: "2026-12-15",
        expectedImpact: "10,000",
      }),
    );
    expectOk(
      await resolveCommitment(org.users.owner.id, org.slug, {
        commitmentId,
        status: "DONE",
        delivered: "8,000",
        version: 0,
      }),
    );
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await resolveCommitment(org.users.legalHead.id, org.slug, {
      commitmentId,
      status: "MISSED",
      version: 0,
    });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner marked this commitment done ${at}${reload}`,
    });
    expect(await db.commitment.findFirstOrThrow({ where: { organizationId: org.organizationId } })).toMatchObject({
      status: "DONE",
      deliveredImpactMinor: 800_000n,
    });
  });
});

describe("lost updates: deals", () => {
  it("refuses an inline edit from a row loaded before another person's save, naming the fields they changed", async () => {
    const org = await createPipelineOrganization("Alpha");
    await rename(org.users.owner.id, "Olga Owner");
    const deal = await insertOpportunity(org);
    expectOk(
      await updateOpportunity(org.users.owner.id, org.slug, {
        opportunityId: deal.id,
        version: deal.version,
        amount: "45,000",
        probability: "60",
      }),
    );
    const at = atTime(
      (
        await db.opportunityChange.findFirstOrThrow({
          where: { organizationId: org.organizationId },
          orderBy: { changedAt: "desc" },
        })
      ).changedAt,
    );
    const before = await snapshotOrganization(org.organizationId);
    const stale = await updateOpportunity(org.users.salesManager.id, org.slug, {
      opportunityId: deal.id,
      version: deal.version,
      stageId: org.stage("Negotiation").id,
    });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner changed this deal's amount and probability ${at}${reload}`,
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("refuses an edit that waited on the deal while another person's save of it committed", async () => {
    const org = await createPipelineOrganization("Alpha");
    await rename(org.users.owner.id, "Olga Owner");
    const deal = await insertOpportunity(org);
    // The deal is locked while the owner's change is written; the sales manager's edit, sent with
    // the version both saw, waits for the lock and then finds the deal changed.
    const result = await interleave(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "Opportunity" WHERE "organizationId" = ${org.organizationId} AND id = ${deal.id} FOR UPDATE`,
      () =>
        updateOpportunity(org.users.salesManager.id, org.slug, {
          opportunityId: deal.id,
          version: deal.version,
          amount: "30,000",
        }),
      async (tx) => {
        await tx.opportunity.updateMany({
          where: { organizationId: org.organizationId, id: deal.id },
          data: { amountMinor: 4_500_000n },
        });
        await tx.opportunityChange.create({
          data: {
            organizationId: org.organizationId,
            opportunityId: deal.id,
            changedById: org.users.owner.id,
            changes: { amountMinor: ["4000000", "4500000"] },
          },
        });
      },
    );
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toMatch(/^Olga Owner changed this deal's amount at \d\d:\d\d; reload/);
    expect(
      (await db.opportunity.findFirstOrThrow({ where: { organizationId: org.organizationId, id: deal.id } }))
        .amountMinor,
    ).toBe(4_500_000n);
  });

  it("returns the new version, so the same person's next inline edit goes through", async () => {
    const org = await createPipelineOrganization("Alpha");
    const deal = await insertOpportunity(org);
    const first = expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        version: deal.version,
        amount: "45,000",
      }),
    );
    expect(first.version).toBe(deal.version + 1);
    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        version: first.version,
        probability: "55",
      }),
    );
    expect(
      await db.opportunity.findFirstOrThrow({ where: { organizationId: org.organizationId, id: deal.id } }),
    ).toMatchObject({ amountMinor: 4_500_000n, probabilityBp: 5_500 });
  });
});

describe("lost updates: KPI definitions, settings and departments (two owners)", () => {
  async function twoOwners() {
    const org = await named();
    const second = (await addMember(org.organizationId, "OWNER")).user;
    await rename(second.id, "Omar Owner");
    return { org, second };
  }

  it("refuses a KPI definition saved from a form loaded before the other owner changed its target", async () => {
    const { org, second } = await twoOwners();
    const kpi = await insertKpi(org.organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
    const fields = { kpiId: kpi.id, version: kpi.version, unit: "COUNT", direction: "HIGHER_IS_BETTER" };
    expectOk(await updateKpi(org.users.owner.id, org.slug, { ...fields, name: "Contracts signed", target: "12" }));
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await updateKpi(second.id, org.slug, { ...fields, name: "Contracts countersigned", target: "10" });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner changed this KPI's target ${at}${reload}`,
    });
    expect(await db.kpi.findFirstOrThrow({ where: { organizationId: org.organizationId, id: kpi.id } })).toMatchObject({
      name: "Contracts signed",
      targetScaled: 1_200n,
    });
  });

  it("refuses a KPI definition saved from a form loaded before the other owner changed how it aggregates", async () => {
    const { org, second } = await twoOwners();
    const kpi = await insertKpi(org.organizationId, org.legal.id, { name: "Open tickets", targetScaled: 5_000n });
    const fields = {
      kpiId: kpi.id,
      version: kpi.version,
      name: "Open tickets",
      unit: "COUNT",
      direction: "HIGHER_IS_BETTER",
      target: "50",
    };
    expectOk(await updateKpi(org.users.owner.id, org.slug, { ...fields, aggregation: "LAST" }));
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await updateKpi(second.id, org.slug, { ...fields, aggregation: "AVERAGE" });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner changed this KPI's aggregation ${at}${reload}`,
    });
    expect(await db.kpi.findFirstOrThrow({ where: { organizationId: org.organizationId, id: kpi.id } })).toMatchObject({
      aggregation: "LAST",
      version: 1,
    });
  });

  it("refuses organization settings saved from a form loaded before the other owner's save", async () => {
    const { org, second } = await twoOwners();
    const settings = {
      name: "Alpha",
      currency: "USD",
      fiscalYearStartMonth: "1",
      timeZone: "America/New_York",
      onTrackThresholdPct: "100",
      atRiskThresholdPct: "90",
      version: 0,
    };
    expectOk(
      await updateOrganization(org.users.owner.id, org.slug, {
        ...settings,
        name: "Alpha Holdings",
        atRiskThresholdPct: "85",
      }),
    );
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await updateOrganization(second.id, org.slug, { ...settings, timeZone: "Europe/Berlin" });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner changed the organization's name and at-risk threshold ${at}${reload}`,
    });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).toMatchObject({
      name: "Alpha Holdings",
      timeZone: "America/New_York",
      atRiskThresholdBp: 8_500,
    });
  });

  it("refuses a department rename from a form loaded before the other owner renamed it", async () => {
    const { org, second } = await twoOwners();
    expectOk(
      await renameDepartment(org.users.owner.id, org.slug, {
        departmentId: org.legal.id,
        name: "Legal & Compliance",
        version: 0,
      }),
    );
    const at = atTime(await lastAuditAt(org.organizationId));
    const stale = await renameDepartment(second.id, org.slug, {
      departmentId: org.legal.id,
      name: "Counsel",
      version: 0,
    });
    expect(stale).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Olga Owner renamed this department to “Legal & Compliance” ${at}${reload}`,
    });
    expect(
      (
        await db.department.findUniqueOrThrow({
          where: { organizationId_id: { organizationId: org.organizationId, id: org.legal.id } },
        })
      ).name,
    ).toBe("Legal & Compliance");
  });
});
