import { describe, expect, it } from "vitest";
import { dbDateToMonth, monthToDbDate } from "@/lib/period";
import { cellToken } from "@/server/concurrency";
import { db } from "@/server/db";
import { setMonthlyTargets } from "@/server/revenue/targets";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk } from "../support/assertions";
import { atTime, lastAuditAt, rename } from "../support/concurrency";
import { interleave } from "../support/interleave";

// Issue 10, finding 3 ("Lost updates"), on the revenue targets grid: two people on the same grid,
// one of them working from a page loaded before the other's save.

const targetsOf = async (organizationId: string) =>
  Object.fromEntries(
    (await db.revenueTarget.findMany({ where: { organizationId }, orderBy: { month: "asc" } })).map((t) => [
      dbDateToMonth(t.month),
      t.amountMinor,
    ]),
  );

/** What the grid loads: each month's version token. */
const loadGrid = async (organizationId: string) =>
  Object.fromEntries(
    (await db.revenueTarget.findMany({ where: { organizationId } })).map((t) => [dbDateToMonth(t.month), cellToken(t)]),
  );

/** An organization with FY2026 targets of $1,000,000 for May and June, its owner and "Anna Finance". */
async function setup() {
  const org = await createOrganization("Alpha");
  const finance = (await addMember(org.organization.id, "FINANCE")).user;
  await rename(org.owner.id, "Olga Owner");
  await rename(finance.id, "Anna Finance");
  const slug = org.organization.slug;
  expectOk(
    await setMonthlyTargets(org.owner.id, slug, {
      fiscalYear: 2026,
      targets: { "2026-05": "1,000,000", "2026-06": "1,000,000" },
    }),
  );
  return { org, slug, organizationId: org.organization.id, owner: org.owner, finance };
}

/** The grid's save: only the changed months, each with the token it was loaded with. */
const save = (userId: string, slug: string, loaded: Record<string, string>, changes: Record<string, string>) =>
  setMonthlyTargets(userId, slug, {
    fiscalYear: 2026,
    targets: changes,
    versions: Object.fromEntries(Object.keys(changes).map((m) => [m, loaded[m] ?? ""])),
  });

describe("lost updates: the revenue targets grid", () => {
  it("saves June from a stale page without putting May back: the grid writes only the changed month", async () => {
    const { slug, organizationId, owner, finance } = await setup();
    const financePage = await loadGrid(organizationId);
    const ownerPage = await loadGrid(organizationId);
    expectOk(await save(owner.id, slug, ownerPage, { "2026-05": "1,200,000" }));
    const saved = expectOk(await save(finance.id, slug, financePage, { "2026-06": "900,000" }));
    expect(saved.changedMonths).toEqual(["2026-06"]);
    expect(await targetsOf(organizationId)).toEqual({ "2026-05": 120_000_000n, "2026-06": 90_000_000n });
  });

  it("answers the second save of the same month CONFLICT naming the first person, and keeps the first value", async () => {
    const { slug, organizationId, owner, finance } = await setup();
    const financePage = await loadGrid(organizationId);
    expectOk(await save(owner.id, slug, await loadGrid(organizationId), { "2026-05": "1,200,000" }));
    const at = atTime(await lastAuditAt(organizationId));
    const audits = await db.auditEvent.count({ where: { organizationId } });
    const stale = await save(finance.id, slug, financePage, { "2026-05": "800,000", "2026-06": "900,000" });
    expectFailure(stale, "CONFLICT");
    const message = `Olga Owner changed May 2026's target to $1,200,000.00 ${at}; reload to see it — your input is kept.`;
    expect(!stale.ok && stale.message).toBe(message);
    expect(!stale.ok && stale.fieldErrors).toEqual({ "targets.2026-05": [message] });
    // Nothing of the stale save is written, June included, and nothing is audited.
    expect(await targetsOf(organizationId)).toEqual({ "2026-05": 120_000_000n, "2026-06": 100_000_000n });
    expect(await db.auditEvent.count({ where: { organizationId } })).toBe(audits);
  });

  it("names a removed target, and refuses a month created by someone else since the page loaded", async () => {
    const { slug, organizationId, owner, finance } = await setup();
    const financePage = await loadGrid(organizationId);
    expectOk(await save(owner.id, slug, await loadGrid(organizationId), { "2026-05": "", "2026-07": "500" }));
    const removed = await save(finance.id, slug, financePage, { "2026-05": "700" });
    expect(!removed.ok && removed.message).toMatch(/^Olga Owner removed May 2026's target at \d\d:\d\d; reload/);
    const created = await save(finance.id, slug, financePage, { "2026-07": "600" });
    expect(!created.ok && created.message).toMatch(
      /^Olga Owner changed Jul 2026's target to \$500\.00 at \d\d:\d\d; reload/,
    );
    expect(await targetsOf(organizationId)).toEqual({ "2026-06": 100_000_000n, "2026-07": 50_000n });
  });

  it("refuses the later of two saves of one month racing, even after both read the same version", async () => {
    const { slug, organizationId, owner, finance } = await setup();
    const page = await loadGrid(organizationId);
    const may = await db.revenueTarget.findUniqueOrThrow({
      where: { organizationId_month: { organizationId, month: monthToDbDate("2026-05") } },
    });
    // Finance's save reads May at the loaded version, then waits on the row the owner's transaction
    // holds; the owner's change commits first.
    const result = await interleave(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "RevenueTarget" WHERE "organizationId" = ${organizationId} AND id = ${may.id} FOR UPDATE`,
      () => save(finance.id, slug, page, { "2026-05": "800,000" }),
      async (tx) => {
        await tx.revenueTarget.updateMany({
          where: { organizationId, id: may.id },
          data: { amountMinor: 120_000_000n },
        });
        await tx.auditEvent.create({
          data: {
            organizationId,
            actorId: owner.id,
            action: "revenueTargets.updated",
            entityType: "RevenueTarget",
            entityId: "FY2026",
            before: { "2026-05": "100000000" },
            after: { "2026-05": "120000000" },
          },
        });
      },
    );
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toMatch(
      /^Olga Owner changed May 2026's target to \$1,200,000\.00 at \d\d:\d\d; reload/,
    );
    expect((await targetsOf(organizationId))["2026-05"]).toBe(120_000_000n);
  });

  it("keeps each organization's versions to itself: another organization's token does not pass", async () => {
    const { slug, organizationId, owner } = await setup();
    const other = await setup();
    const theirs = await loadGrid(other.organizationId);
    const result = await save(owner.id, slug, theirs, { "2026-05": "5" });
    expectFailure(result, "CONFLICT");
    expect((await targetsOf(organizationId))["2026-05"]).toBe(100_000_000n);
    expect((await targetsOf(other.organizationId))["2026-05"]).toBe(100_000_000n);
  });
});
