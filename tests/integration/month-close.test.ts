import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { logContribution, reviewContribution } from "@/server/accountability/contributions";
import { createKpi, setKpiValues } from "@/server/accountability/kpis";
import { saveNarrative } from "@/server/accountability/narratives";
import { getMonthCloseChecklist } from "@/server/month-close/checklist";
import { closeMonth } from "@/server/month-close/close";
import { categoryId, createAccountabilityOrganization } from "../factories/accountability";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { tenantOf } from "../factories";

// Closing a month through its checklist (issue 12): only once the month has ended in the
// organization's zone (New York here), never while a claim awaits review, and over other open
// items only when the closer confirms them — which the audit event then records.

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

afterEach(() => {
  vi.useRealTimers();
});

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
};

const isClosed = async (org: TOrg, month: MonthKey) =>
  (await db.periodClose.count({ where: { organizationId: org.organizationId, month: monthToDbDate(month) } })) === 1;

async function logLegalClaim(org: TOrg, month: MonthKey) {
  const input = {
    departmentId: org.legal.id,
    month,
    categoryId: await categoryId(org.organizationId, "LEGAL"),
    amount: "-4,000",
    description: "Renewal held in redlines",
  };
  return expectOk(await logContribution(org.users.legalHead.id, org.slug, input)).contributionId;
}

/** A Legal KPI that existed before `month`, red in it (2 signed against a target of 10), and another with no value. */
async function redLegalMonth(org: TOrg, month: MonthKey) {
  const base = {
    unit: "COUNT",
    direction: "HIGHER_IS_BETTER",
    target: "10",
    greenAt: "100",
    amberAt: "90",
    departmentId: org.legal.id,
  } as const;
  const signed = expectOk(await createKpi(org.users.owner.id, org.slug, { ...base, name: "Contracts signed" })).kpiId;
  const renewed = expectOk(
    await createKpi(org.users.owner.id, org.slug, { ...base, name: "Renewals countersigned" }),
  ).kpiId;
  await db.kpi.updateMany({
    where: { organizationId: org.organizationId },
    data: { createdAt: new Date("2026-01-01T00:00:00Z") },
  });
  expectOk(
    await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month,
      values: { [signed]: "2" },
    }),
  );
  return { signed, renewed };
}

describe("closing a month", () => {
  it("is refused while the month is in progress in the organization's zone, even on its last evening, and allowed the next day", async () => {
    const org = await createAccountabilityOrganization();
    // 23:30 on 31 March in New York is already 1 April in UTC.
    at("2026-04-01T03:30:00Z");
    const refused = await closeMonth(org.users.finance.id, org.slug, { month: "2026-03" });
    expectFailure(refused, "VALIDATION");
    expect(!refused.ok && refused.message).toBe(
      "Mar 2026 has not ended yet; a month can be closed from the day after its last day.",
    );
    expect(!refused.ok && refused.fieldErrors).toEqual({ month: ["Mar 2026 is not over yet."] });
    expectFailure(await closeMonth(org.users.finance.id, org.slug, { month: "2026-05" }), "VALIDATION");
    expect(await isClosed(org, "2026-03")).toBe(false);

    // 00:30 on 1 April in New York.
    at("2026-04-01T04:30:00Z");
    expect(expectOk(await closeMonth(org.users.finance.id, org.slug, { month: "2026-03" }))).toEqual({
      month: "2026-03",
      closedOver: 0,
    });
    expect(await isClosed(org, "2026-03")).toBe(true);
  });

  it("is refused while a claim awaits review, naming why, and goes through once finance has reviewed it", async () => {
    const org = await createAccountabilityOrganization();
    at("2026-04-10T15:00:00Z");
    const claim = await logLegalClaim(org, "2026-03");
    const before = await snapshotOrganization(org.organizationId);
    const refused = await closeMonth(org.users.finance.id, org.slug, { month: "2026-03", confirmOpenItems: true });
    expectFailure(refused, "CONFLICT");
    expect(!refused.ok && refused.message).toBe(
      "Mar 2026 cannot close while 1 department has claims awaiting review: confirm or dispute them first.",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(
      await reviewContribution(org.users.finance.id, org.slug, { contributionId: claim, decision: "CONFIRMED" }),
    );
    expectOk(await closeMonth(org.users.finance.id, org.slug, { month: "2026-03" }));
    expect(await isClosed(org, "2026-03")).toBe(true);
  });

  it("lists what is open, needs a confirmation to close over it, and records what it closed over", async () => {
    const org = await createAccountabilityOrganization();
    at("2026-04-10T15:00:00Z");
    await redLegalMonth(org, "2026-03");
    const disputed = await logLegalClaim(org, "2026-03");
    expectOk(
      await reviewContribution(org.users.finance.id, org.slug, {
        contributionId: disputed,
        decision: "DISPUTED",
        reason: "No signed order behind it",
      }),
    );

    const checklist = await getMonthCloseChecklist(await tenantOf(org.organizationId), org.slug, "2026-03");
    const scorecard = `/o/${org.slug}/departments/${org.legal.id}?period=m-2026-03`;
    expect(
      checklist.items.map(({ kind, blocking, department, count, href }) => ({
        kind,
        blocking,
        department,
        count,
        href,
      })),
    ).toEqual([
      { kind: "disputedClaims", blocking: false, department: "Legal", count: 1, href: `${scorecard}#contributions` },
      { kind: "redWithoutWhy", blocking: false, department: "Legal", count: 1, href: scorecard },
      { kind: "missingKpiValues", blocking: false, department: "Legal", count: 1, href: scorecard },
    ]);
    expect(checklist).toMatchObject({ blockingCount: 0, openCount: 3 });

    const before = await snapshotOrganization(org.organizationId);
    const unconfirmed = await closeMonth(org.users.finance.id, org.slug, { month: "2026-03" });
    expectFailure(unconfirmed, "CONFLICT");
    expect(!unconfirmed.ok && unconfirmed.fieldErrors).toEqual({
      confirmOpenItems: ["Confirm closing over 3 open items."],
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expect(
      expectOk(await closeMonth(org.users.finance.id, org.slug, { month: "2026-03", confirmOpenItems: true })),
    ).toEqual({ month: "2026-03", closedOver: 3 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.organizationId, action: "period.closed" },
    });
    expect((event.after as { openItems: unknown[] }).openItems).toEqual([
      { kind: "disputedClaims", departmentId: org.legal.id, count: 1 },
      { kind: "redWithoutWhy", departmentId: org.legal.id, count: 1 },
      { kind: "missingKpiValues", departmentId: org.legal.id, count: 1 },
    ]);
  });

  it("drops an item from the checklist once it is done: a 'why' explains the red month", async () => {
    const org = await createAccountabilityOrganization();
    at("2026-04-10T15:00:00Z");
    await redLegalMonth(org, "2026-03");
    expect(
      (await getMonthCloseChecklist(await tenantOf(org.organizationId), org.slug, "2026-03")).items.map((i) => i.kind),
    ).toEqual(["redWithoutWhy", "missingKpiValues"]);
    expectOk(
      await saveNarrative(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        why: "Two renewals slipped to April.",
        whatNext: "",
      }),
    );
    expect(
      (await getMonthCloseChecklist(await tenantOf(org.organizationId), org.slug, "2026-03")).items.map((i) => i.kind),
    ).toEqual(["missingKpiValues"]);
    // A KPI defined after the month ended is not missing from it.
    await db.kpi.updateMany({
      where: { organizationId: org.organizationId },
      data: { createdAt: new Date("2026-04-02T00:00:00Z") },
    });
    expect((await getMonthCloseChecklist(await tenantOf(org.organizationId), org.slug, "2026-03")).items).toEqual([]);
  });

  it("is not found for a member of another organization, and changes nothing", async () => {
    const a = await createAccountabilityOrganization();
    const b = await createAccountabilityOrganization();
    at("2026-04-10T15:00:00Z");
    const before = await snapshotOrganization(a.organizationId);
    expectFailure(
      await closeMonth(b.users.finance.id, a.slug, { month: "2026-03", confirmOpenItems: true }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(a.organizationId)).toEqual(before);
  });
});
