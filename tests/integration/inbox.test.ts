import { describe, expect, it } from "vitest";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { saveNarrative } from "@/server/accountability/narratives";
import { reviewContribution } from "@/server/accountability/contributions";
import { db } from "@/server/db";
import { getInbox } from "@/server/inbox/queries";
import { resolveTenant } from "@/server/tenant";
import { categoryId, insertKpi, insertKpiValue } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";
import { expectOk } from "../support/assertions";

// My work on a fixed clock: Thursday 3 December 2026, 10:00 in New York (the factories' zone).
const NOW = new Date("2026-12-03T15:00:00Z");
const at = (iso: string) => new Date(`${iso}T17:00:00Z`); // midday in New York that day
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function inboxOf(userId: string, slug: string) {
  const ctx = await resolveTenant(userId, slug);
  if (!ctx) throw new Error("not a member");
  return getInbox(ctx, NOW);
}

const keysOf = async (userId: string, slug: string) => (await inboxOf(userId, slug)).items.map((i) => i.key);

async function contribution(
  org: TPipelineOrganization,
  fields: {
    departmentId: string;
    kind: "LEGAL" | "MARKETING";
    month: MonthKey;
    status: "CLAIMED" | "DISPUTED" | "CONFIRMED";
    changedAt: string;
    description?: string;
  },
) {
  const organizationId = org.organizationId;
  return db.contribution.create({
    data: {
      organizationId,
      departmentId: fields.departmentId,
      categoryId: await categoryId(organizationId, fields.kind),
      month: monthToDbDate(fields.month),
      amountMinor: -250_000n,
      description: fields.description ?? `Claim ${fields.month}`,
      status: fields.status,
      ...(fields.status !== "CLAIMED" && { reviewedAt: at(fields.changedAt), reviewReason: "No evidence" }),
      createdAt: at(fields.changedAt),
      updatedAt: at(fields.changedAt),
    },
  });
}

async function cause(
  org: TPipelineOrganization,
  fields: { departmentId: string; status: "ATTRIBUTED" | "DISPUTED"; chargedOn: string; dealName: string },
) {
  const deal = await insertOpportunity(org, {
    name: fields.dealName,
    stage: "Closed lost",
    expectedCloseDate: "2026-11-15",
  });
  return db.opportunityCause.create({
    data: {
      organizationId: org.organizationId,
      opportunityId: deal.id,
      kind: "LOST",
      month: monthToDbDate("2026-11"),
      amountMinor: deal.amountMinor,
      lossCauseId: org.lossCause("Pricing").id,
      responsibleDepartmentId: fields.departmentId,
      status: fields.status,
      createdAt: at(fields.chargedOn),
      ...(fields.status === "DISPUTED" && {
        disputedAt: at("2026-12-02"),
        disputeReason: "Lost on price, not on legal terms",
      }),
    },
  });
}

const commitment = (org: TPipelineOrganization, title: string, dueDate: string, status: "OPEN" | "DONE" = "OPEN") =>
  db.commitment.create({
    data: {
      organizationId: org.organizationId,
      departmentId: org.legal.id,
      title,
      ownerId: org.users.legalHead.id,
      dueDate: day(dueDate),
      expectedImpactMinor: 10_000n,
      status,
      ...(status === "DONE" && { deliveredImpactMinor: 10_000n, resolvedAt: at(dueDate) }),
    },
  });

/**
 * One organization with something owed by every role but the viewer, and beside each owed record one
 * that is not (closed month, written narrative, window passed, not yet due, resolved, not stale).
 */
async function seed() {
  const org = await createPipelineOrganization();
  const { organizationId } = org;
  const marketing = org.department("MARKETING");
  // KPIs: Legal red in November, green in October; Billing red in November but explained.
  const legalKpi = await insertKpi(organizationId, org.legal.id, {
    name: "Contracts countersigned",
    targetScaled: 1_000n,
  });
  await insertKpiValue(organizationId, legalKpi.id, "2026-11", 500n, 1_000n);
  await insertKpiValue(organizationId, legalKpi.id, "2026-10", 1_000n, 1_000n);
  await insertKpiValue(organizationId, legalKpi.id, "2026-12", 100n, 1_000n); // in progress: owes nothing yet
  const billingKpi = await insertKpi(organizationId, org.billing.id, {
    name: "Invoices on time",
    targetScaled: 1_000n,
  });
  await insertKpiValue(organizationId, billingKpi.id, "2026-11", 100n, 1_000n);
  await db.narrative.create({
    data: {
      organizationId,
      departmentId: org.billing.id,
      month: monthToDbDate("2026-11"),
      why: "A billing run failed.",
      whatNext: "Re-run weekly.",
    },
  });
  // September is closed.
  await db.periodClose.create({ data: { organizationId, month: monthToDbDate("2026-09") } });
  // Contributions.
  const disputed = await contribution(org, {
    departmentId: org.legal.id,
    kind: "LEGAL",
    month: "2026-11",
    status: "DISPUTED",
    changedAt: "2026-11-20",
    description: "MSA stuck in review",
  });
  await contribution(org, {
    departmentId: org.legal.id,
    kind: "LEGAL",
    month: "2026-09",
    status: "DISPUTED",
    changedAt: "2026-10-02",
  });
  await contribution(org, {
    departmentId: marketing.id,
    kind: "MARKETING",
    month: "2026-11",
    status: "CLAIMED",
    changedAt: "2026-11-26",
  });
  const claim = await contribution(org, {
    departmentId: marketing.id,
    kind: "MARKETING",
    month: "2026-11",
    status: "CLAIMED",
    changedAt: "2026-12-01",
  });
  await contribution(org, {
    departmentId: marketing.id,
    kind: "MARKETING",
    month: "2026-09",
    status: "CLAIMED",
    changedAt: "2026-10-01",
  });
  // Charges: one Legal can still dispute, one whose window has passed, one disputed by Billing.
  const charge = await cause(org, {
    departmentId: org.legal.id,
    status: "ATTRIBUTED",
    chargedOn: "2026-11-25",
    dealName: "Globex expansion",
  });
  await cause(org, {
    departmentId: org.legal.id,
    status: "ATTRIBUTED",
    chargedOn: "2026-11-19",
    dealName: "Old charge",
  });
  const dispute = await cause(org, {
    departmentId: org.billing.id,
    status: "DISPUTED",
    chargedOn: "2026-11-28",
    dealName: "Initech renewal",
  });
  // Commitments: due exactly in 3 days, in 4 days, overdue, done.
  const dueIn3 = await commitment(org, "Template MSA", "2026-12-06");
  await commitment(org, "Clause library", "2026-12-07");
  const overdue = await commitment(org, "Faster redlines", "2026-11-30");
  await commitment(org, "Signed already", "2026-12-01", "DONE");
  // Revenue: targets from August; actuals in October and November only.
  for (const month of ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"] as const)
    await db.revenueTarget.create({ data: { organizationId, month: monthToDbDate(month), amountMinor: 100_000_00n } });
  for (const iso of ["2026-10-15", "2026-11-30"])
    await db.revenueEntry.create({
      data: { organizationId, occurredAt: at(iso), amountMinor: 50_000_00n, source: "MANUAL" },
    });
  // Deals: stale since Nov 30, closing today (not stale), won long ago.
  const stale = await insertOpportunity(org, { name: "Acme renewal", expectedCloseDate: "2026-11-30" });
  await insertOpportunity(org, { name: "Closes today", expectedCloseDate: "2026-12-03" });
  await insertOpportunity(org, { name: "Won", stage: "Closed won", expectedCloseDate: "2026-11-01" });
  return {
    org,
    marketing,
    ids: {
      disputed: disputed.id,
      claim: claim.id,
      charge: charge.id,
      dispute: dispute.id,
      dueIn3: dueIn3.id,
      overdue: overdue.id,
      stale: stale.id,
    },
  };
}

describe("My work per role", () => {
  it("a department head owes their department's red month, disputed claim, charged deal and commitments due", async () => {
    const { org, ids } = await seed();
    const inbox = await inboxOf(org.users.legalHead.id, org.slug);
    expect(inbox.today).toBe("2026-12-03");
    // Late first (overdue commitment, the claim disputed 13 days ago), then due soon, then the rest.
    expect(inbox.items.map((i) => i.key)).toEqual([
      `disputedClaim:${ids.disputed}`,
      `commitment:${ids.overdue}`,
      `commitment:${ids.dueIn3}`,
      `charge:${ids.charge}`,
      `redMonth:${org.legal.id}:2026-11`,
    ]);
    expect(inbox.total).toBe(5);
    const red = inbox.items.find((i) => i.kind === "redMonth");
    expect(red).toMatchObject({
      context: ["Legal", "November 2026"],
      waited: "waiting 2 days",
      href: `/o/${org.slug}/departments/${org.legal.id}?period=m-2026-11#narrative-2026-11`,
    });
    expect(inbox.items.find((i) => i.key === `commitment:${ids.dueIn3}`)?.waited).toBe("due in 3 days");
    expect(inbox.items.find((i) => i.key === `commitment:${ids.overdue}`)?.waited).toBe("overdue by 3 days");
    expect(inbox.items.find((i) => i.kind === "charge")?.title).toBe(
      "Accept or dispute the lost deal “Globex expansion” charged to Legal",
    );
    // Billing's red November has its narrative; its disputed charge is finance's to settle.
    expect(await keysOf(org.users.billingHead.id, org.slug)).toEqual([]);
  });

  it("an item leaves the list once done: the narrative written, the claim revised", async () => {
    const { org, ids } = await seed();
    const head = org.users.legalHead.id;
    expectOk(
      await saveNarrative(head, org.slug, {
        departmentId: org.legal.id,
        month: "2026-11",
        why: "Two MSAs waited on redlines.",
        whatNext: "",
      }),
    );
    expect(await keysOf(head, org.slug)).toContain(`redMonth:${org.legal.id}:2026-11`); // "what next" still missing
    expectOk(
      await saveNarrative(head, org.slug, {
        departmentId: org.legal.id,
        month: "2026-11",
        why: "Two MSAs waited on redlines.",
        whatNext: "A template MSA by the 15th.",
      }),
    );
    const after = await inboxOf(head, org.slug);
    expect(after.items.map((i) => i.kind)).not.toContain("redMonth");
    expect(after.total).toBe(4);
    // Finance confirms a claim: the group's count drops; both confirmed, the item is gone.
    const finance = org.users.finance.id;
    expect((await inboxOf(finance, org.slug)).items.find((i) => i.kind === "claimsToReview")?.title).toBe(
      "Confirm or dispute 2 claims from Marketing for November 2026",
    );
    expectOk(
      await reviewContribution(finance, org.slug, { contributionId: ids.claim, decision: "CONFIRMED", reason: "" }),
    );
    expect((await inboxOf(finance, org.slug)).items.find((i) => i.kind === "claimsToReview")?.title).toBe(
      "Confirm or dispute a claim from Marketing for November 2026",
    );
  });

  it("finance owes claims to review, disputes to settle, months to close and a month without actuals", async () => {
    const { org, marketing, ids } = await seed();
    const inbox = await inboxOf(org.users.finance.id, org.slug);
    // Late (the longest wait first): August without actuals (94 days), October not closed 33 days
    // after its end, claims waiting 7 days (over 5). Then November to close (3 days) and the dispute (1 day).
    expect(inbox.items.map((i) => `${i.urgency} ${i.key}`)).toEqual([
      "late noActuals:2026-08",
      "late monthClose:2026-10",
      `late claimsToReview:${marketing.id}:2026-11`,
      "open monthClose:2026-11",
      `open disputeToSettle:${ids.dispute}`,
    ]);
    expect(inbox.items.find((i) => i.key === "monthClose:2026-11")).toMatchObject({
      title: "Close November 2026",
      urgency: "open",
      href: `/o/${org.slug}/revenue?fy=2026`,
    });
    expect(inbox.items.find((i) => i.kind === "claimsToReview")).toMatchObject({
      context: ["Marketing", "November 2026", "-$5,000.00 claimed"],
      waited: "oldest waiting 7 days",
      urgency: "late",
    });
    expect(inbox.items.find((i) => i.kind === "disputeToSettle")?.title).toBe(
      "Settle Billing’s dispute over the deal “Initech renewal” — “Lost on price, not on legal terms”",
    );
    expect(inbox.total).toBe(5);
  });

  it("the owner sees finance's list and the items open for over a week; a viewer owes nothing", async () => {
    const { org, ids } = await seed();
    const owner = await inboxOf(org.users.owner.id, org.slug);
    const finance = await keysOf(org.users.finance.id, org.slug);
    expect(owner.items.map((i) => i.key).sort()).toEqual([...finance, `disputedClaim:${ids.disputed}`].sort());
    expect(owner.items.find((i) => i.key === `disputedClaim:${ids.disputed}`)?.escalatedFrom).toBe(
      "Escalated: still open after a week",
    );
    expect(await inboxOf(org.users.viewer.id, org.slug)).toEqual({
      today: "2026-12-03",
      items: [],
      snoozed: [],
      moreStaleDeals: 0,
      total: 0,
    });
  });

  it("a sales manager owes the stale deals (and their own department's work)", async () => {
    const { org, ids } = await seed();
    const inbox = await inboxOf(org.users.salesManager.id, org.slug);
    expect(inbox.items.map((i) => i.key)).toEqual([`staleDeal:${ids.stale}`]);
    expect(inbox.items[0]).toMatchObject({
      waited: "3 days past its close date",
      href: `/o/${org.slug}/pipeline/${ids.stale}`,
    });
  });

  it("a member of another organization cannot open it, and sees nothing of it in their own", async () => {
    const { org } = await seed();
    const other = await createPipelineOrganization();
    await contribution(other, {
      departmentId: other.department("MARKETING").id,
      kind: "MARKETING",
      month: "2026-11",
      status: "CLAIMED",
      changedAt: "2026-12-02",
    });
    expect(await resolveTenant(other.users.finance.id, org.slug)).toBeNull();
    const theirs = await inboxOf(other.users.finance.id, other.slug);
    expect(theirs.items.map((i) => i.key)).toEqual([`claimsToReview:${other.department("MARKETING").id}:2026-11`]);
    expect(JSON.stringify(theirs)).not.toContain(org.slug);
    expect(await keysOf(other.users.legalHead.id, other.slug)).toEqual([]);
  });

  it("reads today in the organization's zone: 04:59 UTC on December 1st is still November 30th in New York", async () => {
    const { org } = await seed();
    const ctx = await resolveTenant(org.users.finance.id, org.slug);
    if (!ctx) throw new Error("not a member");
    const lastDay = await getInbox(ctx, new Date("2026-12-01T04:59:00Z"));
    expect(lastDay.today).toBe("2026-11-30");
    expect(lastDay.items.map((i) => i.key)).not.toContain("monthClose:2026-11"); // still in progress
    expect(lastDay.items.map((i) => i.key)).toContain("monthClose:2026-10");
    const firstDay = await getInbox(ctx, new Date("2026-12-01T05:00:00Z"));
    expect(firstDay.today).toBe("2026-12-01");
    expect(firstDay.items.find((i) => i.key === "monthClose:2026-11")).toMatchObject({
      waited: "ended 1 day ago",
      urgency: "open",
    });
    // The head's red November owes its narrative from that same first day.
    const head = await resolveTenant(org.users.legalHead.id, org.slug);
    if (!head) throw new Error("not a member");
    expect((await getInbox(head, new Date("2026-12-01T04:59:00Z"))).items.map((i) => i.kind)).not.toContain("redMonth");
    expect(
      (await getInbox(head, new Date("2026-12-01T05:00:00Z"))).items.find((i) => i.kind === "redMonth")?.waited,
    ).toBe("since today");
  });

  it("a head without a department binding owes nothing", async () => {
    const { org } = await seed();
    await db.membership.updateMany({
      where: { organizationId: org.organizationId, userId: org.users.legalHead.id },
      data: { departmentId: null },
    });
    expect((await inboxOf(org.users.legalHead.id, org.slug)).total).toBe(0);
  });
});
