import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { organizationSettingLocks, updateOrganization } from "@/server/organizations/mutations";
import { resolveTenant } from "@/server/tenant";
import { addMember, createOrganization, tenantOf } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

const settings = {
  name: "Renamed Inc",
  currency: "EUR",
  fiscalYearStartMonth: "7",
  timeZone: "Europe/Paris",
  onTrackThresholdPct: "98",
  atRiskThresholdPct: "85.5",
};

describe("updateOrganization", () => {
  it("lets the OWNER change the settings and audits before and after", async () => {
    const a = await createOrganization("Alpha");
    expectOk(await updateOrganization(a.owner.id, a.organization.slug, settings));
    const after = await db.organization.findUniqueOrThrow({ where: { id: a.organization.id } });
    expect(after).toMatchObject({
      name: "Renamed Inc",
      currency: "EUR",
      fiscalYearStartMonth: 7,
      timeZone: "Europe/Paris",
      onTrackThresholdBp: 9800,
      atRiskThresholdBp: 8550,
      slug: a.organization.slug,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: a.organization.id, action: "organization.updated" },
    });
    expect(event).toMatchObject({
      actorId: a.owner.id,
      before: { name: "Alpha", currency: "USD" },
      after: { name: "Renamed Inc", currency: "EUR" },
    });
  });

  it.each(["FINANCE", "DEPARTMENT_HEAD", "SALES_MANAGER", "VIEWER"] as const)(
    "refuses a %s and changes nothing",
    async (role) => {
      const a = await createOrganization("Alpha");
      const departmentId = role === "DEPARTMENT_HEAD" || role === "SALES_MANAGER" ? a.department("SALES").id : null;
      const { user } = await addMember(a.organization.id, role, departmentId);
      const before = await snapshotOrganization(a.organization.id);
      expectFailure(await updateOrganization(user.id, a.organization.slug, settings), "FORBIDDEN");
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    },
  );

  it("answers not-found to the owner of another organization and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const before = await snapshotOrganization(a.organization.id);
    expectFailure(await updateOrganization(b.owner.id, a.organization.slug, settings), "NOT_FOUND");
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });

  it("keeps the currency once money is recorded in it, and says why on the field", async () => {
    const a = await createOrganization("Alpha");
    await db.revenueTarget.create({
      data: { organizationId: a.organization.id, month: new Date("2026-01-01T00:00:00Z"), amountMinor: 100n },
    });
    const result = await updateOrganization(a.owner.id, a.organization.slug, settings);
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors?.currency).toEqual([
      "The currency stays USD: this organization already has targets or actuals in it.",
    ]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: a.organization.id } })).currency).toBe("USD");
    // Other settings still change while the currency stays.
    expectOk(await updateOrganization(a.owner.id, a.organization.slug, { ...settings, currency: "USD" }));
    expect((await db.organization.findUniqueOrThrow({ where: { id: a.organization.id } })).name).toBe("Renamed Inc");
  });

  it("keeps the time zone and fiscal-year start once a month is closed, says why on each field, and lets them change after the reopen", async () => {
    const a = await createOrganization("Alpha");
    const organizationId = a.organization.id;
    await db.periodClose.create({
      data: { organizationId, month: new Date("2026-01-01T00:00:00Z"), closedById: a.owner.id },
    });
    expect(await organizationSettingLocks(await tenantOf(organizationId))).toEqual({
      fiscalYearStartMonth:
        "Locked: a month is closed, and changing this would move amounts between closed months. Reopen every closed month to change it.",
      timeZone:
        "Locked: a month is closed, and changing this would move amounts between closed months. Reopen every closed month to change it.",
    });
    const before = await snapshotOrganization(organizationId);
    const result = await updateOrganization(a.owner.id, a.organization.slug, settings);
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors).toEqual({
      timeZone: [
        "The time zone stays America/New_York. Locked: a month is closed, and changing this would move amounts between closed months. Reopen every closed month to change it.",
      ],
      fiscalYearStartMonth: [
        "The fiscal year start stays as it is. Locked: a month is closed, and changing this would move amounts between closed months. Reopen every closed month to change it.",
      ],
    });
    expect(await snapshotOrganization(organizationId)).toEqual(before);
    // The name, currency and thresholds still change while the zone and fiscal year stay.
    expectOk(
      await updateOrganization(a.owner.id, a.organization.slug, {
        ...settings,
        fiscalYearStartMonth: "1",
        timeZone: "America/New_York",
      }),
    );
    expect(await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({
      name: "Renamed Inc",
      timeZone: "America/New_York",
      fiscalYearStartMonth: 1,
    });
    // Money fixes the currency as well; with no month closed, the zone can change again.
    await db.revenueTarget.create({
      data: { organizationId, month: new Date("2026-01-01T00:00:00Z"), amountMinor: 100n },
    });
    await db.periodClose.deleteMany({ where: { organizationId } });
    expect(Object.keys(await organizationSettingLocks(await tenantOf(organizationId)))).toEqual(["currency"]);
    expectOk(await updateOrganization(a.owner.id, a.organization.slug, settings));
    expect(await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({
      timeZone: "Europe/Paris",
      fiscalYearStartMonth: 7,
    });
  });

  it("refuses a signed-out caller", async () => {
    const a = await createOrganization("Alpha");
    expectFailure(await updateOrganization(null, a.organization.slug, settings), "UNAUTHENTICATED");
  });

  it("names the bad field", async () => {
    const a = await createOrganization("Alpha");
    const result = await updateOrganization(a.owner.id, a.organization.slug, { ...settings, timeZone: "Nowhere/Land" });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors).toEqual({ timeZone: ["Choose an IANA time zone, like Europe/Berlin."] });
  });
});

describe("resolveTenant", () => {
  it("finds the membership only for a member of the slug's organization", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    expect(await resolveTenant(a.owner.id, a.organization.slug)).toMatchObject({
      organizationId: a.organization.id,
      role: "OWNER",
    });
    expect(await resolveTenant(b.owner.id, a.organization.slug)).toBeNull();
    expect(await resolveTenant(a.owner.id, "no-such-org")).toBeNull();
  });
});
