import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { commitOpportunityImport, previewOpportunityImport } from "@/server/pipeline/import";
import { openPipelineByMonth } from "@/server/pipeline/monthly";
import { updateOpportunity } from "@/server/pipeline/opportunities";
import { createStage } from "@/server/pipeline/settings";
import { createPipelineOrganization, today, type TPipelineOrganization } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { tenantOf } from "../factories";

// Issue 11: a CRM export's owners are names, its forecast categories are spelled its own way, it may
// have no deal-name column, its stages may be missing here, and its open deals may have no amount.

const file = (text: string, name: string) => new File([text], name, { type: "text/csv" });
const HEADER =
  "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date,Forecast Category,Opportunity Owner,Product";
const COLUMNS = {
  externalIdColumn: 0,
  nameColumn: 1,
  accountColumn: 2,
  amountColumn: 3,
  stageColumn: 4,
  closeDateColumn: 5,
  categoryColumn: 6,
  ownerColumn: 7,
};
const input = (lines: string[], extra: Record<string, unknown> = {}, name = "crm.csv") => ({
  file: file([HEADER, ...lines].join("\n"), name),
  ...COLUMNS,
  ...extra,
});
const deal = (org: TPipelineOrganization, externalId: string) =>
  db.opportunity.findFirstOrThrow({ where: { organizationId: org.organizationId, externalId } });

async function withNames(org: TPipelineOrganization) {
  await db.user.update({ where: { id: org.users.salesManager.id }, data: { name: "Sam Okafor" } });
  await db.user.update({ where: { id: org.users.finance.id }, data: { name: "Farah Idris" } });
  return org;
}

describe("owners by name or email", () => {
  it("proposes members by name or email, refuses an unknown owner, and remembers the mapping chosen for the next import", async () => {
    const org = await withNames(await createPipelineOrganization());
    const t = today();
    const ownerEmail = (await db.user.findUniqueOrThrow({ where: { id: org.users.owner.id } })).email;
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,Initech platform,Initech,1000,Prospecting,${t.quarterEnd},,sam  OKAFOR,`,
      `CRM-2,Globex renewal,Globex,2000,Prospecting,${t.quarterEnd},,${ownerEmail.toUpperCase()},`,
      `CRM-3,Hooli pilot,Hooli,3000,Prospecting,${t.quarterEnd},,Jordan Blake,`,
      `CRM-4,Stark deal,Stark,4000,Prospecting,${t.quarterEnd},,Jordan Blake,`,
    ];
    const first = expectOk(await previewOpportunityImport(sales, org.slug, input(lines)));
    expect(first.ownerValues).toEqual([
      { value: "sam  OKAFOR", count: 1, userId: sales },
      { value: ownerEmail.toUpperCase(), count: 1, userId: org.users.owner.id },
      { value: "Jordan Blake", count: 2, userId: null },
    ]);
    expect(first.summary).toMatchObject({
      acceptedCount: 2,
      reasons: [{ reason: 'unknown owner "Jordan Blake"', count: 2, hint: "map-owner" }],
    });

    const ownerMap = JSON.stringify({ "Jordan Blake": org.users.finance.id });
    expectOk(await commitOpportunityImport(sales, org.slug, input(lines, { ownerMap })));
    expect((await deal(org, "CRM-1")).ownerId).toBe(sales);
    expect((await deal(org, "CRM-2")).ownerId).toBe(org.users.owner.id);
    expect((await deal(org, "CRM-4")).ownerId).toBe(org.users.finance.id);
    expect(
      (await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).pipelineOwnerMap,
    ).toMatchObject({ "jordan blake": org.users.finance.id, "sam okafor": sales });

    // The next export, no choice made: Jordan Blake goes where he went last time.
    const next = [`CRM-5,Wayne deal,Wayne,5000,Prospecting,${t.quarterEnd},,jordan blake,`];
    expect(expectOk(await previewOpportunityImport(sales, org.slug, input(next, {}, "crm-2.csv"))).ownerValues).toEqual(
      [{ value: "jordan blake", count: 1, userId: org.users.finance.id }],
    );
    expectOk(await commitOpportunityImport(sales, org.slug, input(next, {}, "crm-2.csv")));
    expect((await deal(org, "CRM-5")).ownerId).toBe(org.users.finance.id);
  });

  it("gives a deal whose owner is not mapped to the importer only when the user chose so", async () => {
    const org = await withNames(await createPipelineOrganization());
    const t = today();
    const sales = org.users.salesManager.id;
    const lines = [`CRM-1,Tyrell deal,Tyrell,1000,Prospecting,${t.quarterEnd},,Pat Nobody,`];
    const refused = await commitOpportunityImport(sales, org.slug, input(lines));
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expectOk(await commitOpportunityImport(sales, org.slug, input(lines, { unmappedOwner: "importer" })));
    expect((await deal(org, "CRM-1")).ownerId).toBe(sales);
    // Nothing is remembered for the value: the next file still asks.
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).pipelineOwnerMap).toEqual(
      {},
    );
  });

  it("a choice that is not one of the two is refused naming the field", async () => {
    const org = await createPipelineOrganization();
    const result = await previewOpportunityImport(
      org.users.salesManager.id,
      org.slug,
      input([`CRM-1,A,B,1,Prospecting,2026-01-01,,,`], { unmappedOwner: "anyone" }),
    );
    expect(!result.ok && result.fieldErrors).toEqual({
      unmappedOwner: ["Choose what happens to deals whose owner is not mapped."],
    });
  });
});

describe("forecast categories", () => {
  it("maps the CRM's spellings by name, takes the user's choice for the others, and remembers it", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,A,Initech,1000,Prospecting,${t.quarterEnd},Best Case,,`,
      `CRM-2,B,Globex,1000,Prospecting,${t.quarterEnd},Committed,,`,
      `CRM-3,C,Hooli,1000,Prospecting,${t.quarterEnd},Not forecasted,,`,
      `CRM-4,D,Stark,1000,Prospecting,${t.quarterEnd},Gut feeling,,`,
      `CRM-5,E,Wayne,1000,Prospecting,${t.quarterEnd},,,`,
    ];
    const preview = expectOk(await previewOpportunityImport(sales, org.slug, input(lines)));
    expect(preview.categoryValues).toEqual([
      { value: "Best Case", count: 1, category: "BEST_CASE" },
      { value: "Committed", count: 1, category: "COMMIT" },
      { value: "Not forecasted", count: 1, category: "OMITTED" },
      { value: "Gut feeling", count: 1, category: null },
    ]);
    expect(preview.summary.reasons).toEqual([
      { reason: 'unknown forecast category "Gut feeling"', count: 1, hint: "map-category" },
    ]);
    expectOk(
      await commitOpportunityImport(
        sales,
        org.slug,
        input(lines, { categoryMap: JSON.stringify({ "gut feeling": "COMMIT" }) }),
      ),
    );
    const categories = await db.opportunity.findMany({
      where: { organizationId: org.organizationId },
      orderBy: { externalId: "asc" },
      select: { forecastCategory: true },
    });
    // Without a category, the stage's default (Prospecting: PIPELINE).
    expect(categories.map((c) => c.forecastCategory)).toEqual(["BEST_CASE", "COMMIT", "OMITTED", "COMMIT", "PIPELINE"]);
    const next = expectOk(
      await previewOpportunityImport(
        sales,
        org.slug,
        input([`CRM-6,F,Tyrell,1000,Prospecting,${t.quarterEnd},GUT  FEELING,,`], {}, "crm-2.csv"),
      ),
    );
    expect(next.categoryValues).toEqual([{ value: "GUT  FEELING", count: 1, category: "COMMIT" }]);
  });

  it("a category mapping to something that is not a category is refused naming the field", async () => {
    const org = await createPipelineOrganization();
    const result = await previewOpportunityImport(
      org.users.salesManager.id,
      org.slug,
      input([`CRM-1,A,B,1,Prospecting,2026-01-01,x,,`], { categoryMap: JSON.stringify({ x: "SOMEDAY" }) }),
    );
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["categoryMap.x"]);
  });
});

describe("a deal name composed from other columns", () => {
  it("names each deal by account — product, and keeps the columns with the batch", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,,Initech,1000,Prospecting,${t.quarterEnd},,,Platform`,
      `CRM-2,,Globex,1000,Prospecting,${t.quarterEnd},,,`,
    ];
    const composed = { nameColumn: "", nameColumns: JSON.stringify([2, 8]) };
    const preview = expectOk(await previewOpportunityImport(sales, org.slug, input(lines, composed)));
    expect(preview.summary.rows.map((r) => r.name)).toEqual(["Initech — Platform", "Globex"]);
    const { batchId } = expectOk(await commitOpportunityImport(sales, org.slug, input(lines, composed))) as {
      batchId: string;
    };
    expect((await deal(org, "CRM-1")).name).toBe("Initech — Platform");
    const batch = await db.importBatch.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: org.organizationId, id: batchId } },
    });
    expect(batch.mapping).toMatchObject({ nameColumns: ["Account Name", "Product"], columns: { name: null } });
  });

  it("without a name column or name parts, the file is refused naming the field; a part outside the file too", async () => {
    const org = await createPipelineOrganization();
    const sales = org.users.salesManager.id;
    const none = await previewOpportunityImport(
      sales,
      org.slug,
      input([`CRM-1,,A,1,Prospecting,2026-01-01,,,`], { nameColumn: "" }),
    );
    expect(!none.ok && none.fieldErrors).toEqual({
      nameColumn: ["Choose the name column, or the columns a name is made of."],
    });
    const four = await previewOpportunityImport(
      sales,
      org.slug,
      input([`CRM-1,,A,1,Prospecting,2026-01-01,,,`], { nameColumn: "", nameColumns: "[1,2,3,8]" }),
    );
    expect(!four.ok && four.fieldErrors).toEqual({ nameColumns: ["A deal name is made of at most 3 columns."] });
    const outside = await previewOpportunityImport(
      sales,
      org.slug,
      input([`CRM-1,,A,1,Prospecting,2026-01-01,,,`], { nameColumn: "", nameColumns: "[2,40]" }),
    );
    expect(outside).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { nameColumns: [expect.stringContaining("The file has 9 columns")] },
    });
  });
});

describe("creating a stage for an unmapped value", () => {
  it("an owner creates it (audited), and the next check maps the value to it by name", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const lines = [`CRM-1,A,Initech,1000,Engaging,${t.quarterEnd},,,`];
    const before = expectOk(await previewOpportunityImport(org.users.owner.id, org.slug, input(lines)));
    expect(before.stageValues).toEqual([{ value: "Engaging", count: 1, stageId: null }]);
    const { stageId } = expectOk(
      await createStage(org.users.owner.id, org.slug, { name: "Engaging", probability: "20", outcome: "OPEN" }),
    );
    expect(
      await db.auditEvent.count({
        where: { organizationId: org.organizationId, action: "stage.created", entityId: stageId },
      }),
    ).toBe(1);
    const after = expectOk(await previewOpportunityImport(org.users.owner.id, org.slug, input(lines)));
    expect(after.stageValues).toEqual([{ value: "Engaging", count: 1, stageId }]);
    expectOk(await commitOpportunityImport(org.users.owner.id, org.slug, input(lines)));
    expect(await deal(org, "CRM-1")).toMatchObject({ stageId, probabilityBp: 2_000 });
  });

  it("a sales manager may import but not create stages; a member of another organization gets not-found; nothing changes", async () => {
    const org = await createPipelineOrganization();
    const other = await createPipelineOrganization();
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(
      await createStage(org.users.salesManager.id, org.slug, { name: "Engaging", probability: "20", outcome: "OPEN" }),
      "FORBIDDEN",
    );
    expectFailure(
      await createStage(other.users.owner.id, org.slug, { name: "Engaging", probability: "20", outcome: "OPEN" }),
      "NOT_FOUND",
    );
    const invalid = await createStage(org.users.owner.id, org.slug, { name: "E", probability: "120", outcome: "OPEN" });
    expect(!invalid.ok && Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["name", "probability"]);
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("open deals without an amount", () => {
  it("are marked, left out of coverage's open pipeline (and counted apart), and lose the mark once an amount is set on the page or by a later import", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const sales = org.users.salesManager.id;
    const lines = [
      `CRM-1,A,Initech,,Prospecting,${t.quarterEnd},,,`,
      `CRM-2,B,Globex,,Prospecting,${t.quarterEnd},,,`,
      `CRM-3,C,Hooli,"1,500",Prospecting,${t.quarterEnd},,,`,
    ];
    expectOk(await commitOpportunityImport(sales, org.slug, input(lines)));
    expect([(await deal(org, "CRM-1")).amountMissing, (await deal(org, "CRM-3")).amountMissing]).toEqual([true, false]);
    const open = async () => {
      const months = await openPipelineByMonth(await tenantOf(org.organizationId), t.quarterStart, t.quarterEnd);
      return {
        amount: months.reduce((s, m) => s + m.amountMinor, 0n),
        noAmount: months.reduce((n, m) => n + m.noAmountCount, 0),
        count: months.reduce((n, m) => n + m.count, 0),
      };
    };
    expect(await open()).toEqual({ amount: 1_500_00n, noAmount: 2, count: 3 });

    // On the page: an amount typed, even 0, is the deal's amount; its history reads "— → 0".
    const first = await deal(org, "CRM-1");
    expectOk(
      await updateOpportunity(sales, org.slug, { opportunityId: first.id, version: first.version, amount: "0" }),
    );
    // The edit box showed a blank amount: a copy loaded before is now stale.
    expect(await deal(org, "CRM-1")).toMatchObject({ amountMissing: false, version: first.version + 1 });
    const change = await db.opportunityChange.findFirstOrThrow({
      where: { organizationId: org.organizationId, opportunityId: first.id },
      orderBy: { changedAt: "desc" },
    });
    expect(change.changes).toEqual({ amountMinor: [null, "0"] });
    // By a later import: the amount arrives.
    expectOk(
      await commitOpportunityImport(
        sales,
        org.slug,
        input([`CRM-2,B,Globex,700,Prospecting,${t.quarterEnd},,,`], {}, "crm-2.csv"),
      ),
    );
    expect(await deal(org, "CRM-2")).toMatchObject({ amountMinor: 700_00n, amountMissing: false });
    expect(await open()).toEqual({ amount: 2_200_00n, noAmount: 0, count: 3 });
  });
});

describe("another organization", () => {
  it("cannot import into the first one; the first's members and remembered mappings map nothing in its own; nothing of the first changes", async () => {
    const first = await withNames(await createPipelineOrganization());
    const other = await createPipelineOrganization();
    const t = today();
    const lines = [`CRM-1,A,Initech,1000,Prospecting,${t.quarterEnd},Gut feeling,Sam Okafor,`];
    const maps = {
      ownerMap: JSON.stringify({ "sam okafor": first.users.salesManager.id }),
      categoryMap: JSON.stringify({ "gut feeling": "COMMIT" }),
    };
    expectOk(await commitOpportunityImport(first.users.salesManager.id, first.slug, input(lines, maps)));
    const before = await snapshotOrganization(first.organizationId);

    expectFailure(
      await previewOpportunityImport(other.users.salesManager.id, first.slug, input(lines, maps)),
      "NOT_FOUND",
    );
    expectFailure(
      await commitOpportunityImport(other.users.salesManager.id, first.slug, input(lines, maps, "again.csv")),
      "NOT_FOUND",
    );
    const own = expectOk(await previewOpportunityImport(other.users.salesManager.id, other.slug, input(lines)));
    expect(own.ownerValues).toEqual([{ value: "Sam Okafor", count: 1, userId: null }]);
    expect(own.categoryValues).toEqual([{ value: "Gut feeling", count: 1, category: null }]);
    // Naming the first organization's member in its own mapping assigns nothing.
    const borrowed = expectOk(
      await previewOpportunityImport(other.users.salesManager.id, other.slug, input(lines, maps)),
    );
    expect(borrowed.ownerValues).toEqual([{ value: "Sam Okafor", count: 1, userId: null }]);
    expect(borrowed.summary).toMatchObject({
      acceptedCount: 0,
      reasons: [{ reason: 'unknown owner "Sam Okafor"', count: 1 }],
    });

    expect(await snapshotOrganization(first.organizationId)).toEqual(before);
    const otherOrg = await db.organization.findUniqueOrThrow({ where: { id: other.organizationId } });
    expect([otherOrg.pipelineOwnerMap, otherOrg.pipelineCategoryMap]).toEqual([{}, {}]);
  });
});
