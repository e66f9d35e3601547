import { describe, expect, it } from "vitest";
import { monthToDbDate } from "@/lib/period";
import { logContribution, reviseContribution } from "@/server/accountability/contributions";
import { db } from "@/server/db";
import { disputeCause, settleCause } from "@/server/pipeline/causes";
import { updateOpportunity } from "@/server/pipeline/opportunities";
import { auditActions, categoryId } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 5 "cause codes from every department": the head of the department charged with a lost or
// slipped deal disputes it with a reason; FINANCE or OWNER settles it. Nobody else does either,
// nothing crosses organizations, and a contribution may name one of the organization's deals only.

/** A sales manager loses a deal (expected 10 Feb 2026, $12,000.00) naming `department` responsible. */
async function loseDeal(org: TPipelineOrganization, department: { id: string }, name = "Umbrella renewal") {
  const deal = await insertOpportunity(org, { name, amountMinor: 12_000_00n, expectedCloseDate: "2026-02-10" });
  const result = expectOk(
    await updateOpportunity(org.users.salesManager.id, org.slug, {
      opportunityId: deal.id,
      stageId: org.stage("Closed lost").id,
      lossCauseId: org.lossCause("Contract terms took too long").id,
      responsibleDepartmentId: department.id,
    }),
  );
  if (!result.cause) throw new Error("expected a cause");
  return { deal, causeId: result.cause.id };
}

const causeRow = (org: TPipelineOrganization, id: string) =>
  db.opportunityCause.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });

describe("disputing an attribution", () => {
  it("the charged department's head disputes it with a reason, and it is kept with who and when", async () => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    const before = await causeRow(org, causeId);
    expect(before).toMatchObject({
      kind: "LOST",
      month: monthToDbDate("2026-02"),
      amountMinor: 12_000_00n,
      status: "ATTRIBUTED",
    });

    expect(
      expectOk(
        await disputeCause(org.users.legalHead.id, org.slug, {
          causeId,
          reason: "  Sales sent the contract the day before the deadline.  ",
        }),
      ),
    ).toEqual({ causeId });
    const after = await causeRow(org, causeId);
    expect(after).toMatchObject({
      status: "DISPUTED",
      disputeReason: "Sales sent the contract the day before the deadline.",
      disputedById: org.users.legalHead.id,
      settleReason: null,
      settledById: null,
    });
    expect(after.disputedAt).toBeInstanceOf(Date);
    expect(await auditActions(org.organizationId, causeId)).toEqual(["opportunity.lost", "cause.disputed"]);
  });

  it.each<[string, "billingHead" | "finance" | "viewer" | "salesManager"]>([
    ["another department's head", "billingHead"],
    ["finance", "finance"],
    ["a viewer", "viewer"],
    ["the sales manager", "salesManager"],
  ])("%s may not dispute it, and nothing changes", async (_, who) => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(
      await disputeCause(org.users[who].id, org.slug, { causeId, reason: "Not ours at all." }),
      "FORBIDDEN",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("needs a reason, named on the field", async () => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    const before = await snapshotOrganization(org.organizationId);
    expect(await disputeCause(org.users.legalHead.id, org.slug, { causeId, reason: " " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { reason: ["Say why the department is not responsible."] },
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("settling a dispute", () => {
  it("finance upholds it; the owner overturns another, each with a reason", async () => {
    const org = await createPipelineOrganization();
    const first = await loseDeal(org, org.legal, "Umbrella renewal");
    const second = await loseDeal(org, org.legal, "Hooli pilot");
    for (const { causeId } of [first, second])
      expectOk(
        await disputeCause(org.users.legalHead.id, org.slug, {
          causeId,
          reason: "Signed within the agreed five days.",
        }),
      );

    expect(
      expectOk(
        await settleCause(org.users.finance.id, org.slug, {
          causeId: first.causeId,
          decision: "UPHELD",
          reason: "The redlines sat in Legal for three weeks.",
        }),
      ),
    ).toEqual({ causeId: first.causeId, status: "UPHELD" });
    expect(await causeRow(org, first.causeId)).toMatchObject({
      status: "UPHELD",
      settleReason: "The redlines sat in Legal for three weeks.",
      settledById: org.users.finance.id,
      disputeReason: "Signed within the agreed five days.",
    });
    expect(
      expectOk(
        await settleCause(org.users.owner.id, org.slug, {
          causeId: second.causeId,
          decision: "OVERTURNED",
          reason: "The customer's budget was cut.",
        }),
      ),
    ).toEqual({ causeId: second.causeId, status: "OVERTURNED" });
    expect(await causeRow(org, second.causeId)).toMatchObject({
      status: "OVERTURNED",
      settleReason: "The customer's budget was cut.",
      settledById: org.users.owner.id,
    });
    expect(await auditActions(org.organizationId, first.causeId)).toEqual([
      "opportunity.lost",
      "cause.disputed",
      "cause.upheld",
    ]);
    expect(await auditActions(org.organizationId, second.causeId)).toEqual([
      "opportunity.lost",
      "cause.disputed",
      "cause.overturned",
    ]);
  });

  it.each<[string, "legalHead" | "billingHead" | "viewer" | "salesManager"]>([
    ["the disputing head", "legalHead"],
    ["another head", "billingHead"],
    ["a viewer", "viewer"],
    ["the sales manager", "salesManager"],
  ])("%s may not settle it, and nothing changes", async (_, who) => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    expectOk(await disputeCause(org.users.legalHead.id, org.slug, { causeId, reason: "Not ours." }));
    const before = await snapshotOrganization(org.organizationId);
    expectFailure(
      await settleCause(org.users[who].id, org.slug, { causeId, decision: "OVERTURNED", reason: "Fine by me." }),
      "FORBIDDEN",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("needs a decision and a reason", async () => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    expectOk(await disputeCause(org.users.legalHead.id, org.slug, { causeId, reason: "Not ours." }));
    const before = await snapshotOrganization(org.organizationId);
    expect(
      await settleCause(org.users.finance.id, org.slug, { causeId, decision: "OVERTURNED", reason: "" }),
    ).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["Say why."] } });
    expect(
      await settleCause(org.users.finance.id, org.slug, { causeId, decision: "MAYBE", reason: "Hmm, let me think." }),
    ).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { decision: ["Choose uphold or overturn."] } });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("the attribution's states", () => {
  it("refuses to settle what is not disputed, and to dispute or settle twice", async () => {
    const org = await createPipelineOrganization();
    const { causeId } = await loseDeal(org, org.legal);
    const { legalHead, finance, owner } = org.users;
    const conflict = async (result: Promise<unknown>, message: string) =>
      expect(await result).toMatchObject({ ok: false, code: "CONFLICT", message });

    let before = await snapshotOrganization(org.organizationId);
    await conflict(
      settleCause(finance.id, org.slug, { causeId, decision: "UPHELD", reason: "Clearly Legal." }),
      "Only a disputed attribution is settled.",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(await disputeCause(legalHead.id, org.slug, { causeId, reason: "Not ours." }));
    before = await snapshotOrganization(org.organizationId);
    await conflict(
      disputeCause(legalHead.id, org.slug, { causeId, reason: "Still not ours." }),
      "This attribution is already disputed.",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(await settleCause(finance.id, org.slug, { causeId, decision: "UPHELD", reason: "Clearly Legal." }));
    before = await snapshotOrganization(org.organizationId);
    await conflict(
      settleCause(owner.id, org.slug, { causeId, decision: "OVERTURNED", reason: "Second thoughts." }),
      "This attribution is already upheld.",
    );
    await conflict(
      disputeCause(legalHead.id, org.slug, { causeId, reason: "Once more." }),
      "This attribution is already upheld.",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});

describe("another organization's ids", () => {
  it("are not found for disputeCause and settleCause, and neither organization changes", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    const { causeId: theirs } = await loseDeal(b, b.legal);
    const { causeId: disputed } = await loseDeal(b, b.legal, "Hooli pilot");
    expectOk(await disputeCause(b.users.legalHead.id, b.slug, { causeId: disputed, reason: "Not ours." }));
    const [beforeA, beforeB] = [
      await snapshotOrganization(a.organizationId),
      await snapshotOrganization(b.organizationId),
    ];

    expect(await disputeCause(a.users.legalHead.id, a.slug, { causeId: theirs, reason: "Not ours." })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await disputeCause(a.users.owner.id, a.slug, { causeId: theirs, reason: "Not ours." })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await settleCause(a.users.finance.id, a.slug, {
        causeId: disputed,
        decision: "OVERTURNED",
        reason: "Looks wrong.",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await settleCause(a.users.owner.id, a.slug, { causeId: disputed, decision: "UPHELD", reason: "Looks right." }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });

    expect(await snapshotOrganization(a.organizationId)).toEqual(beforeA);
    expect(await snapshotOrganization(b.organizationId)).toEqual(beforeB);
  });
});

describe("a contribution naming a deal", () => {
  const fields = async (org: TPipelineOrganization) => ({
    departmentId: org.legal.id,
    month: "2026-02",
    categoryId: await categoryId(org.organizationId, "LEGAL"),
    amount: "-9,000",
    description: "Redlines held the Umbrella renewal past its date.",
  });

  it("links one of the organization's deals when logged, changes or clears it when revised", async () => {
    const org = await createPipelineOrganization();
    const { deal } = await loseDeal(org, org.legal);
    const other = await insertOpportunity(org, { name: "Hooli pilot" });
    const { contributionId } = expectOk(
      await logContribution(org.users.legalHead.id, org.slug, { ...(await fields(org)), opportunityId: deal.id }),
    );
    const row = () =>
      db.contribution.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id: contributionId } },
      });
    expect((await row()).opportunityId).toBe(deal.id);

    const { departmentId: _, ...revision } = await fields(org);
    expectOk(
      await reviseContribution(org.users.legalHead.id, org.slug, {
        ...revision,
        contributionId,
        opportunityId: other.id,
      }),
    );
    expect((await row()).opportunityId).toBe(other.id);
    // The form's "No deal" sends an empty value.
    expectOk(
      await reviseContribution(org.users.legalHead.id, org.slug, { ...revision, contributionId, opportunityId: "" }),
    );
    expect((await row()).opportunityId).toBeNull();
  });

  it("refuses another organization's deal (or an unknown id) on the field, and writes nothing", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    const theirs = await insertOpportunity(b, { name: "Beta's deal" });
    const refused = {
      ok: false,
      code: "VALIDATION",
      fieldErrors: { opportunityId: ["Choose one of this organization's deals, or none."] },
    };

    let before = await snapshotOrganization(a.organizationId);
    const beforeB = await snapshotOrganization(b.organizationId);
    expect(
      await logContribution(a.users.legalHead.id, a.slug, { ...(await fields(a)), opportunityId: theirs.id }),
    ).toMatchObject(refused);
    expect(
      await logContribution(a.users.legalHead.id, a.slug, { ...(await fields(a)), opportunityId: "no-such-deal" }),
    ).toMatchObject(refused);
    expect(await snapshotOrganization(a.organizationId)).toEqual(before);

    const { contributionId } = expectOk(await logContribution(a.users.legalHead.id, a.slug, await fields(a)));
    before = await snapshotOrganization(a.organizationId);
    const { departmentId: _, ...revision } = await fields(a);
    expect(
      await reviseContribution(a.users.legalHead.id, a.slug, { ...revision, contributionId, opportunityId: theirs.id }),
    ).toMatchObject(refused);
    expect(await snapshotOrganization(a.organizationId)).toEqual(before);
    expect(await snapshotOrganization(b.organizationId)).toEqual(beforeB);
  });
});
