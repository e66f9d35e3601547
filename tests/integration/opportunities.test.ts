import { describe, expect, it } from "vitest";
import type { Role } from "@db/enums";
import { db } from "@/server/db";
import { createOpportunity, updateOpportunity } from "@/server/pipeline/opportunities";
import { addMember, createUser } from "../factories";
import {
  addDaysIso,
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { interleave } from "../support/interleave";

// Issue 5 "Pipeline": only sales roles change deals; a stage brings its default probability and
// forecast category; every save is history; a lost deal, or one slipping out of the current fiscal
// quarter, needs a cause and names the department responsible.

const newDeal = (org: TPipelineOrganization, overrides: Record<string, unknown> = {}) => ({
  name: "Initech platform",
  account: "Initech",
  amount: "12,500.50",
  stageId: org.stage("Proposal").id,
  expectedCloseDate: today().quarterEnd,
  ownerId: org.users.salesManager.id,
  sourceDepartmentId: org.sales.id,
  ...overrides,
});

const opportunity = (org: TPipelineOrganization, id: string) =>
  db.opportunity.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });
const history = (org: TPipelineOrganization, opportunityId: string) =>
  db.opportunityChange.findMany({
    where: { organizationId: org.organizationId, opportunityId },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
const causes = (org: TPipelineOrganization) =>
  db.opportunityCause.findMany({ where: { organizationId: org.organizationId } });

describe("who changes deals", () => {
  it.each<[string, Role | "OWNER"]>([
    ["the sales manager", "SALES_MANAGER"],
    ["the owner", "OWNER"],
  ])("%s creates and updates a deal", async (_, role) => {
    const org = await createPipelineOrganization();
    const user = role === "OWNER" ? org.users.owner : org.users.salesManager;
    const { opportunityId } = expectOk(await createOpportunity(user.id, org.slug, newDeal(org)));
    expectOk(await updateOpportunity(user.id, org.slug, { opportunityId, amount: "13,000" }));
    expect((await opportunity(org, opportunityId)).amountMinor).toBe(13_000_00n);
    expect((await history(org, opportunityId)).map((h) => h.changedById)).toEqual([user.id, user.id]);
  });

  it.each<[string, "finance" | "legalHead" | "viewer"]>([
    ["finance", "finance"],
    ["a department head", "legalHead"],
    ["a viewer", "viewer"],
  ])("%s may not create or update one, and nothing changes", async (_, who) => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    const user = org.users[who];
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await createOpportunity(user.id, org.slug, newDeal(org)), "FORBIDDEN");
    expectFailure(await updateOpportunity(user.id, org.slug, { opportunityId: deal.id, amount: "1" }), "FORBIDDEN");
    expectFailure(
      await updateOpportunity(user.id, org.slug, {
        opportunityId: deal.id,
        stageId: org.stage("Closed lost").id,
        lossCauseId: org.lossCause("Pricing").id,
        responsibleDepartmentId: org.legal.id,
      }),
      "FORBIDDEN",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("refuses someone signed out or outside the organization", async () => {
    const org = await createPipelineOrganization();
    const stranger = await createUser();
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await createOpportunity(null, org.slug, newDeal(org)), "UNAUTHENTICATED");
    expectFailure(await createOpportunity(stranger.id, org.slug, newDeal(org)), "NOT_FOUND");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("createOpportunity", () => {
  it("takes the stage's default probability and category, parses the amount and records the creation", async () => {
    const org = await createPipelineOrganization();
    const { opportunityId } = expectOk(
      await createOpportunity(org.users.salesManager.id, org.slug, newDeal(org, { externalId: " CRM-001 " })),
    );
    expect(await opportunity(org, opportunityId)).toMatchObject({
      name: "Initech platform",
      account: "Initech",
      amountMinor: 12_500_50n,
      stageId: org.stage("Proposal").id,
      outcome: "OPEN",
      probabilityBp: 5_000,
      forecastCategory: "PIPELINE",
      expectedCloseDate: new Date(`${today().quarterEnd}T00:00:00Z`),
      ownerId: org.users.salesManager.id,
      sourceDepartmentId: org.sales.id,
      externalId: "CRM-001",
      closedAt: null,
    });
    const rows = await history(org, opportunityId);
    expect(rows.map((h) => h.changes)).toEqual([{ created: [null, "Initech platform"] }]);
  });

  it("puts a deal in the Commit stage in the commit forecast unless another category is chosen", async () => {
    const org = await createPipelineOrganization();
    const commit = expectOk(
      await createOpportunity(org.users.salesManager.id, org.slug, newDeal(org, { stageId: org.stage("Commit").id })),
    );
    expect(await opportunity(org, commit.opportunityId)).toMatchObject({
      probabilityBp: 9_000,
      forecastCategory: "COMMIT",
    });
    const chosen = expectOk(
      await createOpportunity(
        org.users.salesManager.id,
        org.slug,
        newDeal(org, {
          name: "Initech add-on",
          stageId: org.stage("Commit").id,
          forecastCategory: "BEST_CASE",
          probability: "85",
        }),
      ),
    );
    expect(await opportunity(org, chosen.opportunityId)).toMatchObject({
      probabilityBp: 8_500,
      forecastCategory: "BEST_CASE",
    });
    const negotiation = expectOk(
      await createOpportunity(
        org.users.salesManager.id,
        org.slug,
        newDeal(org, {
          name: "Initech seats",
          stageId: org.stage("Negotiation").id,
          probability: "",
          forecastCategory: "",
        }),
      ),
    );
    expect(await opportunity(org, negotiation.opportunityId)).toMatchObject({
      probabilityBp: 7_000,
      forecastCategory: "PIPELINE",
    });
  });

  it("closes a deal created in a won stage", async () => {
    const org = await createPipelineOrganization();
    const { opportunityId } = expectOk(
      await createOpportunity(
        org.owner.id,
        org.slug,
        newDeal(org, { stageId: org.stage("Closed won").id, sourceDepartmentId: "" }),
      ),
    );
    const deal = await opportunity(org, opportunityId);
    expect(deal).toMatchObject({
      outcome: "WON",
      probabilityBp: 10_000,
      forecastCategory: "CLOSED",
      sourceDepartmentId: null,
    });
    expect(deal.closedAt).toBeInstanceOf(Date);
  });

  it("needs an owner who is a member, a department and stage of this organization, a unique external id and a readable amount", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { externalId: "CRM-7" });
    const outsider = await createUser();
    await db.department.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: org.billing.id } },
      data: { archivedAt: new Date() },
    });
    await db.pipelineStage.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: org.stage("Prospecting").id } },
      data: { archivedAt: new Date() },
    });
    const before = await snapshotOrganization(org.organizationId);
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ ownerId: outsider.id }, "VALIDATION", "ownerId", "Choose a member of this organization."],
      [
        { sourceDepartmentId: "no-such-department" },
        "VALIDATION",
        "sourceDepartmentId",
        "Choose one of this organization's departments.",
      ],
      [
        { sourceDepartmentId: org.billing.id },
        "VALIDATION",
        "sourceDepartmentId",
        "Billing is archived; choose another department.",
      ],
      [{ stageId: org.stage("Prospecting").id }, "VALIDATION", "stageId", "Choose one of this organization's stages."],
      [{ externalId: "CRM-7" }, "CONFLICT", "externalId", "A deal with that external id exists."],
      [{ amount: "12.345" }, "VALIDATION", "amount", "Enter the deal's amount, zero or more, with at most 2 decimals."],
      [{ amount: "-5" }, "VALIDATION", "amount", "Enter the deal's amount, zero or more, with at most 2 decimals."],
      [
        { amount: "five grand" },
        "VALIDATION",
        "amount",
        "Enter the deal's amount, zero or more, with at most 2 decimals.",
      ],
    ];
    for (const [overrides, code, field, message] of cases) {
      const result = await createOpportunity(org.users.salesManager.id, org.slug, newDeal(org, overrides));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, code, fieldErrors: { [field]: [message] } });
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("updateOpportunity", () => {
  it("sets the new stage's default probability unless one is given, and keeps history of exactly what changed", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org, { amountMinor: 40_000_00n, expectedCloseDate: today().quarterStart });
    const sm = org.users.salesManager.id;
    expect(
      expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, stageId: org.stage("Negotiation").id })),
    ).toEqual({ opportunityId: deal.id, changed: 2, cause: null, version: 1 });
    expect(await opportunity(org, deal.id)).toMatchObject({
      probabilityBp: 7_000,
      forecastCategory: "PIPELINE",
      outcome: "OPEN",
    });
    expectOk(
      await updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        stageId: org.stage("Commit").id,
        probability: "65",
      }),
    );
    expect(await opportunity(org, deal.id)).toMatchObject({ probabilityBp: 6_500, forecastCategory: "COMMIT" });
    expectOk(
      await updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        amount: "45,000",
        expectedCloseDate: today().quarterEnd,
        name: "Globex expansion",
      }),
    );

    const rows = await history(org, deal.id);
    expect(rows.map((h) => h.changes)).toEqual([
      { stageId: [org.stage("Proposal").id, org.stage("Negotiation").id], probabilityBp: [5_000, 7_000] },
      {
        stageId: [org.stage("Negotiation").id, org.stage("Commit").id],
        probabilityBp: [7_000, 6_500],
        forecastCategory: ["PIPELINE", "COMMIT"],
      },
      // Money as strings of minor units, dates as YYYY-MM-DD; the unchanged name is not recorded.
      { amountMinor: ["4000000", "4500000"], expectedCloseDate: [today().quarterStart, today().quarterEnd] },
    ]);
    expect(rows.every((h) => h.changedById === sm)).toBe(true);
  });

  it("writes no history when nothing changed", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    const before = await snapshotOrganization(org.organizationId);
    const result = await updateOpportunity(org.users.salesManager.id, org.slug, {
      opportunityId: deal.id,
      name: deal.name,
      amount: "40,000.00",
      stageId: deal.stageId,
      sourceDepartmentId: org.sales.id,
    });
    expect(expectOk(result)).toEqual({ opportunityId: deal.id, changed: 0, cause: null, version: 0 });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("closes a won deal and reopens it", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org, { forecastCategory: "BEST_CASE" });
    const sm = org.users.salesManager.id;
    expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, stageId: org.stage("Closed won").id }));
    const won = await opportunity(org, deal.id);
    expect(won).toMatchObject({ outcome: "WON", forecastCategory: "CLOSED", probabilityBp: 10_000 });
    expect(won.closedAt).toBeInstanceOf(Date);
    expect(await causes(org)).toEqual([]);

    expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, stageId: org.stage("Proposal").id }));
    expect(await opportunity(org, deal.id)).toMatchObject({
      outcome: "OPEN",
      forecastCategory: "PIPELINE",
      probabilityBp: 5_000,
      closedAt: null,
    });
    expect((await history(org, deal.id)).map((h) => h.changes)).toEqual([
      {
        stageId: [org.stage("Proposal").id, org.stage("Closed won").id],
        probabilityBp: [5_000, 10_000],
        forecastCategory: ["BEST_CASE", "CLOSED"],
      },
      {
        stageId: [org.stage("Closed won").id, org.stage("Proposal").id],
        probabilityBp: [10_000, 5_000],
        forecastCategory: ["CLOSED", "PIPELINE"],
      },
    ]);
  });

  it("refuses to lose a deal without a cause and a responsible department, and writes nothing", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    const before = await snapshotOrganization(org.organizationId);
    const result = await updateOpportunity(org.users.salesManager.id, org.slug, {
      opportunityId: deal.id,
      stageId: org.stage("Closed lost").id,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "A lost deal needs a cause and a responsible department.",
      fieldErrors: {
        lossCauseId: ["Say why the deal was lost."],
        responsibleDepartmentId: ["Name the department responsible."],
      },
    });
    const halfway = await updateOpportunity(org.users.salesManager.id, org.slug, {
      opportunityId: deal.id,
      stageId: org.stage("Closed lost").id,
      lossCauseId: org.lossCause("Pricing").id,
    });
    expect(halfway).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { responsibleDepartmentId: ["Name the department responsible."] },
    });
    expect(halfway.ok === false && halfway.fieldErrors?.lossCauseId).toBeFalsy();
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("charges a lost deal to the named department in the month it was expected to close", async () => {
    const org = await createPipelineOrganization();
    // Expected in the quarter's first month; the same save moves the date, which does not move the charge.
    const deal = await insertOpportunity(org, { amountMinor: 25_000_00n, expectedCloseDate: today().quarterStart });
    const result = expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        stageId: org.stage("Closed lost").id,
        expectedCloseDate: today().addDays(120),
        lossCauseId: org.lossCause("Contract terms took too long").id,
        responsibleDepartmentId: org.legal.id,
      }),
    );
    const rows = await causes(org);
    expect(rows).toHaveLength(1);
    expect(result.cause).toEqual({ id: rows[0]!.id, kind: "LOST" });
    expect(rows[0]).toMatchObject({
      opportunityId: deal.id,
      kind: "LOST",
      month: new Date(`${today().quarterStart.slice(0, 7)}-01T00:00:00Z`),
      amountMinor: 25_000_00n,
      lossCauseId: org.lossCause("Contract terms took too long").id,
      responsibleDepartmentId: org.legal.id,
      status: "ATTRIBUTED",
      createdById: org.users.salesManager.id,
    });
    const lost = await opportunity(org, deal.id);
    expect(lost).toMatchObject({ outcome: "LOST", forecastCategory: "OMITTED", probabilityBp: 0 });
    expect(lost.closedAt).toBeInstanceOf(Date);
  });

  it("charges a deal slipping out of the current quarter to the month it slipped out of", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const deal = await insertOpportunity(org, { amountMinor: 18_000_00n, expectedCloseDate: t.quarterStart });
    const sm = org.users.salesManager.id;
    const afterQuarter = addDaysIso(t.quarterEnd, 1);

    const before = await snapshotOrganization(org.organizationId);
    expect(
      await updateOpportunity(sm, org.slug, { opportunityId: deal.id, expectedCloseDate: afterQuarter }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "A deal slipping out of the quarter needs a cause and a responsible department.",
      fieldErrors: {
        lossCauseId: ["Say why the deal slipped out of the quarter."],
        responsibleDepartmentId: ["Name the department responsible."],
      },
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    const result = expectOk(
      await updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        expectedCloseDate: afterQuarter,
        lossCauseId: org.lossCause("Invoice dispute").id,
        responsibleDepartmentId: org.billing.id,
      }),
    );
    expect(result.cause?.kind).toBe("SLIPPED");
    expect(await causes(org)).toMatchObject([
      {
        kind: "SLIPPED",
        month: new Date(`${t.quarterStart.slice(0, 7)}-01T00:00:00Z`),
        amountMinor: 18_000_00n,
        responsibleDepartmentId: org.billing.id,
        lossCauseId: org.lossCause("Invoice dispute").id,
      },
    ]);
    expect((await opportunity(org, deal.id)).expectedCloseDate).toEqual(new Date(`${afterQuarter}T00:00:00Z`));

    // Already out of the quarter: moving it further asks for nothing.
    expect(
      expectOk(
        await updateOpportunity(sm, org.slug, {
          opportunityId: deal.id,
          expectedCloseDate: addDaysIso(afterQuarter, 30),
        }),
      ).cause,
    ).toBeNull();
    expect(await causes(org)).toHaveLength(1);
  });

  it("asks for no cause when the close date moves within the quarter or earlier", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const deal = await insertOpportunity(org, { expectedCloseDate: t.quarterStart });
    const sm = org.users.salesManager.id;
    expect(
      expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, expectedCloseDate: t.quarterEnd }))
        .cause,
    ).toBeNull();
    const earlier = addDaysIso(t.quarterStart, -40);
    expect(
      expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, expectedCloseDate: earlier })).cause,
    ).toBeNull();
    expect(await causes(org)).toEqual([]);
    expect((await opportunity(org, deal.id)).expectedCloseDate).toEqual(new Date(`${earlier}T00:00:00Z`));
  });

  it("stops charging a loss once the deal is reopened or won, and charges it anew if lost again", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org, { amountMinor: 22_000_00n });
    const sm = org.users.salesManager.id;
    const lose = (departmentId: string) =>
      updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        stageId: org.stage("Closed lost").id,
        lossCauseId: org.lossCause("Support escalation").id,
        responsibleDepartmentId: departmentId,
      });
    const first = expectOk(await lose(org.legal.id)).cause;
    expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, stageId: org.stage("Negotiation").id }));
    expect(await causes(org)).toEqual([]);
    expect(
      await db.auditEvent.findMany({
        where: { organizationId: org.organizationId, action: "opportunity.lossWithdrawn" },
        select: { entityId: true },
      }),
    ).toEqual([{ entityId: first?.id }]);

    expectOk(await lose(org.billing.id));
    expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, stageId: org.stage("Closed won").id }));
    expect(await causes(org)).toEqual([]);
    expect((await opportunity(org, deal.id)).outcome).toBe("WON");
  });

  it("refuses an archived cause or department, an unknown deal and a taken external id", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    await insertOpportunity(org, { name: "Other", externalId: "CRM-9" });
    await db.lossCause.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: org.lossCause("Bad press").id } },
      data: { archivedAt: new Date() },
    });
    await db.department.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: org.billing.id } },
      data: { archivedAt: new Date() },
    });
    const before = await snapshotOrganization(org.organizationId);
    const lose = { opportunityId: deal.id, stageId: org.stage("Closed lost").id };
    const sm = org.users.salesManager.id;
    expect(
      await updateOpportunity(sm, org.slug, {
        ...lose,
        lossCauseId: org.lossCause("Bad press").id,
        responsibleDepartmentId: org.legal.id,
      }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { lossCauseId: ["Choose one of this organization's causes."] },
    });
    expect(
      await updateOpportunity(sm, org.slug, {
        ...lose,
        lossCauseId: org.lossCause("Pricing").id,
        responsibleDepartmentId: org.billing.id,
      }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { responsibleDepartmentId: ["Billing is archived; choose another department."] },
    });
    expect(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, externalId: "CRM-9" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { externalId: ["A deal with that external id exists."] },
    });
    expect(await updateOpportunity(sm, org.slug, { opportunityId: "no-such-deal", amount: "1" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: "That deal was not found.",
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("keeps saving a deal whose source department was archived after it was named", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    await db.department.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: org.sales.id } },
      data: { archivedAt: new Date() },
    });
    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        sourceDepartmentId: org.sales.id,
        amount: "41,000",
      }),
    );
    expect(await opportunity(org, deal.id)).toMatchObject({
      amountMinor: 41_000_00n,
      sourceDepartmentId: org.sales.id,
    });
  });

  it("lets the owner hand a deal to another member, and clears the source department when emptied", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org);
    const second = await addMember(org.organizationId, "SALES_MANAGER", org.sales.id);
    expectOk(
      await updateOpportunity(org.owner.id, org.slug, {
        opportunityId: deal.id,
        ownerId: second.user.id,
        sourceDepartmentId: "",
      }),
    );
    expect(await opportunity(org, deal.id)).toMatchObject({ ownerId: second.user.id, sourceDepartmentId: null });
    expect((await history(org, deal.id)).map((h) => h.changes)).toEqual([
      { ownerId: [org.users.salesManager.id, second.user.id], sourceDepartmentId: [org.sales.id, null] },
    ]);
  });
});

describe("two sales managers saving the same deal at once", () => {
  // The second save reads the deal while the first holds it, and writes after the first committed.
  const lockDeal = (org: TPipelineOrganization, id: string) => (tx: Parameters<Parameters<typeof interleave>[0]>[0]) =>
    tx.$queryRaw`SELECT 1 AS locked FROM "Opportunity" WHERE "organizationId" = ${org.organizationId} AND id = ${id} FOR UPDATE`;

  it("charges a lost deal once, to the department the first save named", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org, { amountMinor: 30_000_00n });
    const lostStage = org.stage("Closed lost");
    const loseCitingBilling = async (tx: Parameters<Parameters<typeof interleave>[0]>[0]) => {
      await tx.opportunity.updateMany({
        where: { organizationId: org.organizationId, id: deal.id },
        data: {
          stageId: lostStage.id,
          outcome: "LOST",
          probabilityBp: 0,
          forecastCategory: "OMITTED",
          closedAt: new Date(),
        },
      });
      await tx.opportunityCause.create({
        data: {
          organizationId: org.organizationId,
          opportunityId: deal.id,
          kind: "LOST",
          month: new Date(`${today().month}-01T00:00:00Z`),
          amountMinor: deal.amountMinor,
          lossCauseId: org.lossCause("Invoice dispute").id,
          responsibleDepartmentId: org.billing.id,
        },
      });
    };
    const result = await interleave(
      lockDeal(org, deal.id),
      () =>
        updateOpportunity(org.users.salesManager.id, org.slug, {
          opportunityId: deal.id,
          stageId: lostStage.id,
          lossCauseId: org.lossCause("Pricing").id,
          responsibleDepartmentId: org.legal.id,
        }),
      loseCitingBilling,
    );
    // Already lost when the second save wrote: nothing left to change.
    expect(expectOk(result)).toEqual({ opportunityId: deal.id, changed: 0, cause: null, version: 1 });
    expect((await causes(org)).map((c) => c.responsibleDepartmentId)).toEqual([org.billing.id]);
  });
});

describe("the current fiscal quarter", () => {
  it("follows the organization's fiscal year, not the calendar", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    // A fiscal year starting one month after the calendar quarter does: its quarters never match the calendar's.
    const fiscalYearStartMonth = (Number(t.quarterStart.slice(5, 7)) % 12) + 1;
    await db.organization.update({ where: { id: org.organizationId }, data: { fiscalYearStartMonth } });
    const monthIndex = Number(t.month.slice(5, 7));
    const intoQuarter = (monthIndex - fiscalYearStartMonth + 12) % 3;
    const fiscalQuarterStart = new Date(Date.UTC(Number(t.month.slice(0, 4)), monthIndex - 1 - intoQuarter, 1));
    const fiscalQuarterEnd = new Date(
      Date.UTC(fiscalQuarterStart.getUTCFullYear(), fiscalQuarterStart.getUTCMonth() + 3, 0),
    )
      .toISOString()
      .slice(0, 10);
    expect(fiscalQuarterEnd).not.toBe(t.quarterEnd);
    expect(fiscalQuarterEnd >= t.iso).toBe(true);

    const deal = await insertOpportunity(org, { expectedCloseDate: t.iso });
    const sm = org.users.salesManager.id;
    expect(
      expectOk(await updateOpportunity(sm, org.slug, { opportunityId: deal.id, expectedCloseDate: fiscalQuarterEnd }))
        .cause,
    ).toBeNull();
    expect(
      await updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        expectedCloseDate: addDaysIso(fiscalQuarterEnd, 1),
      }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    const slipped = expectOk(
      await updateOpportunity(sm, org.slug, {
        opportunityId: deal.id,
        expectedCloseDate: addDaysIso(fiscalQuarterEnd, 1),
        lossCauseId: org.lossCause("Product gap").id,
        responsibleDepartmentId: org.sales.id,
      }),
    );
    expect(slipped.cause?.kind).toBe("SLIPPED");
    // It slipped out of the month it was then expected in: the fiscal quarter's last day's month.
    expect((await causes(org)).map((c) => c.month.toISOString().slice(0, 7))).toEqual([fiscalQuarterEnd.slice(0, 7)]);
  });
});
