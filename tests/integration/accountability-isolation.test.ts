import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { addCategory, archiveCategory, renameCategory, restoreCategory } from "@/server/accountability/categories";
import { createCommitment, reopenCommitment, resolveCommitment } from "@/server/accountability/commitments";
import {
  logContribution,
  reviewContribution,
  reviseContribution,
  withdrawContribution,
} from "@/server/accountability/contributions";
import { archiveKpi, createKpi, restoreKpi, setKpiValues, updateKpi } from "@/server/accountability/kpis";
import { markMonthReviewed, saveNarrative } from "@/server/accountability/narratives";
import { categoryId, createAccountabilityOrganization, insertKpi } from "../factories/accountability";
import { snapshotOrganization } from "../support/assertions";

// DESIGN.md "Tenant isolation": every issue-4 mutation, called (a) by a member of another
// organization through this organization's slug, or (b) by this organization's owner with another
// organization's ids, is refused as not found (or, for a category or an owner, as a field to
// correct), and neither organization changes.

type TIds = {
  departmentId: string;
  categoryId: string;
  kpiId: string;
  contributionId: string;
  openCommitmentId: string;
  doneCommitmentId: string;
  memberId: string;
};
type TMutation = (userId: string | null, slug: string, input: unknown) => Promise<ActionResult<unknown>>;

/** One record of each kind, in Legal, written straight to the database. */
async function seedRecords(org: Awaited<ReturnType<typeof createAccountabilityOrganization>>): Promise<TIds> {
  const organizationId = org.organizationId;
  const category = await categoryId(organizationId, "LEGAL");
  const kpi = await insertKpi(organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
  const contribution = await db.contribution.create({
    data: {
      organizationId,
      departmentId: org.legal.id,
      categoryId: category,
      month: monthToDbDate("2026-03"),
      amountMinor: -5_000n,
      description: "Redlines",
    },
  });
  const commitment = (status: "OPEN" | "DONE") =>
    db.commitment.create({
      data: {
        organizationId,
        departmentId: org.legal.id,
        title: "Template MSA",
        ownerId: org.users.legalHead.id,
        dueDate: new Date("2026-12-15T00:00:00Z"),
        expectedImpactMinor: 10_000n,
        status,
        ...(status === "DONE" && { deliveredImpactMinor: 10_000n, resolvedAt: new Date() }),
      },
    });
  const [open, done] = [await commitment("OPEN"), await commitment("DONE")];
  return {
    departmentId: org.legal.id,
    categoryId: category,
    kpiId: kpi.id,
    contributionId: contribution.id,
    openCommitmentId: open.id,
    doneCommitmentId: done.id,
    memberId: org.users.legalHead.id,
  };
}

const SUBMISSION_ID = "7d1f2c3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
const kpiFields = { name: "Contracts countersigned", unit: "COUNT", direction: "HIGHER_IS_BETTER", target: "12" };
const contributionFields = (ids: TIds) => ({
  month: "2026-03",
  categoryId: ids.categoryId,
  amount: "-7,500",
  description: "Redlines took six weeks",
});

/** Each mutation with an input that is valid for the organization whose ids it is given. */
const MUTATIONS: { action: string; mutation: TMutation; input: (ids: TIds) => unknown }[] = [
  // Create forms send a submission id and edit forms the version they loaded (issue 10): the
  // refusals below come before either is looked at.
  {
    action: "logContribution",
    mutation: logContribution,
    input: (ids) => ({ ...contributionFields(ids), departmentId: ids.departmentId, submissionId: SUBMISSION_ID }),
  },
  {
    action: "reviseContribution",
    mutation: reviseContribution,
    input: (ids) => ({ ...contributionFields(ids), contributionId: ids.contributionId, version: 0 }),
  },
  {
    action: "withdrawContribution",
    mutation: withdrawContribution,
    input: (ids) => ({ contributionId: ids.contributionId }),
  },
  {
    action: "reviewContribution",
    mutation: reviewContribution,
    input: (ids) => ({ contributionId: ids.contributionId, decision: "CONFIRMED" }),
  },
  {
    action: "createKpi",
    mutation: createKpi,
    input: (ids) => ({
      ...kpiFields,
      name: "Contracts drafted",
      departmentId: ids.departmentId,
      submissionId: SUBMISSION_ID,
    }),
  },
  { action: "updateKpi", mutation: updateKpi, input: (ids) => ({ ...kpiFields, kpiId: ids.kpiId, version: 0 }) },
  { action: "archiveKpi", mutation: archiveKpi, input: (ids) => ({ kpiId: ids.kpiId }) },
  { action: "restoreKpi", mutation: restoreKpi, input: (ids) => ({ kpiId: ids.kpiId }) },
  {
    action: "setKpiValues",
    mutation: setKpiValues,
    input: (ids) => ({
      departmentId: ids.departmentId,
      month: "2026-03",
      values: { [ids.kpiId]: "11" },
      versions: { [ids.kpiId]: "" },
    }),
  },
  {
    action: "createCommitment",
    mutation: createCommitment,
    input: (ids) => ({
      departmentId: ids.departmentId,
      title: "Faster redlines",
      ownerId: ids.memberId,
      dueDate: "2026-12-31",
      expectedImpact: "5000",
      submissionId: SUBMISSION_ID,
    }),
  },
  {
    action: "resolveCommitment",
    mutation: resolveCommitment,
    input: (ids) => ({ commitmentId: ids.openCommitmentId, status: "DONE", version: 0 }),
  },
  { action: "reopenCommitment", mutation: reopenCommitment, input: (ids) => ({ commitmentId: ids.doneCommitmentId }) },
  {
    action: "saveNarrative",
    mutation: saveNarrative,
    input: (ids) => ({
      departmentId: ids.departmentId,
      month: "2026-03",
      why: "Slow counsel",
      whatNext: "Templates",
      version: "",
    }),
  },
  {
    action: "markMonthReviewed",
    mutation: markMonthReviewed,
    input: (ids) => ({ departmentId: ids.departmentId, month: "2026-03" }),
  },
  { action: "addCategory", mutation: addCategory, input: () => ({ kind: "LEGAL", name: "Export controls" }) },
  {
    action: "renameCategory",
    mutation: renameCategory,
    input: (ids) => ({ categoryId: ids.categoryId, name: "Review delays" }),
  },
  { action: "archiveCategory", mutation: archiveCategory, input: (ids) => ({ categoryId: ids.categoryId }) },
  { action: "restoreCategory", mutation: restoreCategory, input: (ids) => ({ categoryId: ids.categoryId }) },
];

/** (b): which of org A's ids are replaced by org B's, and how the action must refuse. */
type TExpected = { code: "NOT_FOUND"; message: string } | { code: "VALIDATION"; field: string };
const notFound = (what: string): TExpected => ({ code: "NOT_FOUND", message: `${what} was not found.` });
const CROSS: { action: string; foreign: (keyof TIds)[]; expected: TExpected }[] = [
  { action: "logContribution", foreign: ["departmentId"], expected: notFound("That department") },
  { action: "logContribution", foreign: ["departmentId", "categoryId"], expected: notFound("That department") },
  { action: "logContribution", foreign: ["categoryId"], expected: { code: "VALIDATION", field: "categoryId" } },
  { action: "reviseContribution", foreign: ["contributionId"], expected: notFound("That contribution") },
  { action: "reviseContribution", foreign: ["categoryId"], expected: { code: "VALIDATION", field: "categoryId" } },
  { action: "withdrawContribution", foreign: ["contributionId"], expected: notFound("That contribution") },
  { action: "reviewContribution", foreign: ["contributionId"], expected: notFound("That contribution") },
  { action: "createKpi", foreign: ["departmentId"], expected: notFound("That department") },
  { action: "updateKpi", foreign: ["kpiId"], expected: notFound("That KPI") },
  { action: "archiveKpi", foreign: ["kpiId"], expected: notFound("That KPI") },
  { action: "restoreKpi", foreign: ["kpiId"], expected: notFound("That KPI") },
  { action: "setKpiValues", foreign: ["departmentId", "kpiId"], expected: notFound("That department") },
  { action: "setKpiValues", foreign: ["kpiId"], expected: notFound("That KPI") },
  { action: "createCommitment", foreign: ["departmentId"], expected: notFound("That department") },
  { action: "createCommitment", foreign: ["memberId"], expected: { code: "VALIDATION", field: "ownerId" } },
  { action: "resolveCommitment", foreign: ["openCommitmentId"], expected: notFound("That commitment") },
  { action: "reopenCommitment", foreign: ["doneCommitmentId"], expected: notFound("That commitment") },
  { action: "saveNarrative", foreign: ["departmentId"], expected: notFound("That department") },
  { action: "markMonthReviewed", foreign: ["departmentId"], expected: notFound("That department") },
  { action: "renameCategory", foreign: ["categoryId"], expected: notFound("That category") },
  { action: "archiveCategory", foreign: ["categoryId"], expected: notFound("That category") },
  { action: "restoreCategory", foreign: ["categoryId"], expected: notFound("That category") },
];

async function setup() {
  const a = await createAccountabilityOrganization("Alpha");
  const b = await createAccountabilityOrganization("Beta");
  const [aIds, bIds] = [await seedRecords(a), await seedRecords(b)];
  const snapshots = async () => [
    await snapshotOrganization(a.organizationId),
    await snapshotOrganization(b.organizationId),
  ];
  return { a, b, aIds, bIds, snapshots };
}

const mutationOf = (action: string) => {
  const found = MUTATIONS.find((m) => m.action === action);
  if (!found) throw new Error(`no mutation ${action}`);
  return found;
};

describe("tenant isolation of the accountability mutations", () => {
  it("covers every mutation in both tables", () => {
    expect(MUTATIONS).toHaveLength(18);
    const crossed = new Set(CROSS.map((c) => c.action));
    // addCategory names no record, so (b) has nothing to swap for it.
    expect(MUTATIONS.map((m) => m.action).filter((a) => !crossed.has(a))).toEqual(["addCategory"]);
  });

  it("(a) answers a member of another organization not found through this organization's slug, and changes nothing", async () => {
    const { a, b, aIds, snapshots } = await setup();
    const before = await snapshots();
    // B's owner, B's finance and B's Legal head, each with A's slug and A's ids.
    for (const outsider of [b.users.owner, b.users.finance, b.users.legalHead]) {
      for (const { action, mutation, input } of MUTATIONS) {
        const result = await mutation(outsider.id, a.slug, input(aIds));
        expect(result, action).toEqual({ ok: false, code: "NOT_FOUND", message: "That organization was not found." });
      }
    }
    expect(await snapshots()).toEqual(before);
  });

  it("(b) refuses this organization's owner another organization's ids, and changes neither", async () => {
    const { a, aIds, bIds, snapshots } = await setup();
    const before = await snapshots();
    for (const { action, foreign, expected } of CROSS) {
      const ids: TIds = { ...aIds };
      for (const key of foreign) ids[key] = bIds[key];
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
    const { a, aIds } = await setup();
    // In an order where each one's record is still in a state that accepts it.
    const order = [
      "logContribution",
      "reviseContribution",
      "reviewContribution",
      "createKpi",
      "updateKpi",
      "setKpiValues",
      "archiveKpi",
      "restoreKpi",
      "createCommitment",
      "resolveCommitment",
      "reopenCommitment",
      "saveNarrative",
      "markMonthReviewed",
      "addCategory",
      "renameCategory",
      "archiveCategory",
      "restoreCategory",
    ];
    for (const action of order) {
      const { mutation, input } = mutationOf(action);
      expect(await mutation(a.users.owner.id, a.slug, input(aIds)), action).toMatchObject({ ok: true });
    }
    // Withdrawal needs an unconfirmed contribution: the one logged above.
    const logged = await db.contribution.findFirstOrThrow({
      where: { organizationId: a.organizationId, status: "CLAIMED" },
    });
    expect(
      await mutationOf("withdrawContribution").mutation(a.users.owner.id, a.slug, { contributionId: logged.id }),
    ).toMatchObject({ ok: true });
  });
});
