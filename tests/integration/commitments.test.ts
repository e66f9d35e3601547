import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createCommitment, reopenCommitment, resolveCommitment } from "@/server/accountability/commitments";
import { commitmentAccuracyByDepartment } from "@/server/accountability/dashboard";
import { auditActions, createAccountabilityOrganization } from "../factories/accountability";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { interleave } from "../support/interleave";
import { tenantOf } from "../factories";

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

const getCommitment = (org: TOrg, id: string) =>
  db.commitment.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });

async function promise(
  org: TOrg,
  fields: { departmentId?: string; userId?: string; expectedImpact?: string; dueDate?: string } = {},
) {
  const input = {
    departmentId: fields.departmentId ?? org.legal.id,
    title: "Template MSA for deals under $50k",
    ownerId: org.users.legalHead.id,
    dueDate: fields.dueDate ?? "2026-12-15",
    expectedImpact: fields.expectedImpact ?? "40,000",
  };
  return expectOk(await createCommitment(fields.userId ?? org.users.legalHead.id, org.slug, input)).commitmentId;
}

describe("creating a commitment", () => {
  it("stores the owner, the due date and the expected impact in minor units, audited", async () => {
    const org = await createAccountabilityOrganization();
    const id = await promise(org, { expectedImpact: "40,000.25" });
    expect(await getCommitment(org, id)).toMatchObject({
      departmentId: org.legal.id,
      title: "Template MSA for deals under $50k",
      ownerId: org.users.legalHead.id,
      dueDate: new Date("2026-12-15T00:00:00Z"),
      expectedImpactMinor: 4_000_025n,
      deliveredImpactMinor: null,
      status: "OPEN",
      createdById: org.users.legalHead.id,
    });
    expect(await auditActions(org.organizationId, id)).toEqual(["commitment.created"]);
  });

  it("needs an owner who is a member and an expected impact above zero", async () => {
    const org = await createAccountabilityOrganization();
    const other = await createAccountabilityOrganization();
    const before = await snapshotOrganization(org.organizationId);
    const input = {
      departmentId: org.legal.id,
      title: "Faster redlines",
      ownerId: org.users.finance.id,
      dueDate: "2026-12-15",
      expectedImpact: "1000",
    };
    const stranger = await createCommitment(org.users.legalHead.id, org.slug, {
      ...input,
      ownerId: other.users.legalHead.id,
    });
    expectFailure(stranger, "VALIDATION");
    expect(!stranger.ok && stranger.fieldErrors).toEqual({ ownerId: ["Choose a member of this organization."] });
    for (const expectedImpact of ["0", "-5", "12.345"]) {
      const result = await createCommitment(org.users.legalHead.id, org.slug, { ...input, expectedImpact });
      expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["expectedImpact"]);
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    // Any member may own it, finance included.
    expectOk(await createCommitment(org.users.legalHead.id, org.slug, input));
  });

  it("refuses another department's head, FINANCE and VIEWER; a SALES_MANAGER acts for Sales", async () => {
    const org = await createAccountabilityOrganization();
    const legalOpen = await promise(org);
    const legalDone = await promise(org);
    expectOk(await resolveCommitment(org.users.legalHead.id, org.slug, { commitmentId: legalDone, status: "DONE" }));
    const before = await snapshotOrganization(org.organizationId);
    const input = {
      departmentId: org.legal.id,
      title: "Faster redlines",
      ownerId: org.users.legalHead.id,
      dueDate: "2026-12-15",
      expectedImpact: "1000",
    };
    for (const user of [org.users.billingHead, org.users.salesManager, org.users.finance, org.users.viewer]) {
      expectFailure(await createCommitment(user.id, org.slug, input), "FORBIDDEN");
      expectFailure(
        await resolveCommitment(user.id, org.slug, { commitmentId: legalOpen, status: "DONE" }),
        "FORBIDDEN",
      );
      expectFailure(await reopenCommitment(user.id, org.slug, { commitmentId: legalDone }), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    const sales = await promise(org, { departmentId: org.sales.id, userId: org.users.salesManager.id });
    expectOk(await resolveCommitment(org.users.salesManager.id, org.slug, { commitmentId: sales, status: "MISSED" }));
    // An owner may promise for any department.
    await promise(org, { departmentId: org.billing.id, userId: org.users.owner.id });
  });
});

describe("resolving and reopening", () => {
  it("defaults DONE to the expected impact and MISSED to nothing, takes a stated delivery, and reopens", async () => {
    const org = await createAccountabilityOrganization();
    const [done, missed, partial, spare] = [
      await promise(org, { expectedImpact: "40,000" }),
      await promise(org, { expectedImpact: "10,000" }),
      await promise(org, { expectedImpact: "5,000" }),
      await promise(org),
    ];
    const { legalHead } = org.users;
    expectOk(await resolveCommitment(legalHead.id, org.slug, { commitmentId: done, status: "DONE" }));
    expectOk(await resolveCommitment(legalHead.id, org.slug, { commitmentId: missed, status: "MISSED" }));
    expectOk(
      await resolveCommitment(legalHead.id, org.slug, { commitmentId: partial, status: "DONE", delivered: "1,000.50" }),
    );
    expect(await getCommitment(org, done)).toMatchObject({ status: "DONE", deliveredImpactMinor: 4_000_000n });
    expect(await getCommitment(org, missed)).toMatchObject({ status: "MISSED", deliveredImpactMinor: 0n });
    expect(await getCommitment(org, partial)).toMatchObject({ status: "DONE", deliveredImpactMinor: 100_050n });
    expect((await getCommitment(org, done)).resolvedAt).toBeInstanceOf(Date);

    const before = await snapshotOrganization(org.organizationId);
    expectFailure(
      await resolveCommitment(legalHead.id, org.slug, { commitmentId: done, status: "MISSED" }),
      "CONFLICT",
    );
    const badDelivery = await resolveCommitment(legalHead.id, org.slug, {
      commitmentId: spare,
      status: "DONE",
      delivered: "-1",
    });
    expect(!badDelivery.ok && Object.keys(badDelivery.fieldErrors ?? {})).toEqual(["delivered"]);
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(await reopenCommitment(legalHead.id, org.slug, { commitmentId: done }));
    expect(await getCommitment(org, done)).toMatchObject({
      status: "OPEN",
      deliveredImpactMinor: null,
      resolvedAt: null,
    });
    expectFailure(await reopenCommitment(legalHead.id, org.slug, { commitmentId: done }), "CONFLICT");
    expectOk(await resolveCommitment(legalHead.id, org.slug, { commitmentId: done, status: "MISSED" }));
    expect(await auditActions(org.organizationId, done)).toEqual([
      "commitment.created",
      "commitment.done",
      "commitment.reopened",
      "commitment.missed",
    ]);
  });
});

describe("two people resolving at once", () => {
  it("lets only the first resolution stand, and audits only it", async () => {
    const org = await createAccountabilityOrganization();
    const id = await promise(org);
    const result = await interleave(
      (tx) =>
        tx.$queryRaw`SELECT 1 AS locked FROM "Commitment" WHERE "organizationId" = ${org.organizationId} AND id = ${id} FOR UPDATE`,
      () => resolveCommitment(org.users.legalHead.id, org.slug, { commitmentId: id, status: "DONE" }),
      // The owner marked it missed a moment earlier.
      (tx) =>
        tx.commitment.updateMany({
          where: { organizationId: org.organizationId, id },
          data: { status: "MISSED", deliveredImpactMinor: 0n, resolvedAt: new Date() },
        }),
    );
    expectFailure(result, "CONFLICT");
    expect(await getCommitment(org, id)).toMatchObject({ status: "MISSED", deliveredImpactMinor: 0n });
    expect(await auditActions(org.organizationId, id)).toEqual(["commitment.created"]);
  });
});

describe("commitmentAccuracyByDepartment", () => {
  it("matches hand-computed hit rates, delivery and overdue counts per department", async () => {
    const org = await createAccountabilityOrganization();
    const other = await createAccountabilityOrganization();
    const { legalHead, billingHead } = org.users;
    const resolve = async (userId: string, commitmentId: string, status: "DONE" | "MISSED", delivered = "") =>
      expectOk(await resolveCommitment(userId, org.slug, { commitmentId, status, delivered }));

    // Legal: DONE 1,000 (delivers 1,000), DONE 500 (delivers 200), MISSED 300, OPEN due yesterday, OPEN due today.
    await resolve(legalHead.id, await promise(org, { expectedImpact: "1000" }), "DONE");
    await resolve(legalHead.id, await promise(org, { expectedImpact: "500" }), "DONE", "200");
    await resolve(legalHead.id, await promise(org, { expectedImpact: "300" }), "MISSED");
    await promise(org, { expectedImpact: "100", dueDate: "2026-06-14" });
    await promise(org, { expectedImpact: "100", dueDate: "2026-06-15" });
    // Billing: one MISSED 200 and one OPEN overdue.
    await resolve(
      billingHead.id,
      await promise(org, { departmentId: org.billing.id, userId: billingHead.id, expectedImpact: "200" }),
      "MISSED",
    );
    await promise(org, { departmentId: org.billing.id, userId: billingHead.id, dueDate: "2026-01-31" });
    // Another organization's commitments count only there.
    expectOk(
      await resolveCommitment(other.users.legalHead.id, other.slug, {
        commitmentId: await promise(other),
        status: "MISSED",
      }),
    );

    const rows = await commitmentAccuracyByDepartment(await tenantOf(org.organizationId), "2026-06-15");
    expect(rows).toEqual([
      {
        departmentId: org.billing.id,
        name: "Billing",
        accuracy: {
          open: 1,
          overdue: 1,
          done: 0,
          missed: 1,
          hitRateBp: 0,
          promisedMinor: 20_000n,
          deliveredMinor: 0n,
          deliveredBp: 0,
        },
      },
      {
        departmentId: org.legal.id,
        name: "Legal",
        // 2 / 3 = 66.67 %; delivered 1,200 of 1,800 promised = 66.67 %.
        accuracy: {
          open: 2,
          overdue: 1,
          done: 2,
          missed: 1,
          hitRateBp: 6_667,
          promisedMinor: 180_000n,
          deliveredMinor: 120_000n,
          deliveredBp: 6_667,
        },
      },
    ]);
    expect(
      await commitmentAccuracyByDepartment(await tenantOf(org.organizationId), "2026-06-15", org.legal.id),
    ).toEqual([rows[1]]);
    expect(
      await commitmentAccuracyByDepartment(await tenantOf(org.organizationId), "2026-06-15", org.sales.id),
    ).toEqual([]);
    expect(
      (await commitmentAccuracyByDepartment(await tenantOf(other.organizationId), "2026-06-15")).map(
        (r) => r.accuracy.missed,
      ),
    ).toEqual([1]);
  });
});
