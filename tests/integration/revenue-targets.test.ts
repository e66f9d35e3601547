import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { monthToDbDate } from "@/lib/period";
import { addRevenueEntry, deleteRevenueEntry } from "@/server/revenue/entries";
import { closeMonth, reopenMonth } from "@/server/month-close/close";
import { setMonthlyTargets, spreadAnnualTarget } from "@/server/revenue/targets";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

const targetsOf = async (organizationId: string) =>
  Object.fromEntries(
    (await db.revenueTarget.findMany({ where: { organizationId }, orderBy: { month: "asc" } })).map((t) => [
      t.month.toISOString().slice(0, 7),
      t.amountMinor,
    ]),
  );

describe("targets", () => {
  it("spreads an annual target evenly with the remainder in the stated month, audited", async () => {
    const a = await createOrganization("Alpha");
    // $1,200,000.05 over FY2026 (calendar): 10,000,000 cents a month, 5 cents left for March.
    const result = expectOk(
      await spreadAnnualTarget(a.owner.id, a.organization.slug, {
        fiscalYear: 2026,
        annual: "1,200,000.05",
        distribution: "even",
        remainderMonth: "2",
      }),
    );
    expect(result.changedMonths).toHaveLength(12);
    const targets = await targetsOf(a.organization.id);
    expect(targets["2026-01"]).toBe(10_000_000n);
    expect(targets["2026-03"]).toBe(10_000_005n);
    expect(Object.values(targets).reduce((s, v) => s + v, 0n)).toBe(120_000_005n);
    expect(
      await db.auditEvent.count({ where: { organizationId: a.organization.id, action: "revenueTargets.updated" } }),
    ).toBe(1);
  });

  it("refuses percentages that do not add up to exactly 100 % and writes nothing", async () => {
    const a = await createOrganization("Alpha");
    const percentages = [
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
      "8.33",
    ]; // 99.96 %
    const result = await spreadAnnualTarget(a.owner.id, a.organization.slug, {
      fiscalYear: 2026,
      annual: "1200000",
      distribution: "percentages",
      percentages,
      remainderMonth: "11",
    });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors?.percentages?.[0]).toBe(
      "The percentages add up to 99.96 %; they must add up to exactly 100 %.",
    );
    expect(await targetsOf(a.organization.id)).toEqual({});
  });

  it("sets, changes and removes single months and names a bad amount by month", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    expectOk(
      await setMonthlyTargets(a.owner.id, slug, {
        fiscalYear: 2026,
        targets: { "2026-01": "100,000", "2026-02": "125000.50" },
      }),
    );
    expectOk(
      await setMonthlyTargets(a.owner.id, slug, {
        fiscalYear: 2026,
        targets: { "2026-01": "", "2026-02": "125000.50" },
      }),
    );
    expect(await targetsOf(a.organization.id)).toEqual({ "2026-02": 12_500_050n });
    const bad = await setMonthlyTargets(a.owner.id, slug, {
      fiscalYear: 2026,
      targets: { "2026-03": "12.345", "2026-04": "-5", "2026-05": "7" },
    });
    expectFailure(bad, "VALIDATION");
    expect(Object.keys((!bad.ok && bad.fieldErrors) || {})).toEqual(["targets.2026-03", "targets.2026-04"]);
    expect(await targetsOf(a.organization.id)).toEqual({ "2026-02": 12_500_050n });
    expectFailure(
      await setMonthlyTargets(a.owner.id, slug, { fiscalYear: 2026, targets: { "2027-01": "5" } }),
      "VALIDATION",
    );
  });

  it("refuses a changed closed month, but not an unchanged one", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    expectOk(
      await setMonthlyTargets(a.owner.id, slug, { fiscalYear: 2026, targets: { "2026-01": "100", "2026-02": "200" } }),
    );
    expectOk(await closeMonth(a.owner.id, slug, { month: "2026-01" }));
    const refused = await setMonthlyTargets(a.owner.id, slug, {
      fiscalYear: 2026,
      targets: { "2026-01": "150", "2026-02": "250" },
    });
    expectFailure(refused, "CONFLICT");
    expect(!refused.ok && refused.message).toBe(
      "Jan 2026 is closed. An owner must reopen it before anything in it can change.",
    );
    expect(await targetsOf(a.organization.id)).toEqual({ "2026-01": 10_000n, "2026-02": 20_000n });
    expectOk(
      await setMonthlyTargets(a.owner.id, slug, { fiscalYear: 2026, targets: { "2026-01": "100", "2026-02": "250" } }),
    );
    expect((await targetsOf(a.organization.id))["2026-02"]).toBe(25_000n);
  });
});

describe("manual entries", () => {
  it("dates an entry at local midnight of its day, so it counts in that month in the organization's zone", async () => {
    const a = await createOrganization("Alpha"); // America/New_York
    const { entryId } = expectOk(
      await addRevenueEntry(a.owner.id, a.organization.slug, {
        date: "2026-03-01",
        amount: "1,234.56",
        reference: "INV-1",
        customer: "Globex",
      }),
    );
    const entry = await db.revenueEntry.findFirstOrThrow({ where: { organizationId: a.organization.id, id: entryId } });
    expect(entry).toMatchObject({
      amountMinor: 123_456n,
      source: "MANUAL",
      reference: "INV-1",
      customer: "Globex",
      createdById: a.owner.id,
    });
    expect(entry.occurredAt.toISOString()).toBe("2026-03-01T05:00:00.000Z");
  });

  it("accepts refunds and refuses zero, text and too many decimals on the amount field", async () => {
    const a = await createOrganization("Alpha");
    expectOk(await addRevenueEntry(a.owner.id, a.organization.slug, { date: "2026-03-02", amount: "(250.00)" }));
    for (const amount of ["0", "abc", "1.999"]) {
      const result = await addRevenueEntry(a.owner.id, a.organization.slug, { date: "2026-03-02", amount });
      expectFailure(result, "VALIDATION");
      expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["amount"]);
    }
    const badDate = await addRevenueEntry(a.owner.id, a.organization.slug, { date: "2026-02-30", amount: "5" });
    expect(!badDate.ok && badDate.fieldErrors?.date).toEqual(["Enter the date as YYYY-MM-DD."]);
    expect(
      (await db.revenueEntry.findMany({ where: { organizationId: a.organization.id } })).map((e) => e.amountMinor),
    ).toEqual([-25_000n]);
  });

  it("refuses adding to or deleting from a closed month until an owner reopens it", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const { entryId } = expectOk(await addRevenueEntry(a.owner.id, slug, { date: "2026-04-10", amount: "10" }));
    const finance = await addMember(a.organization.id, "FINANCE");
    expectOk(await closeMonth(finance.user.id, slug, { month: "2026-04" }));
    expectFailure(await addRevenueEntry(finance.user.id, slug, { date: "2026-04-11", amount: "10" }), "CONFLICT");
    expectFailure(await deleteRevenueEntry(finance.user.id, slug, { entryId }), "CONFLICT");
    expectFailure(await reopenMonth(finance.user.id, slug, { month: "2026-04" }), "FORBIDDEN");
    expectOk(await reopenMonth(a.owner.id, slug, { month: "2026-04" }));
    expectOk(await deleteRevenueEntry(finance.user.id, slug, { entryId }));
    const actions = (
      await db.auditEvent.findMany({
        where: { organizationId: a.organization.id, entityType: "PeriodClose" },
        orderBy: { createdAt: "asc" },
      })
    ).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["period.closed", finance.user.id],
      ["period.reopened", a.owner.id],
    ]);
  });
});

describe("period close", () => {
  it("refuses closing twice and reopening an open month", async () => {
    const a = await createOrganization("Alpha");
    expectOk(await closeMonth(a.owner.id, a.organization.slug, { month: "2026-05" }));
    expectFailure(await closeMonth(a.owner.id, a.organization.slug, { month: "2026-05" }), "CONFLICT");
    expectFailure(await reopenMonth(a.owner.id, a.organization.slug, { month: "2026-06" }), "NOT_FOUND");
    expect(
      await db.periodClose.count({ where: { organizationId: a.organization.id, month: monthToDbDate("2026-05") } }),
    ).toBe(1);
  });
});

describe("revenue permissions and tenancy", () => {
  it("refuses roles without the permission and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const { entryId } = expectOk(await addRevenueEntry(a.owner.id, slug, { date: "2026-04-10", amount: "10" }));
    for (const role of ["VIEWER", "DEPARTMENT_HEAD", "SALES_MANAGER"] as const) {
      const departmentId = role === "VIEWER" ? null : a.department("SALES").id;
      const { user } = await addMember(a.organization.id, role, departmentId);
      const before = await snapshotOrganization(a.organization.id);
      expectFailure(
        await setMonthlyTargets(user.id, slug, {
          fiscalYear: 2026,
          targets: { "2026-01": "5" },
          versions: { "2026-01": "" },
        }),
        "FORBIDDEN",
      );
      expectFailure(
        await spreadAnnualTarget(user.id, slug, {
          fiscalYear: 2026,
          annual: "5",
          distribution: "even",
          remainderMonth: "0",
        }),
        "FORBIDDEN",
      );
      expectFailure(await addRevenueEntry(user.id, slug, { date: "2026-04-10", amount: "10" }), "FORBIDDEN");
      expectFailure(await deleteRevenueEntry(user.id, slug, { entryId }), "FORBIDDEN");
      expectFailure(await closeMonth(user.id, slug, { month: "2026-04" }), "FORBIDDEN");
      expectFailure(await reopenMonth(user.id, slug, { month: "2026-04" }), "FORBIDDEN");
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    }
  });

  it("answers not-found to another organization's owner for every revenue action and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const { entryId } = expectOk(
      await addRevenueEntry(a.owner.id, a.organization.slug, { date: "2026-04-10", amount: "10" }),
    );
    expectOk(await closeMonth(a.owner.id, a.organization.slug, { month: "2026-03" }));
    const before = await snapshotOrganization(a.organization.id);
    const slugA = a.organization.slug;
    expectFailure(
      await setMonthlyTargets(b.owner.id, slugA, {
        fiscalYear: 2026,
        targets: { "2026-01": "5" },
        versions: { "2026-01": "" },
      }),
      "NOT_FOUND",
    );
    expectFailure(
      await spreadAnnualTarget(b.owner.id, slugA, {
        fiscalYear: 2026,
        annual: "5",
        distribution: "even",
        remainderMonth: "0",
      }),
      "NOT_FOUND",
    );
    expectFailure(await addRevenueEntry(b.owner.id, slugA, { date: "2026-04-10", amount: "10" }), "NOT_FOUND");
    expectFailure(await closeMonth(b.owner.id, slugA, { month: "2026-04" }), "NOT_FOUND");
    expectFailure(await reopenMonth(b.owner.id, slugA, { month: "2026-03" }), "NOT_FOUND");
    for (const slug of [slugA, b.organization.slug])
      expectFailure(await deleteRevenueEntry(b.owner.id, slug, { entryId }), "NOT_FOUND");
    // B's own close of March does not reopen or touch A's.
    expectFailure(await reopenMonth(b.owner.id, b.organization.slug, { month: "2026-03" }), "NOT_FOUND");
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });
});
