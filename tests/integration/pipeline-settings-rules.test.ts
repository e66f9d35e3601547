import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/server/db";
import { createOpportunity, updateOpportunity } from "@/server/pipeline/opportunities";
import {
  addLossCause,
  archiveLossCause,
  archiveStage,
  createStage,
  renameLossCause,
  restoreLossCause,
  restoreStage,
  setHeadlineForecast,
  updateStage,
} from "@/server/pipeline/settings";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// The organization's stages, loss causes and headline forecast, seen from the deals: the OWNER
// configures them ("pipeline.configure"); deals keep what they had; archived entries take no new
// writes. (tests/integration/pipeline-settings.test.ts covers the settings screen's own flows.)

type TMutation = (userId: string | null, slug: string, input: unknown) => Promise<ActionResult<unknown>>;

const stage = (org: TPipelineOrganization, id: string) =>
  db.pipelineStage.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });
const lossCauseRow = (org: TPipelineOrganization, id: string) =>
  db.lossCause.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });

describe("who configures the pipeline", () => {
  const MUTATIONS: [string, TMutation, (org: TPipelineOrganization) => unknown][] = [
    ["createStage", createStage, () => ({ name: "Discovery", probability: "15", outcome: "OPEN" })],
    [
      "updateStage",
      updateStage,
      (org) => ({ stageId: org.stage("Proposal").id, name: "Proposal sent", probability: "45", outcome: "OPEN" }),
    ],
    ["archiveStage", archiveStage, (org) => ({ stageId: org.stage("Prospecting").id })],
    ["restoreStage", restoreStage, (org) => ({ stageId: org.stage("Prospecting").id })],
    ["addLossCause", addLossCause, () => ({ name: "Security review" })],
    [
      "renameLossCause",
      renameLossCause,
      (org) => ({ lossCauseId: org.lossCause("Pricing").id, name: "Price too high" }),
    ],
    ["archiveLossCause", archiveLossCause, (org) => ({ lossCauseId: org.lossCause("Pricing").id })],
    ["restoreLossCause", restoreLossCause, (org) => ({ lossCauseId: org.lossCause("Pricing").id })],
    ["setHeadlineForecast", setHeadlineForecast, () => ({ headlineForecast: "COMMIT" })],
  ];

  it.each(MUTATIONS)("%s is refused to every role but the owner, and nothing changes", async (_, mutation, input) => {
    const org = await createPipelineOrganization();
    const before = await snapshotOrganization(org.organizationId);
    for (const who of ["salesManager", "finance", "legalHead", "viewer"] as const) {
      expectFailure(await mutation(org.users[who].id, org.slug, input(org)), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expectOk(await mutation(org.owner.id, org.slug, input(org)));
  });
});

describe("stages and the deals in them", () => {
  it("adds a stage at the end, and refuses a name in use", async () => {
    const org = await createPipelineOrganization();
    const { stageId } = expectOk(
      await createStage(org.owner.id, org.slug, { name: "Security review", probability: "80", outcome: "OPEN" }),
    );
    expect(await stage(org, stageId)).toMatchObject({
      name: "Security review",
      probabilityBp: 8_000,
      outcome: "OPEN",
      sortOrder: 7,
      archivedAt: null,
    });
    expect(
      await createStage(org.owner.id, org.slug, { name: "Commit", probability: "90", outcome: "OPEN" }),
    ).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { name: ["A stage with that name exists."] } });
    expect(
      await updateStage(org.owner.id, org.slug, { stageId, name: "Commit", probability: "90", outcome: "OPEN" }),
    ).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { name: ["A stage with that name exists."] } });
  });

  it("renames a stage and changes its default probability while deals keep theirs", async () => {
    const org = await createPipelineOrganization();
    const proposal = org.stage("Proposal");
    const deal = await insertOpportunity(org, { stage: "Proposal" });
    const overridden = await insertOpportunity(org, { stage: "Proposal", name: "Overridden", probabilityBp: 4_200 });
    expectOk(
      await updateStage(org.owner.id, org.slug, {
        stageId: proposal.id,
        name: "Proposal sent",
        probability: "40",
        outcome: "OPEN",
      }),
    );
    expect(await stage(org, proposal.id)).toMatchObject({ name: "Proposal sent", probabilityBp: 4_000 });
    const deals = await db.opportunity.findMany({
      where: { organizationId: org.organizationId },
      orderBy: { name: "asc" },
    });
    expect(deals.map((d) => [d.id, d.stageId, d.probabilityBp])).toEqual([
      [deal.id, proposal.id, 5_000],
      [overridden.id, proposal.id, 4_200],
    ]);
    // A deal moved into it afterwards gets the new default.
    const moved = await insertOpportunity(org, { stage: "Qualification", name: "Moved" });
    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, { opportunityId: moved.id, stageId: proposal.id }),
    );
    expect(
      (
        await db.opportunity.findUniqueOrThrow({
          where: { organizationId_id: { organizationId: org.organizationId, id: moved.id } },
        })
      ).probabilityBp,
    ).toBe(4_000);
  });

  it("keeps a stage's outcome once deals use it", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { stage: "Closed won" });
    const before = await snapshotOrganization(org.organizationId);
    const won = org.stage("Closed won");
    expect(
      await updateStage(org.owner.id, org.slug, {
        stageId: won.id,
        name: "Closed won",
        probability: "100",
        outcome: "OPEN",
      }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { outcome: ["Deals are in this stage; its outcome cannot change."] },
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    // An unused stage may change outcome.
    const commit = org.stage("Commit");
    expectOk(
      await updateStage(org.owner.id, org.slug, {
        stageId: commit.id,
        name: "Verbal win",
        probability: "100",
        outcome: "WON",
      }),
    );
    expect(await stage(org, commit.id)).toMatchObject({ name: "Verbal win", outcome: "WON", probabilityBp: 10_000 });
  });

  it("refuses to archive a stage with open deals, archives it once they moved, and takes no deals into it until restored", async () => {
    const org = await createPipelineOrganization();
    const deal = await insertOpportunity(org, { stage: "Qualification" });
    const qualification = org.stage("Qualification");
    const before = await snapshotOrganization(org.organizationId);
    expect(await archiveStage(org.owner.id, org.slug, { stageId: qualification.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "Open deals are in Qualification; move them before archiving it.",
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        stageId: org.stage("Proposal").id,
      }),
    );
    expectOk(await archiveStage(org.owner.id, org.slug, { stageId: qualification.id }));
    expect((await stage(org, qualification.id)).archivedAt).toBeInstanceOf(Date);

    const refused = {
      ok: false,
      code: "VALIDATION",
      fieldErrors: { stageId: ["Choose one of this organization's stages."] },
    };
    expect(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        stageId: qualification.id,
      }),
    ).toMatchObject(refused);
    expect(
      await createOpportunity(org.users.salesManager.id, org.slug, {
        name: "New deal",
        account: "Acme",
        amount: "100",
        stageId: qualification.id,
        expectedCloseDate: today().iso,
        ownerId: org.users.salesManager.id,
      }),
    ).toMatchObject(refused);

    expectOk(await restoreStage(org.owner.id, org.slug, { stageId: qualification.id }));
    expectOk(
      await updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: deal.id,
        stageId: qualification.id,
      }),
    );
  });

  it("archives a closed stage whose deals are all closed", async () => {
    const org = await createPipelineOrganization();
    await insertOpportunity(org, { stage: "Closed won" });
    expectOk(await archiveStage(org.owner.id, org.slug, { stageId: org.stage("Closed won").id }));
  });
});

describe("loss causes and lost deals", () => {
  it("are added, renamed, archived and restored; names stay unique", async () => {
    const org = await createPipelineOrganization();
    const { lossCauseId } = expectOk(await addLossCause(org.owner.id, org.slug, { name: "Security review" }));
    expect(await lossCauseRow(org, lossCauseId)).toMatchObject({ name: "Security review", archivedAt: null });
    expect(await addLossCause(org.owner.id, org.slug, { name: "Pricing" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { name: ["A cause with that name exists."] },
    });
    expect(await renameLossCause(org.owner.id, org.slug, { lossCauseId, name: "Pricing" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { name: ["A cause with that name exists."] },
    });
    expectOk(await renameLossCause(org.owner.id, org.slug, { lossCauseId, name: "Security questionnaire" }));
    expect((await lossCauseRow(org, lossCauseId)).name).toBe("Security questionnaire");
    expectOk(await archiveLossCause(org.owner.id, org.slug, { lossCauseId }));
    expect((await lossCauseRow(org, lossCauseId)).archivedAt).toBeInstanceOf(Date);
    expectOk(await restoreLossCause(org.owner.id, org.slug, { lossCauseId }));
    expect((await lossCauseRow(org, lossCauseId)).archivedAt).toBeNull();
  });

  it("an archived cause is not accepted for a lost deal; causes already recorded keep it", async () => {
    const org = await createPipelineOrganization();
    const pricing = org.lossCause("Pricing").id;
    const first = await insertOpportunity(org, { name: "First" });
    const second = await insertOpportunity(org, { name: "Second" });
    const lose = (id: string) =>
      updateOpportunity(org.users.salesManager.id, org.slug, {
        opportunityId: id,
        stageId: org.stage("Closed lost").id,
        lossCauseId: pricing,
        responsibleDepartmentId: org.sales.id,
      });
    expectOk(await lose(first.id));
    expectOk(await archiveLossCause(org.owner.id, org.slug, { lossCauseId: pricing }));
    expect(await lose(second.id)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { lossCauseId: ["Choose one of this organization's causes."] },
    });
    expect(
      await db.opportunityCause.findMany({
        where: { organizationId: org.organizationId },
        select: { opportunityId: true, lossCauseId: true },
      }),
    ).toEqual([{ opportunityId: first.id, lossCauseId: pricing }]);
  });
});

describe("setHeadlineForecast", () => {
  it("sets which forecast the dashboard headlines, and audits it", async () => {
    const org = await createPipelineOrganization();
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).headlineForecast).toBe(
      "WEIGHTED",
    );
    expect(expectOk(await setHeadlineForecast(org.owner.id, org.slug, { headlineForecast: "BEST_CASE" }))).toEqual({
      headlineForecast: "BEST_CASE",
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).headlineForecast).toBe(
      "BEST_CASE",
    );
    expect(
      await db.auditEvent.count({
        where: { organizationId: org.organizationId, action: "organization.headlineForecast" },
      }),
    ).toBe(1);
    expect(await setHeadlineForecast(org.owner.id, org.slug, { headlineForecast: "CLOSED" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { headlineForecast: ["Choose the headline forecast."] },
    });
  });
});
