import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { createCommitment } from "@/server/accountability/commitments";
import { logContribution } from "@/server/accountability/contributions";
import { createKpi } from "@/server/accountability/kpis";
import { db } from "@/server/db";
import { describeInvitation } from "@/server/invitations/accept";
import { inviteMember } from "@/server/members/mutations";
import { createOpportunity } from "@/server/pipeline/opportunities";
import { addRevenueEntry } from "@/server/revenue/entries";
import { categoryId } from "../factories/accountability";
import { createPipelineOrganization, today, type TPipelineOrganization } from "../factories/pipeline";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Issue 10, finding 9 (part): "a retried submit after a lost response can create an entry twice".
// Every create form sends a submission id made when it renders; the same id again (a retry, or a
// double submit racing the first) returns the first result and creates nothing. The id is keyed
// with organizationId in the database, so another organization reusing it neither sees nor
// touches the first organization's record.

type TCreate = {
  form: string;
  /** Rows of the created kind in an organization. */
  count: (organizationId: string) => Promise<number>;
  /** The create, by a member allowed to make it, with this organization's own ids. */
  submit: (
    org: TPipelineOrganization,
    submissionId: string,
    variant?: number,
  ) => Promise<ActionResult<Record<string, unknown>>>;
};

const CREATES: TCreate[] = [
  {
    form: "manual revenue entry",
    count: (organizationId) => db.revenueEntry.count({ where: { organizationId } }),
    submit: (org, submissionId) =>
      addRevenueEntry(org.users.finance.id, org.slug, {
        date: "2026-03-14",
        amount: "1,250.00",
        reference: "INV-1",
        submissionId,
      }),
  },
  {
    form: "contribution",
    count: (organizationId) => db.contribution.count({ where: { organizationId } }),
    submit: async (org, submissionId) =>
      logContribution(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        categoryId: await categoryId(org.organizationId, "LEGAL"),
        amount: "-5,000",
        description: "Redlines took six weeks",
        submissionId,
      }),
  },
  {
    form: "commitment",
    count: (organizationId) => db.commitment.count({ where: { organizationId } }),
    submit: (org, submissionId) =>
      createCommitment(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        title: "Template MSA",
        ownerId: org.users.legalHead.id,
        dueDate: "2026-12-15",
        expectedImpact: "10,000",
        submissionId,
      }),
  },
  {
    form: "deal",
    count: (organizationId) => db.opportunity.count({ where: { organizationId } }),
    submit: (org, submissionId) =>
      createOpportunity(org.users.salesManager.id, org.slug, {
        name: "Umbrella renewal",
        account: "Umbrella",
        amount: "9,000",
        stageId: org.stage("Proposal").id,
        expectedCloseDate: today().quarterEnd,
        ownerId: org.users.salesManager.id,
        submissionId,
      }),
  },
  {
    form: "KPI definition",
    count: (organizationId) => db.kpi.count({ where: { organizationId } }),
    // KPI names are unique per department: a second form names another KPI.
    submit: (org, submissionId, variant = 1) =>
      createKpi(org.users.owner.id, org.slug, {
        departmentId: org.legal.id,
        name: `Contracts signed ${variant}`,
        unit: "COUNT",
        direction: "HIGHER_IS_BETTER",
        target: "12",
        submissionId,
      }),
  },
  {
    form: "invitation",
    count: (organizationId) => db.invitation.count({ where: { organizationId } }),
    submit: (org, submissionId) =>
      inviteMember(org.users.owner.id, org.slug, { email: "new.person@example.com", role: "VIEWER", submissionId }),
  },
];

const audits = (organizationId: string) => db.auditEvent.count({ where: { organizationId } });

describe("retried submits: a create form's submission id", () => {
  for (const create of CREATES) {
    describe(create.form, () => {
      it("creates one record when the same submission is sent twice, and answers the retry with the first result", async () => {
        const org = await createPipelineOrganization("Alpha");
        const [rows, events] = [await create.count(org.organizationId), await audits(org.organizationId)];
        const id = randomUUID();
        const first = expectOk(await create.submit(org, id));
        const retry = expectOk(await create.submit(org, id));
        expect(first.replayed).toBe(false);
        expect(retry).toEqual({ ...first, replayed: true });
        expect(await create.count(org.organizationId)).toBe(rows + 1);
        expect(await audits(org.organizationId)).toBe(events + 1);
        // A new form (a new id) is a new record.
        expectOk(await create.submit(org, randomUUID(), 2));
        expect(await create.count(org.organizationId)).toBe(rows + 2);
      });

      it("creates one record when two submits with the same id race", async () => {
        const org = await createPipelineOrganization("Alpha");
        const rows = await create.count(org.organizationId);
        const id = randomUUID();
        const [a, b] = await Promise.all([create.submit(org, id), create.submit(org, id)]);
        const [first, second] = [expectOk(a), expectOk(b)];
        expect({ ...first, replayed: null }).toEqual({ ...second, replayed: null });
        expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
        expect(await create.count(org.organizationId)).toBe(rows + 1);
      });

      it("keeps the id to its organization: another organization reusing it gets its own record and never the first one", async () => {
        const a = await createPipelineOrganization("Alpha");
        const b = await createPipelineOrganization("Beta");
        const id = randomUUID();
        const mine = expectOk(await create.submit(a, id));
        const snapshotA = await snapshotOrganization(a.organizationId);
        const rowsB = await create.count(b.organizationId);
        const theirs = expectOk(await create.submit(b, id));
        const key = Object.keys(mine).find((k) => k.endsWith("Id")) ?? "";
        expect(theirs.replayed).toBe(false);
        expect(theirs[key]).not.toBe(mine[key]);
        expect(await create.count(b.organizationId)).toBe(rowsB + 1);
        expect(await snapshotOrganization(a.organizationId)).toEqual(snapshotA);
        // B's members replaying through A's slug are not found, and A does not change.
        for (const outsider of [b.users.owner, b.users.finance, b.users.legalHead, b.users.salesManager]) {
          const result = await create.submit(
            {
              ...b,
              slug: a.slug,
              users: { ...b.users, owner: outsider, finance: outsider, legalHead: outsider, salesManager: outsider },
            },
            id,
          );
          expectFailure(result, "NOT_FOUND");
        }
        expect(await snapshotOrganization(a.organizationId)).toEqual(snapshotA);
      });
    });
  }

  it("answers a retried invitation with the same working link", async () => {
    const org = await createPipelineOrganization("Alpha");
    const id = randomUUID();
    const first = expectOk(await CREATES[5]!.submit(org, id));
    const retry = expectOk(await CREATES[5]!.submit(org, id));
    expect(retry.token).toBe(first.token);
    expect(await describeInvitation(String(retry.token))).toMatchObject({
      state: "valid",
      email: "new.person@example.com",
    });
  });

  it("refuses a submission id that is not a UUID, naming the field", async () => {
    const org = await createPipelineOrganization("Alpha");
    const result = await CREATES[0]!.submit(org, "1; DROP TABLE");
    expectFailure(result, "VALIDATION");
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["submissionId"]);
    expect(await db.revenueEntry.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });
});
