import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { monthToDbDate } from "@/lib/period";
import { disputeCause, settleCause } from "@/server/pipeline/causes";
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
import { takeSnapshot } from "@/server/pipeline/snapshots";
import {
  createPipelineOrganization,
  insertOpportunity,
  today,
  type TPipelineOrganization,
} from "../factories/pipeline";
import { snapshotOrganization } from "../support/assertions";

// DESIGN.md "Tenant isolation" for issue 5: every pipeline mutation, called (a) by a member of
// another organization through this organization's slug, or (b) by this organization's owner with
// another organization's ids, is refused as not found or as a field to correct, and neither
// organization changes.

type TIds = {
  opportunityId: string;
  stageId: string;
  unusedStageId: string;
  ownerId: string;
  departmentId: string;
  lossCauseId: string;
  attributedCauseId: string;
  disputedCauseId: string;
};
type TMutation = (userId: string | null, slug: string, input: unknown) => Promise<ActionResult<unknown>>;

/** A deal in Proposal, and a lost deal with one attributed and one disputed cause. */
async function seedRecords(org: TPipelineOrganization): Promise<TIds> {
  const { organizationId } = org;
  const deal = await insertOpportunity(org, { expectedCloseDate: today().quarterStart });
  const lost = await insertOpportunity(org, { name: "Lost deal", stage: "Closed lost" });
  const cause = (status: "ATTRIBUTED" | "DISPUTED") =>
    db.opportunityCause.create({
      data: {
        organizationId,
        opportunityId: lost.id,
        kind: "LOST",
        month: monthToDbDate(today().month),
        amountMinor: lost.amountMinor,
        lossCauseId: org.lossCause("Invoice dispute").id,
        responsibleDepartmentId: org.billing.id,
        status,
        ...(status === "DISPUTED" && {
          disputeReason: "Not us",
          disputedById: org.users.billingHead.id,
          disputedAt: new Date(),
        }),
      },
    });
  const [attributed, disputed] = [await cause("ATTRIBUTED"), await cause("DISPUTED")];
  return {
    opportunityId: deal.id,
    stageId: org.stage("Negotiation").id,
    unusedStageId: org.stage("Prospecting").id,
    ownerId: org.users.salesManager.id,
    departmentId: org.legal.id,
    lossCauseId: org.lossCause("Pricing").id,
    attributedCauseId: attributed.id,
    disputedCauseId: disputed.id,
  };
}

const dealFields = (ids: TIds) => ({
  name: "Umbrella renewal",
  account: "Umbrella",
  amount: "9,000",
  stageId: ids.stageId,
  expectedCloseDate: today().quarterEnd,
  ownerId: ids.ownerId,
  sourceDepartmentId: ids.departmentId,
});
const lose = (ids: TIds) => ({
  opportunityId: ids.opportunityId,
  stageId: ids.stageId,
  lossCauseId: ids.lossCauseId,
  responsibleDepartmentId: ids.departmentId,
});

/** Each mutation with an input that is valid for the organization whose ids it is given. */
const MUTATIONS: { action: string; mutation: TMutation; input: (ids: TIds) => unknown }[] = [
  // With the create form's submission id and the version the edit loaded (issue 10).
  {
    action: "createOpportunity",
    mutation: createOpportunity,
    input: (ids) => ({ ...dealFields(ids), submissionId: "7d1f2c3e-4b5a-4c6d-8e7f-901a2b3c4d5e" }),
  },
  {
    action: "updateOpportunity",
    mutation: updateOpportunity,
    input: (ids) => ({ ...dealFields(ids), opportunityId: ids.opportunityId, version: 0 }),
  },
  // Moves the deal to the lost stage: setup's withLostStage puts that stage's id in ids.stageId.
  { action: "loseOpportunity", mutation: updateOpportunity, input: (ids) => lose(ids) },
  {
    action: "createStage",
    mutation: createStage,
    input: () => ({ name: "Legal review", probability: "80", outcome: "OPEN" }),
  },
  {
    action: "updateStage",
    mutation: updateStage,
    input: (ids) => ({ stageId: ids.unusedStageId, name: "Discovery", probability: "15", outcome: "OPEN" }),
  },
  { action: "archiveStage", mutation: archiveStage, input: (ids) => ({ stageId: ids.unusedStageId }) },
  { action: "restoreStage", mutation: restoreStage, input: (ids) => ({ stageId: ids.unusedStageId }) },
  { action: "addLossCause", mutation: addLossCause, input: () => ({ name: "Security review" }) },
  {
    action: "renameLossCause",
    mutation: renameLossCause,
    input: (ids) => ({ lossCauseId: ids.lossCauseId, name: "Price too high" }),
  },
  { action: "archiveLossCause", mutation: archiveLossCause, input: (ids) => ({ lossCauseId: ids.lossCauseId }) },
  { action: "restoreLossCause", mutation: restoreLossCause, input: (ids) => ({ lossCauseId: ids.lossCauseId }) },
  { action: "setHeadlineForecast", mutation: setHeadlineForecast, input: () => ({ headlineForecast: "COMMIT" }) },
  { action: "takeSnapshot", mutation: takeSnapshot, input: () => ({}) },
  {
    action: "disputeCause",
    mutation: disputeCause,
    input: (ids) => ({ causeId: ids.attributedCauseId, reason: "The invoice was right" }),
  },
  {
    action: "settleCause",
    mutation: settleCause,
    input: (ids) => ({ causeId: ids.disputedCauseId, decision: "UPHELD", reason: "Billing held the invoice" }),
  },
];

type TExpected = { code: "NOT_FOUND"; message: string } | { code: "VALIDATION"; field: string };
const notFound = (what: string): TExpected => ({ code: "NOT_FOUND", message: `${what} was not found.` });
const field = (name: string): TExpected => ({ code: "VALIDATION", field: name });
const CROSS: { action: string; foreign: (keyof TIds)[]; expected: TExpected }[] = [
  { action: "createOpportunity", foreign: ["stageId"], expected: field("stageId") },
  { action: "createOpportunity", foreign: ["ownerId"], expected: field("ownerId") },
  { action: "createOpportunity", foreign: ["departmentId"], expected: field("sourceDepartmentId") },
  { action: "updateOpportunity", foreign: ["opportunityId"], expected: notFound("That deal") },
  {
    action: "updateOpportunity",
    foreign: ["opportunityId", "stageId", "ownerId", "departmentId"],
    expected: notFound("That deal"),
  },
  { action: "updateOpportunity", foreign: ["stageId"], expected: field("stageId") },
  { action: "updateOpportunity", foreign: ["ownerId"], expected: field("ownerId") },
  { action: "updateOpportunity", foreign: ["departmentId"], expected: field("sourceDepartmentId") },
  { action: "loseOpportunity", foreign: ["opportunityId"], expected: notFound("That deal") },
  { action: "loseOpportunity", foreign: ["lossCauseId"], expected: field("lossCauseId") },
  { action: "loseOpportunity", foreign: ["departmentId"], expected: field("responsibleDepartmentId") },
  { action: "updateStage", foreign: ["unusedStageId"], expected: notFound("That stage") },
  { action: "archiveStage", foreign: ["unusedStageId"], expected: notFound("That stage") },
  { action: "restoreStage", foreign: ["unusedStageId"], expected: notFound("That stage") },
  { action: "renameLossCause", foreign: ["lossCauseId"], expected: notFound("That cause") },
  { action: "archiveLossCause", foreign: ["lossCauseId"], expected: notFound("That cause") },
  { action: "restoreLossCause", foreign: ["lossCauseId"], expected: notFound("That cause") },
  { action: "disputeCause", foreign: ["attributedCauseId"], expected: notFound("That lost or slipped deal") },
  { action: "settleCause", foreign: ["disputedCauseId"], expected: notFound("That lost or slipped deal") },
];

async function setup() {
  const a = await createPipelineOrganization("Alpha");
  const b = await createPipelineOrganization("Beta");
  const [aIds, bIds] = [await seedRecords(a), await seedRecords(b)];
  const snapshots = async () => [
    await snapshotOrganization(a.organizationId),
    await snapshotOrganization(b.organizationId),
  ];
  // Losing a deal moves it to the lost stage: the organization's own, unless the test swaps in B's.
  const withLostStage = (action: string, org: TPipelineOrganization, ids: TIds): TIds =>
    action === "loseOpportunity" ? { ...ids, stageId: org.stage("Closed lost").id } : ids;
  return { a, b, aIds, bIds, snapshots, withLostStage };
}

const mutationOf = (action: string) => {
  const found = MUTATIONS.find((m) => m.action === action);
  if (!found) throw new Error(`no mutation ${action}`);
  return found;
};

describe("tenant isolation of the pipeline mutations", () => {
  it("covers every mutation; those naming no record are only in (a)", () => {
    const crossed = new Set(CROSS.map((c) => c.action));
    expect(MUTATIONS.map((m) => m.action).filter((a) => !crossed.has(a))).toEqual([
      "createStage",
      "addLossCause",
      "setHeadlineForecast",
      "takeSnapshot",
    ]);
  });

  it("(a) answers a member of another organization not found through this organization's slug, and changes nothing", async () => {
    const { a, b, aIds, snapshots, withLostStage } = await setup();
    const before = await snapshots();
    // B's owner, B's sales manager and B's finance, each with A's slug and A's ids.
    for (const outsider of [b.users.owner, b.users.salesManager, b.users.finance]) {
      for (const { action, mutation, input } of MUTATIONS) {
        const result = await mutation(outsider.id, a.slug, input(withLostStage(action, a, aIds)));
        expect(result, action).toEqual({ ok: false, code: "NOT_FOUND", message: "That organization was not found." });
      }
    }
    expect(await snapshots()).toEqual(before);
  });

  it("(b) refuses this organization's owner another organization's ids, and changes neither", async () => {
    const { a, b, aIds, bIds, snapshots, withLostStage } = await setup();
    const before = await snapshots();
    for (const { action, foreign, expected } of CROSS) {
      const ids: TIds = { ...withLostStage(action, a, aIds) };
      const theirs = withLostStage(action, b, bIds);
      for (const key of foreign) ids[key] = theirs[key];
      const { mutation, input } = mutationOf(action);
      const result = await mutation(a.users.owner.id, a.slug, input(ids));
      const label = `${action} with B's ${foreign.join(", ")}`;
      if (expected.code === "NOT_FOUND") {
        expect(result, label).toEqual({ ok: false, code: "NOT_FOUND", message: expected.message });
      } else {
        expect(result, label).toMatchObject({ ok: false, code: "VALIDATION" });
        expect(!result.ok && Object.keys(result.fieldErrors ?? {}), label).toEqual([expected.field]);
      }
      expect(await snapshots(), label).toEqual(before);
    }
  });

  it("lets the owner run every one of these inputs with its own ids (the refusals above are about the ids)", async () => {
    const { a, aIds, withLostStage } = await setup();
    // In an order where each one's record is still in a state that accepts it.
    const order = [
      "createOpportunity",
      "updateOpportunity",
      "loseOpportunity",
      "createStage",
      "updateStage",
      "archiveStage",
      "restoreStage",
      "addLossCause",
      "renameLossCause",
      "archiveLossCause",
      "restoreLossCause",
      "setHeadlineForecast",
      "takeSnapshot",
      "disputeCause",
      "settleCause",
    ];
    expect([...order].sort()).toEqual(MUTATIONS.map((m) => m.action).sort());
    for (const action of order) {
      const { mutation, input } = mutationOf(action);
      expect(await mutation(a.users.owner.id, a.slug, input(withLostStage(action, a, aIds))), action).toMatchObject({
        ok: true,
      });
    }
  });
});
