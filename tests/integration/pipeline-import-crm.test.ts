import { afterEach, describe, expect, it, vi } from "vitest";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { db } from "@/server/db";
import { commitOpportunityImport, previewOpportunityImport } from "@/server/pipeline/import";
import { listPipeline, pipelineExportRows } from "@/server/pipeline/list";
import { resolveTenant } from "@/server/tenant";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 11, the pipeline half: a real CRM export names its stages its own way (Prospecting /
// Engaging / Won / Lost), leaves open deals without close date or amount, and its deals must be
// found again by the CRM's id.

const file = (text: string, name = "crm.csv") => new File([text], name, { type: "text/csv" });
const HEADER = "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date";
const COLUMNS = {
  externalIdColumn: 0,
  nameColumn: 1,
  accountColumn: 2,
  amountColumn: 3,
  stageColumn: 4,
  closeDateColumn: 5,
};
const input = (lines: string[], extra: Record<string, unknown> = {}, name = "crm.csv") => ({
  file: file([HEADER, ...lines].join("\n"), name),
  ...COLUMNS,
  ...extra,
});

const dealsOf = (org: TPipelineOrganization) =>
  db.opportunity.findMany({
    where: { organizationId: org.organizationId },
    orderBy: { externalId: "asc" },
    include: { stage: { select: { name: true } } },
  });

async function tenant(org: TPipelineOrganization) {
  const ctx = await resolveTenant(org.users.viewer.id, org.slug);
  if (!ctx) throw new Error("no tenant");
  return ctx;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("mapping a CRM's stage values", () => {
  it("proposes by name and won/lost, refuses an unmapped value with a counted reason, and remembers the mapping for the next import", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const lines = [
      `CRM-1,Initech platform,Initech,1000,Prospecting,${t.quarterEnd}`,
      `CRM-2,Globex renewal,Globex,2000,Engaging,${t.quarterEnd}`,
      `CRM-3,Hooli pilot,Hooli,3000,Engaging,${t.quarterEnd}`,
      `CRM-4,Umbrella deal,Umbrella,4000,Won,${t.quarterStart}`,
      `CRM-5,Acme deal,Acme,5000,LOST,${t.quarterStart}`,
    ];
    const sales = org.users.salesManager.id;
    const unmapped = expectOk(await previewOpportunityImport(sales, org.slug, input(lines)));
    expect(unmapped.stageValues).toEqual([
      { value: "Prospecting", count: 1, stageId: org.stage("Prospecting").id },
      { value: "Engaging", count: 2, stageId: null },
      { value: "Won", count: 1, stageId: org.stage("Closed won").id },
      { value: "LOST", count: 1, stageId: org.stage("Closed lost").id },
    ]);
    expect(unmapped.summary).toMatchObject({
      acceptedCount: 3,
      badRowCount: 2,
      reasons: [{ reason: 'unknown stage "Engaging"', count: 2, hint: "map-stage" }],
    });

    const stageMap = JSON.stringify({ Engaging: org.stage("Qualification").id });
    const mapped = expectOk(await previewOpportunityImport(sales, org.slug, input(lines, { stageMap })));
    expect(mapped.summary).toMatchObject({ acceptedCount: 5, badRowCount: 0, reasons: [] });
    expectOk(await commitOpportunityImport(sales, org.slug, input(lines, { stageMap })));
    expect((await dealsOf(org)).map((d) => [d.externalId, d.stage.name, d.outcome])).toEqual([
      ["CRM-1", "Prospecting", "OPEN"],
      ["CRM-2", "Qualification", "OPEN"],
      ["CRM-3", "Qualification", "OPEN"],
      ["CRM-4", "Closed won", "WON"],
      ["CRM-5", "Closed lost", "LOST"],
    ]);

    // The next export, with no choice made in the wizard: "Engaging" goes where it went last time.
    const next = [`CRM-6,Stark expansion,Stark,6000,engaging,${t.quarterEnd}`];
    const remembered = expectOk(await previewOpportunityImport(sales, org.slug, input(next, {}, "crm-2.csv")));
    expect(remembered.stageValues).toEqual([{ value: "engaging", count: 1, stageId: org.stage("Qualification").id }]);
    expectOk(await commitOpportunityImport(sales, org.slug, input(next, {}, "crm-2.csv")));
    const stark = await db.opportunity.findFirstOrThrow({
      where: { organizationId: org.organizationId, externalId: "CRM-6" },
    });
    expect(stark.stageId).toBe(org.stage("Qualification").id);

    // A choice of "none" overrides the memory: the row is refused, and nothing is written.
    const before = await snapshotOrganization(org.organizationId);
    const refused = await commitOpportunityImport(
      sales,
      org.slug,
      input(
        [`CRM-7,Wayne deal,Wayne,7000,Engaging,${t.quarterEnd}`],
        { stageMap: JSON.stringify({ engaging: "" }) },
        "crm-3.csv",
      ),
    );
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("a stage mapping that is not JSON is refused naming the field", async () => {
    const org = await createPipelineOrganization();
    const result = await previewOpportunityImport(
      org.users.salesManager.id,
      org.slug,
      input([`CRM-1,A,B,1,Prospecting,2026-01-01`], { stageMap: "{nope" }),
    );
    expect(!result.ok && result.fieldErrors).toEqual({
      stageMap: ["The stage mapping is not valid: choose a stage for each value again."],
    });
  });
});

describe("open deals without close date or amount", () => {
  it("get the end of the current fiscal quarter in the organization's zone (or a chosen date) and amount 0, and the preview counts them", async () => {
    // 03:00 UTC on 1 November is still 31 October in New York; with a fiscal year from February,
    // the quarter is August–October, so its last day is 2026-10-31 (not 2027-01-31).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-01T03:00:00Z"));
    const org = await createPipelineOrganization();
    await db.organization.update({ where: { id: org.organizationId }, data: { fiscalYearStartMonth: 2 } });
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,No date no amount,Initech,,Prospecting,`,
      `CRM-2,No amount,Globex,,Negotiation,2026-12-15`,
      `CRM-3,No date,Hooli,2500,Proposal,`,
      `CRM-4,Won without a date,Umbrella,900,Closed won,`,
      `CRM-5,Lost without an amount,Acme,,Closed lost,2026-09-01`,
    ];
    const preview = expectOk(await previewOpportunityImport(sales, org.slug, input(lines)));
    expect(preview.summary).toMatchObject({
      acceptedCount: 3,
      closeDateDefaultCount: 2,
      amountDefaultCount: 2,
      defaultCloseDate: "2026-10-31",
      reasons: [
        { reason: "empty amount", count: 1, hint: "closed-needs-values" },
        { reason: "empty close date", count: 1, hint: "closed-needs-values" },
      ],
    });
    expect(expectOk(await commitOpportunityImport(sales, org.slug, input(lines, { skipBadRows: true })))).toMatchObject(
      { outcome: "imported", newCount: 3, skippedCount: 2 },
    );
    expect(
      (await dealsOf(org)).map((d) => [d.externalId, d.amountMinor, d.expectedCloseDate.toISOString().slice(0, 10)]),
    ).toEqual([
      ["CRM-1", 0n, "2026-10-31"],
      ["CRM-2", 0n, "2026-12-15"],
      ["CRM-3", 2_500_00n, "2026-10-31"],
    ]);

    // A chosen date instead; a known deal left blank keeps its own date and amount.
    const chosen = [`CRM-3,No date,Hooli,,Proposal,`, `CRM-6,Later,Stark,,Prospecting,`];
    const second = expectOk(
      await previewOpportunityImport(sales, org.slug, input(chosen, { defaultCloseDate: "2027-03-15" }, "crm-2.csv")),
    );
    expect(second.summary).toMatchObject({
      newCount: 1,
      unchangedCount: 1,
      closeDateDefaultCount: 1,
      amountDefaultCount: 1,
      defaultCloseDate: "2027-03-15",
    });
    expectOk(
      await commitOpportunityImport(sales, org.slug, input(chosen, { defaultCloseDate: "2027-03-15" }, "crm-2.csv")),
    );
    const byId = (externalId: string) =>
      db.opportunity.findFirstOrThrow({ where: { organizationId: org.organizationId, externalId } });
    const [hooli, stark] = [await byId("CRM-3"), await byId("CRM-6")];
    expect([hooli.amountMinor, hooli.expectedCloseDate.toISOString().slice(0, 10)]).toEqual([2_500_00n, "2026-10-31"]);
    expect([stark.amountMinor, stark.expectedCloseDate.toISOString().slice(0, 10)]).toEqual([0n, "2027-03-15"]);
  });

  it("a default close date that is not a date is refused naming the field", async () => {
    const org = await createPipelineOrganization();
    const result = await previewOpportunityImport(
      org.users.salesManager.id,
      org.slug,
      input([`CRM-1,A,B,,Prospecting,`], { defaultCloseDate: "2027-02-30" }),
    );
    expect(!result.ok && result.fieldErrors).toEqual({
      defaultCloseDate: ["Choose a default close date between 2000 and 2100."],
    });
  });
});

describe("the CRM's id after the import", () => {
  it("finds a deal by its external id in the list and exports it in the external_id column", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, { name: "Manual deal", stage: "Proposal", expectedCloseDate: t.quarterEnd });
    expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input([
          `0065g00000XyZ1,Initech platform,Initech,1000,Prospecting,${t.quarterEnd}`,
          `0065g00000AbC2,Globex,Globex,1000,Prospecting,${t.quarterEnd}`,
        ]),
      ),
    );
    const ctx = await tenant(org);
    const cal = { today: t.iso, fiscalYearStartMonth: 1 };
    const found = await listPipeline(ctx, parsePipelineFilters({ q: "xyz1" }), cal);
    expect(found.rows.map((r) => [r.name, r.externalId])).toEqual([["Initech platform", "0065g00000XyZ1"]]);
    const exported = [];
    for await (const row of pipelineExportRows(ctx, parsePipelineFilters({ sort: "name" }), cal))
      exported.push([row.name, row.externalId]);
    expect(exported.sort()).toEqual([
      ["Globex", "0065g00000AbC2"],
      ["Initech platform", "0065g00000XyZ1"],
      ["Manual deal", null],
    ]);
  });
});

describe("what an import says it did", () => {
  it("says nothing changed when every deal was already up to date, and counts otherwise", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,Initech,Initech,1000,Prospecting,${t.quarterEnd}`,
      `CRM-2,Globex,Globex,2000,Proposal,${t.quarterEnd}`,
    ];
    expect(expectOk(await commitOpportunityImport(sales, org.slug, input(lines)))).toMatchObject({
      message: "Imported 2 deals: 2 new.",
    });
    expect(
      expectOk(await commitOpportunityImport(sales, org.slug, input([...lines, ""], {}, "again.csv"))),
    ).toMatchObject({ message: "Nothing changed: 2 deals already up to date." });
    const moved = [
      `CRM-1,Initech,Initech,1500,Prospecting,${t.quarterEnd}`,
      `CRM-2,Globex,Globex,2000,Proposal,${t.quarterEnd}`,
      `CRM-3,Hooli,Hooli,10,Proposal,${t.quarterEnd}`,
    ];
    expect(expectOk(await commitOpportunityImport(sales, org.slug, input(moved, {}, "third.csv")))).toMatchObject({
      message: "Imported 3 deals: 1 new, 1 changed, 1 already up to date.",
    });
  });
});

describe("another organization", () => {
  it("cannot import into the first organization's pipeline, cannot use or see its mapping, and nothing of the first changes", async () => {
    const first = await createPipelineOrganization();
    const other = await createPipelineOrganization();
    const t = today();
    const stageMap = JSON.stringify({ engaging: first.stage("Qualification").id });
    expectOk(
      await commitOpportunityImport(
        first.users.salesManager.id,
        first.slug,
        input([`CRM-1,A,A,1,Engaging,${t.quarterEnd}`], { stageMap }),
      ),
    );
    const before = await snapshotOrganization(first.organizationId);
    const beforeDeals = await dealsOf(first);

    const lines = [`CRM-2,B,B,1,Engaging,${t.quarterEnd}`];
    expectFailure(await previewOpportunityImport(other.users.salesManager.id, first.slug, input(lines)), "NOT_FOUND");
    expectFailure(
      await commitOpportunityImport(other.users.salesManager.id, first.slug, input(lines, { stageMap })),
      "NOT_FOUND",
    );
    // In its own organization, the first one's remembered mapping is not there, and its stage ids map nothing.
    const own = expectOk(await previewOpportunityImport(other.users.salesManager.id, other.slug, input(lines)));
    expect(own.stageValues).toEqual([{ value: "Engaging", count: 1, stageId: null }]);
    const borrowed = expectOk(
      await previewOpportunityImport(other.users.salesManager.id, other.slug, input(lines, { stageMap })),
    );
    expect(borrowed.stageValues).toEqual([{ value: "Engaging", count: 1, stageId: null }]);
    expect(borrowed.summary).toMatchObject({
      acceptedCount: 0,
      reasons: [{ reason: 'unknown stage "Engaging"', count: 1 }],
    });

    expect(await snapshotOrganization(first.organizationId)).toEqual(before);
    expect(await dealsOf(first)).toEqual(beforeDeals);
    expect((await db.organization.findUniqueOrThrow({ where: { id: other.organizationId } })).pipelineStageMap).toEqual(
      {},
    );
  });
});
