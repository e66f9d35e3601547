import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
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
import { auditActions } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Settings › Pipeline (OWNER only): stages, loss causes and the headline forecast.

const stageRow = (organizationId: string, id: string) =>
  db.pipelineStage.findUniqueOrThrow({ where: { organizationId_id: { organizationId, id } } });
const causeRow = (organizationId: string, id: string) =>
  db.lossCause.findUniqueOrThrow({ where: { organizationId_id: { organizationId, id } } });

describe("pipeline stages", () => {
  it("let the owner add, edit, archive and restore a stage, each audited", async () => {
    const org = await createPipelineOrganization();
    const owner = org.users.owner.id;
    const { stageId } = expectOk(
      await createStage(owner, org.slug, { name: " Discovery ", probability: "15", outcome: "OPEN" }),
    );
    expect(await stageRow(org.organizationId, stageId)).toMatchObject({
      name: "Discovery",
      probabilityBp: 1_500,
      outcome: "OPEN",
      sortOrder: 7,
      archivedAt: null,
    });
    expectOk(
      await updateStage(owner, org.slug, { stageId, name: "Discovery call", probability: "17.5%", outcome: "OPEN" }),
    );
    expect(await stageRow(org.organizationId, stageId)).toMatchObject({ name: "Discovery call", probabilityBp: 1_750 });
    expectOk(await archiveStage(owner, org.slug, { stageId }));
    expect((await stageRow(org.organizationId, stageId)).archivedAt).toBeInstanceOf(Date);
    expectOk(await restoreStage(owner, org.slug, { stageId }));
    expect((await stageRow(org.organizationId, stageId)).archivedAt).toBeNull();
    expect(await auditActions(org.organizationId, stageId)).toEqual([
      "stage.created",
      "stage.updated",
      "stage.archived",
      "stage.restored",
    ]);
  });

  it("refuse a taken name, a probability over 100 %, archiving a stage with open deals, and changing its outcome once deals use it", async () => {
    const org = await createPipelineOrganization();
    const owner = org.users.owner.id;
    const proposal = org.stage("Proposal");
    await insertOpportunity(org, { stage: "Proposal" });
    const before = await snapshotOrganization(org.organizationId);
    const clash = await createStage(owner, org.slug, { name: "Proposal", probability: "40", outcome: "OPEN" });
    expectFailure(clash, "CONFLICT");
    expect(!clash.ok && clash.fieldErrors).toEqual({ name: ["A stage with that name exists."] });
    const tooHigh = await createStage(owner, org.slug, { name: "Certain", probability: "120", outcome: "OPEN" });
    expectFailure(tooHigh, "VALIDATION");
    expect(!tooHigh.ok && tooHigh.fieldErrors?.probability).toEqual(["Enter a percentage from 0 to 100."]);
    expectFailure(await archiveStage(owner, org.slug, { stageId: proposal.id }), "CONFLICT");
    const outcome = await updateStage(owner, org.slug, {
      stageId: proposal.id,
      name: "Proposal",
      probability: "50",
      outcome: "WON",
    });
    expectFailure(outcome, "CONFLICT");
    expect(!outcome.ok && outcome.fieldErrors?.outcome).toEqual([
      "Deals are in this stage; its outcome cannot change.",
    ]);
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    // Changing the default probability leaves the deal's own.
    expectOk(
      await updateStage(owner, org.slug, {
        stageId: proposal.id,
        name: "Proposal",
        probability: "55",
        outcome: "OPEN",
      }),
    );
    expect(
      (await db.opportunity.findFirstOrThrow({ where: { organizationId: org.organizationId } })).probabilityBp,
    ).toBe(5_000);
  });
});

describe("loss causes", () => {
  it("let the owner add, rename, archive and restore a cause, each audited", async () => {
    const org = await createPipelineOrganization();
    const owner = org.users.owner.id;
    const { lossCauseId } = expectOk(await addLossCause(owner, org.slug, { name: "Security review" }));
    expectOk(await renameLossCause(owner, org.slug, { lossCauseId, name: "Security questionnaire" }));
    expectOk(await archiveLossCause(owner, org.slug, { lossCauseId }));
    expect((await causeRow(org.organizationId, lossCauseId)).archivedAt).toBeInstanceOf(Date);
    expectOk(await restoreLossCause(owner, org.slug, { lossCauseId }));
    expect(await causeRow(org.organizationId, lossCauseId)).toMatchObject({
      name: "Security questionnaire",
      archivedAt: null,
    });
    expect(await auditActions(org.organizationId, lossCauseId)).toEqual([
      "lossCause.added",
      "lossCause.renamed",
      "lossCause.archived",
      "lossCause.restored",
    ]);
    const clash = await renameLossCause(owner, org.slug, { lossCauseId, name: "Pricing" });
    expectFailure(clash, "CONFLICT");
    expect(!clash.ok && clash.fieldErrors).toEqual({ name: ["A cause with that name exists."] });
  });
});

describe("the headline forecast", () => {
  it("is weighted by default and the owner may choose another", async () => {
    const org = await createPipelineOrganization();
    const headline = async () =>
      (await db.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).headlineForecast;
    expect(await headline()).toBe("WEIGHTED");
    expectOk(await setHeadlineForecast(org.users.owner.id, org.slug, { headlineForecast: "COMMIT" }));
    expect(await headline()).toBe("COMMIT");
    expectFailure(
      await setHeadlineForecast(org.users.owner.id, org.slug, { headlineForecast: "RUN_RATE" }),
      "VALIDATION",
    );
    expect(await headline()).toBe("COMMIT");
    expect(await auditActions(org.organizationId, org.organizationId)).toContain("organization.headlineForecast");
  });
});

describe("who may configure the pipeline", () => {
  it("refuses every role but OWNER, and nothing changes", async () => {
    const org = await createPipelineOrganization();
    const stageId = org.stage("Proposal").id;
    const lossCauseId = org.lossCause("Pricing").id;
    const before = await snapshotOrganization(org.organizationId);
    for (const user of [org.users.finance, org.users.salesManager, org.users.legalHead, org.users.viewer]) {
      expectFailure(
        await createStage(user.id, org.slug, { name: "Discovery", probability: "15", outcome: "OPEN" }),
        "FORBIDDEN",
      );
      expectFailure(
        await updateStage(user.id, org.slug, { stageId, name: "Renamed", probability: "15", outcome: "OPEN" }),
        "FORBIDDEN",
      );
      expectFailure(await archiveStage(user.id, org.slug, { stageId }), "FORBIDDEN");
      expectFailure(await restoreStage(user.id, org.slug, { stageId }), "FORBIDDEN");
      expectFailure(await addLossCause(user.id, org.slug, { name: "New cause" }), "FORBIDDEN");
      expectFailure(await renameLossCause(user.id, org.slug, { lossCauseId, name: "Renamed" }), "FORBIDDEN");
      expectFailure(await archiveLossCause(user.id, org.slug, { lossCauseId }), "FORBIDDEN");
      expectFailure(await restoreLossCause(user.id, org.slug, { lossCauseId }), "FORBIDDEN");
      expectFailure(await setHeadlineForecast(user.id, org.slug, { headlineForecast: "COMMIT" }), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("gives another organization's owner NOT_FOUND for this organization's ids and slug, and nothing changes", async () => {
    const a = await createPipelineOrganization();
    const b = await createPipelineOrganization();
    const stageId = a.stage("Proposal").id;
    const lossCauseId = a.lossCause("Pricing").id;
    const before = await snapshotOrganization(a.organizationId);
    const bOwner = b.users.owner.id;
    // B's owner, in B's own organization, naming A's rows.
    expectFailure(
      await updateStage(bOwner, b.slug, { stageId, name: "Stolen", probability: "15", outcome: "OPEN" }),
      "NOT_FOUND",
    );
    expectFailure(await archiveStage(bOwner, b.slug, { stageId }), "NOT_FOUND");
    expectFailure(await restoreStage(bOwner, b.slug, { stageId }), "NOT_FOUND");
    expectFailure(await renameLossCause(bOwner, b.slug, { lossCauseId, name: "Stolen" }), "NOT_FOUND");
    expectFailure(await archiveLossCause(bOwner, b.slug, { lossCauseId }), "NOT_FOUND");
    expectFailure(await restoreLossCause(bOwner, b.slug, { lossCauseId }), "NOT_FOUND");
    // B's owner on A's slug.
    expectFailure(
      await createStage(bOwner, a.slug, { name: "Discovery", probability: "15", outcome: "OPEN" }),
      "NOT_FOUND",
    );
    expectFailure(await addLossCause(bOwner, a.slug, { name: "New cause" }), "NOT_FOUND");
    expectFailure(await setHeadlineForecast(bOwner, a.slug, { headlineForecast: "COMMIT" }), "NOT_FOUND");
    expect(await snapshotOrganization(a.organizationId)).toEqual(before);
  });
});
