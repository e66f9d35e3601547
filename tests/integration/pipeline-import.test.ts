import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { commitOpportunityImport, previewOpportunityImport } from "@/server/pipeline/import";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 5 "CSV import of opportunities from a CRM export": preview writes nothing, every row or
// none, idempotent on the external id, only sales roles, and only into the user's organization.

const file = (text: string, name = "crm.csv") => new File([text], name, { type: "text/csv" });
const HEADER = "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date,Owner Email,Lead Source Dept";
const COLUMNS = {
  externalIdColumn: 0,
  nameColumn: 1,
  accountColumn: 2,
  amountColumn: 3,
  stageColumn: 4,
  closeDateColumn: 5,
  ownerColumn: 6,
  sourceDepartmentColumn: 7,
};
const input = (text: string, extra: Record<string, unknown> = {}) => ({ file: file(text), ...COLUMNS, ...extra });

function crm(org: TPipelineOrganization, lines: string[]) {
  return [HEADER, ...lines.map((l) => l.replace("{sales}", org.users.salesManager.email))].join("\n");
}

const deals = (org: TPipelineOrganization) =>
  db.opportunity.findMany({
    where: { organizationId: org.organizationId },
    orderBy: { externalId: "asc" },
    include: { stage: { select: { name: true } } },
  });

describe("importing a CRM export", () => {
  it("creates the deals with history, and the same file or the same rows again change nothing", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const text = crm(org, [
      `SF-1,Initech platform,Initech,"12,500.50",Proposal,${t.quarterEnd},{sales},Marketing`,
      `SF-2,Globex renewal,Globex,8000,commit,${t.quarterEnd},,`,
    ]);
    const preview = expectOk(await previewOpportunityImport(org.users.salesManager.id, org.slug, input(text)));
    expect(preview.summary).toMatchObject({ acceptedCount: 2, newCount: 2, changedCount: 0, badRowCount: 0 });
    expect(await deals(org)).toEqual([]);

    const result = expectOk(await commitOpportunityImport(org.users.salesManager.id, org.slug, input(text)));
    expect(result).toMatchObject({ outcome: "imported", newCount: 2, changedCount: 0 });
    const stored = await deals(org);
    expect(
      stored.map((d) => [
        d.externalId,
        d.name,
        d.amountMinor,
        d.stage.name,
        d.probabilityBp,
        d.forecastCategory,
        d.ownerId,
        d.sourceDepartmentId,
      ]),
    ).toEqual([
      [
        "SF-1",
        "Initech platform",
        12_500_50n,
        "Proposal",
        5_000,
        "PIPELINE",
        org.users.salesManager.id,
        org.department("MARKETING").id,
      ],
      // No owner in the file: the importer owns it. No category: the Commit stage implies COMMIT, as in the form.
      ["SF-2", "Globex renewal", 8_000_00n, "Commit", 9_000, "COMMIT", org.users.salesManager.id, null],
    ]);
    expect(await db.opportunityChange.count({ where: { organizationId: org.organizationId } })).toBe(2);

    const before = await snapshotOrganization(org.organizationId);
    expect(expectOk(await commitOpportunityImport(org.users.salesManager.id, org.slug, input(text)))).toMatchObject({
      outcome: "already-imported",
    });
    // The same rows in another file (a fresh export): recorded as a batch, but no deal moves.
    const again = expectOk(
      await commitOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(`${text}\n`, { file: file(`${text}\n`, "crm-2.csv") }),
      ),
    );
    expect(again).toMatchObject({ outcome: "imported", newCount: 0, changedCount: 0, unchangedCount: 2 });
    const after = await snapshotOrganization(org.organizationId);
    expect(after.opportunities).toEqual(before.opportunities);
    expect(after.opportunityChanges).toEqual(before.opportunityChanges);
  });

  it("updates a deal whose row changed, keeps what the file leaves blank, and records the change", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    const deal = await insertOpportunity(org, {
      externalId: "SF-9",
      name: "Hooli pilot",
      amountMinor: 40_000_00n,
      stage: "Proposal",
      expectedCloseDate: t.quarterStart,
    });
    const text = crm(org, [`SF-9,Hooli pilot,Globex,45000,Negotiation,${t.quarterStart},,`]);
    const result = expectOk(await commitOpportunityImport(org.users.owner.id, org.slug, input(text)));
    expect(result).toMatchObject({ outcome: "imported", newCount: 0, changedCount: 1 });
    const stored = await db.opportunity.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: org.organizationId, id: deal.id } },
    });
    expect([
      stored.amountMinor,
      stored.stageId,
      stored.probabilityBp,
      stored.ownerId,
      stored.sourceDepartmentId,
    ]).toEqual([45_000_00n, org.stage("Negotiation").id, 7_000, deal.ownerId, deal.sourceDepartmentId]);
    const history = await db.opportunityChange.findMany({
      where: { organizationId: org.organizationId, opportunityId: deal.id },
    });
    expect(history.map((h) => [h.changedById, h.changes])).toEqual([
      [
        org.users.owner.id,
        {
          amountMinor: ["4000000", "4500000"],
          stageId: [org.stage("Proposal").id, org.stage("Negotiation").id],
          probabilityBp: [5_000, 7_000],
        },
      ],
    ]);
  });

  it("refuses the whole file over one bad row, naming every bad line and its reasons", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, { externalId: "SF-5", stage: "Proposal", expectedCloseDate: t.quarterEnd });
    const text = crm(org, [
      `SF-1,Good deal,Initech,1000,Proposal,${t.quarterEnd},,`, // 2
      `SF-2,,Initech,abc,Maybe,2026-02-30,nobody@example.com,Nowhere`, // 3
      `SF-5,Globex expansion,Globex,40000,Closed lost,${t.quarterEnd},,`, // 4: would lose a deal
      `SF-3,Twice,Initech,10,Proposal,${t.quarterEnd},,`, // 5
      `SF-3,Twice again,Initech,10,Proposal,${t.quarterEnd},,`, // 6
    ]);
    const before = await snapshotOrganization(org.organizationId);
    const preview = expectOk(await previewOpportunityImport(org.users.salesManager.id, org.slug, input(text)));
    expect(preview.summary.badRows).toEqual([
      {
        line: 3,
        reason:
          'empty name; non-numeric amount "abc"; unknown stage "Maybe"; unparseable close date "2026-02-30"; unknown owner "nobody@example.com"; unknown source department "Nowhere"',
      },
      {
        line: 4,
        reason:
          "this row loses the deal, which needs a cause and a responsible department: lose it on the pipeline page",
      },
      { line: 5, reason: 'external id "SF-3" is also on line 6' },
      { line: 6, reason: 'external id "SF-3" is also on line 5' },
    ]);
    const refused = await commitOpportunityImport(org.users.salesManager.id, org.slug, input(text));
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: expect.stringMatching(/^4 rows have problems/),
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("refuses a row that moves an open deal's close date out of the current quarter", async () => {
    const org = await createPipelineOrganization();
    const t = today();
    await insertOpportunity(org, {
      externalId: "SF-7",
      name: "Globex expansion",
      stage: "Proposal",
      expectedCloseDate: t.quarterEnd,
    });
    const later = new Date(Date.parse(`${t.quarterEnd}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    const preview = expectOk(
      await previewOpportunityImport(
        org.users.salesManager.id,
        org.slug,
        input(crm(org, [`SF-7,Globex expansion,Globex,40000,Proposal,${later},,`])),
      ),
    );
    expect(preview.summary.badRows.map((b) => b.reason)).toEqual([
      expect.stringMatching(/^this row moves the close date out of the current quarter/),
    ]);
  });
});

describe("who may import", () => {
  it.each([["finance"], ["legalHead"], ["viewer"]] as const)("%s is refused and nothing is written", async (who) => {
    const org = await createPipelineOrganization();
    const text = crm(org, [`SF-1,Deal,Initech,1000,Proposal,${today().quarterEnd},,`]);
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(await previewOpportunityImport(org.users[who].id, org.slug, input(text)), "FORBIDDEN");
    expectFailure(await commitOpportunityImport(org.users[who].id, org.slug, input(text)), "FORBIDDEN");
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("a sales manager of another organization gets not-found, and neither organization changes", async () => {
    const a = await createPipelineOrganization();
    const b = await createPipelineOrganization();
    await insertOpportunity(a, { externalId: "SF-1" });
    const text = crm(b, [`SF-1,Deal,Initech,1000,Proposal,${today().quarterEnd},,`]);
    const [beforeA, beforeB] = await Promise.all([
      snapshotOrganization(a.organizationId),
      snapshotOrganization(b.organizationId),
    ]);
    expectFailure(await previewOpportunityImport(b.users.salesManager.id, a.slug, input(text)), "NOT_FOUND");
    expectFailure(await commitOpportunityImport(b.users.salesManager.id, a.slug, input(text)), "NOT_FOUND");
    expect(await snapshotOrganization(a.organizationId)).toEqual(beforeA);
    expect(await snapshotOrganization(b.organizationId)).toEqual(beforeB);
  });
});
