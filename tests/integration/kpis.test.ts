import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { dbDateToMonth } from "@/lib/period";
import { archiveKpi, createKpi, restoreKpi, setKpiValues, updateKpi } from "@/server/accountability/kpis";
import { ratedKpiValues } from "@/server/accountability/status";
import { closeMonth } from "@/server/month-close/close";
import { auditActions, createAccountabilityOrganization } from "../factories/accountability";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";
import { tenantOf } from "../factories";

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

const dso = {
  name: "Days sales outstanding",
  unit: "DAYS",
  direction: "LOWER_IS_BETTER",
  target: "45",
  greenAt: "100",
  amberAt: "90",
} as const;
const deals = {
  name: "Contracts signed",
  unit: "COUNT",
  direction: "HIGHER_IS_BETTER",
  target: "10",
  greenAt: "100",
  amberAt: "90",
} as const;

async function createLegalKpis(org: TOrg) {
  const cycle = expectOk(
    await createKpi(org.users.owner.id, org.slug, { ...dso, name: "Review cycle days", departmentId: org.legal.id }),
  ).kpiId;
  const signed = expectOk(
    await createKpi(org.users.owner.id, org.slug, { ...deals, departmentId: org.legal.id }),
  ).kpiId;
  return { cycle, signed };
}

/** kpiId → month → [value, stamped target]. */
async function valuesOf(org: TOrg) {
  const rows = await db.kpiValue.findMany({
    where: { organizationId: org.organizationId },
    orderBy: [{ kpiId: "asc" }, { month: "asc" }],
  });
  const out: Record<string, Record<string, [bigint, bigint | null]>> = {};
  for (const r of rows) out[r.kpiId] = { ...out[r.kpiId], [dbDateToMonth(r.month)]: [r.valueScaled, r.targetScaled] };
  return out;
}

describe("KPI definitions", () => {
  it("lets an OWNER define a KPI with its target at the unit's scale and its bands in basis points", async () => {
    const org = await createAccountabilityOrganization();
    const { kpiId } = expectOk(
      await createKpi(org.users.owner.id, org.slug, {
        ...dso,
        departmentId: org.billing.id,
        target: "45.5",
        greenAt: "95",
        amberAt: "80",
      }),
    );
    expect(
      await db.kpi.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id: kpiId } },
      }),
    ).toMatchObject({
      departmentId: org.billing.id,
      unit: "DAYS",
      direction: "LOWER_IS_BETTER",
      targetScaled: 4_550n,
      greenAtBp: 9_500,
      amberAtBp: 8_000,
      sortOrder: 0,
    });
    const second = expectOk(
      await createKpi(org.users.owner.id, org.slug, {
        name: "Credit notes",
        unit: "CURRENCY",
        direction: "LOWER_IS_BETTER",
        aggregation: "SUM",
        departmentId: org.billing.id,
      }),
    );
    // No target yet, default bands, next in order.
    expect(
      await db.kpi.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id: second.kpiId } },
      }),
    ).toMatchObject({ targetScaled: null, greenAtBp: 10_000, amberAtBp: 9_000, sortOrder: 1, aggregation: "SUM" });
    expect(await auditActions(org.organizationId, kpiId)).toEqual(["kpi.created"]);
  });

  it("names a bad target and a duplicate name, and refuses every role but OWNER", async () => {
    const org = await createAccountabilityOrganization();
    expectOk(await createKpi(org.users.owner.id, org.slug, { ...dso, departmentId: org.billing.id }));
    const before = await snapshotOrganization(org.organizationId);
    const badTarget = await createKpi(org.users.owner.id, org.slug, {
      ...deals,
      departmentId: org.billing.id,
      target: "-3",
    });
    expect(!badTarget.ok && badTarget.fieldErrors).toEqual({ target: ["Count cannot be negative."] });
    const duplicate = await createKpi(org.users.owner.id, org.slug, { ...dso, departmentId: org.billing.id });
    expectFailure(duplicate, "CONFLICT");
    expect(!duplicate.ok && duplicate.fieldErrors).toEqual({
      name: ["This department already has a KPI with that name."],
    });
    for (const user of [org.users.billingHead, org.users.finance, org.users.viewer, org.users.salesManager]) {
      expectFailure(await createKpi(user.id, org.slug, { ...deals, departmentId: org.billing.id }), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("restamps the new target on values of open months only, and keeps the unit once values exist", async () => {
    const org = await createAccountabilityOrganization();
    const { cycle, signed } = await createLegalKpis(org);
    for (const month of ["2026-01", "2026-02", "2026-03"] as const) {
      expectOk(
        await setKpiValues(org.users.legalHead.id, org.slug, {
          departmentId: org.legal.id,
          month,
          values: { [cycle]: "40", [signed]: "9" },
        }),
      );
    }
    // Nothing closed yet: every value takes the new target.
    expect(expectOk(await updateKpi(org.users.owner.id, org.slug, { ...deals, kpiId: signed, target: "11" }))).toEqual({
      kpiId: signed,
      restamped: 3,
    });
    // January has one open item (its red KPI has no "why"), closed over knowingly.
    expectOk(await closeMonth(org.users.finance.id, org.slug, { month: "2026-01", confirmOpenItems: true }));
    expect(expectOk(await updateKpi(org.users.owner.id, org.slug, { ...deals, kpiId: signed, target: "12" }))).toEqual({
      kpiId: signed,
      restamped: 2,
    });
    expect((await valuesOf(org))[signed]).toEqual({
      "2026-01": [900n, 1_100n],
      "2026-02": [900n, 1_200n],
      "2026-03": [900n, 1_200n],
    });
    // The other KPI's values keep their own target.
    expect((await valuesOf(org))[cycle]?.["2026-02"]).toEqual([4_000n, 4_500n]);
    // Same target, renamed: nothing to restamp.
    expect(
      expectOk(
        await updateKpi(org.users.owner.id, org.slug, {
          ...deals,
          name: "Contracts countersigned",
          kpiId: signed,
          target: "12",
        }),
      ),
    ).toEqual({ kpiId: signed, restamped: 0 });

    const before = await snapshotOrganization(org.organizationId);
    const unit = await updateKpi(org.users.owner.id, org.slug, { ...deals, unit: "PERCENT", kpiId: signed });
    expectFailure(unit, "CONFLICT");
    expect(!unit.ok && unit.fieldErrors?.unit).toEqual([
      "The unit cannot change once the KPI has values; create a new KPI instead.",
    ]);
    expectFailure(
      await updateKpi(org.users.legalHead.id, org.slug, { ...deals, kpiId: signed, target: "1" }),
      "FORBIDDEN",
    );
    expectFailure(
      await updateKpi(org.users.finance.id, org.slug, { ...deals, kpiId: signed, target: "1" }),
      "FORBIDDEN",
    );
    const clash = await updateKpi(org.users.owner.id, org.slug, { ...deals, name: "Review cycle days", kpiId: signed });
    expect(!clash.ok && clash.fieldErrors).toEqual({ name: ["This department already has a KPI with that name."] });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    // A KPI without values may change its unit.
    const fresh = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...deals, name: "Fresh", departmentId: org.legal.id }),
    ).kpiId;
    expectOk(
      await updateKpi(org.users.owner.id, org.slug, {
        ...deals,
        name: "Fresh",
        unit: "PERCENT",
        target: "12.5",
        kpiId: fresh,
      }),
    );
    expect(await db.kpi.findFirstOrThrow({ where: { organizationId: org.organizationId, id: fresh } })).toMatchObject({
      unit: "PERCENT",
      targetScaled: 1_250n,
    });
    expect(await auditActions(org.organizationId, signed)).toEqual([
      "kpi.created",
      "kpi.updated",
      "kpi.updated",
      "kpi.updated",
    ]);
  });

  it("archives a KPI out of the ratings and restores it", async () => {
    const org = await createAccountabilityOrganization();
    const { signed } = await createLegalKpis(org);
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        values: { [signed]: "8" },
      }),
    );
    expect(await ratedKpiValues(await tenantOf(org.organizationId), ["2026-03"])).toEqual([
      { departmentId: org.legal.id, kpiId: signed, month: "2026-03", rag: "RED" },
    ]);
    expectOk(await archiveKpi(org.users.owner.id, org.slug, { kpiId: signed }));
    expect(await ratedKpiValues(await tenantOf(org.organizationId), ["2026-03"])).toEqual([]);
    // Archived KPIs take no values.
    expectFailure(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-04",
        values: { [signed]: "8" },
      }),
      "NOT_FOUND",
    );
    expectFailure(await archiveKpi(org.users.legalHead.id, org.slug, { kpiId: signed }), "FORBIDDEN");
    expectOk(await restoreKpi(org.users.owner.id, org.slug, { kpiId: signed }));
    expect(await ratedKpiValues(await tenantOf(org.organizationId), ["2026-03"])).toHaveLength(1);
    expect(await auditActions(org.organizationId, signed)).toEqual(["kpi.created", "kpi.archived", "kpi.restored"]);
  });
});

describe("a KPI's aggregation", () => {
  const kpiOf = (org: TOrg, id: string) =>
    db.kpi.findUniqueOrThrow({ where: { organizationId_id: { organizationId: org.organizationId, id } } });
  const cpl = {
    name: "Cost per lead",
    unit: "CURRENCY",
    direction: "LOWER_IS_BETTER",
    target: "150",
    greenAt: "100",
    amberAt: "90",
  } as const;

  it("is chosen when the KPI is defined: the unit's default, and a currency KPI must name one", async () => {
    const org = await createAccountabilityOrganization();
    const owner = org.users.owner.id;
    const create = (fields: Record<string, string>) =>
      createKpi(owner, org.slug, { ...deals, departmentId: org.billing.id, ...fields });
    expect((await kpiOf(org, expectOk(await create({ name: "Credit notes issued" })).kpiId)).aggregation).toBe("SUM");
    expect((await kpiOf(org, expectOk(await create({ ...dso })).kpiId)).aggregation).toBe("AVERAGE");
    expect(
      (await kpiOf(org, expectOk(await create({ name: "Invoice error rate", unit: "PERCENT", target: "1.5" })).kpiId))
        .aggregation,
    ).toBe("AVERAGE");
    expect(
      (await kpiOf(org, expectOk(await create({ name: "Open disputes", aggregation: "LAST" })).kpiId)).aggregation,
    ).toBe("LAST");

    const before = await snapshotOrganization(org.organizationId);
    for (const aggregation of [undefined, ""]) {
      const refused = await createKpi(owner, org.slug, {
        ...cpl,
        departmentId: org.billing.id,
        ...(aggregation !== undefined && { aggregation }),
      });
      expectFailure(refused, "VALIDATION");
      expect(!refused.ok && refused.fieldErrors).toEqual({
        aggregation: [
          "Choose how a currency KPI combines over months: a flow adds up (sum), a rate is averaged, a stock takes the last month.",
        ],
      });
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    const chosen = expectOk(
      await createKpi(owner, org.slug, { ...cpl, aggregation: "AVERAGE", departmentId: org.billing.id }),
    ).kpiId;
    expect(await kpiOf(org, chosen)).toMatchObject({ unit: "CURRENCY", aggregation: "AVERAGE", targetScaled: 15_000n });
  });

  it("is changed by the OWNER only, audited with before and after; an edit that omits it keeps it", async () => {
    const org = await createAccountabilityOrganization();
    const kpiId = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...cpl, aggregation: "SUM", departmentId: org.billing.id }),
    ).kpiId;
    expectOk(
      await setKpiValues(org.users.billingHead.id, org.slug, {
        departmentId: org.billing.id,
        month: "2026-03",
        values: { [kpiId]: "160" },
      }),
    );

    const before = await snapshotOrganization(org.organizationId);
    for (const user of [org.users.billingHead, org.users.finance, org.users.viewer, org.users.salesManager]) {
      expectFailure(await updateKpi(user.id, org.slug, { ...cpl, aggregation: "AVERAGE", kpiId }), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    // With values, the aggregation may still change: it combines the months, it does not rescale them.
    expect(expectOk(await updateKpi(org.users.owner.id, org.slug, { ...cpl, aggregation: "AVERAGE", kpiId }))).toEqual({
      kpiId,
      restamped: 0,
    });
    expect((await kpiOf(org, kpiId)).aggregation).toBe("AVERAGE");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.organizationId, entityId: kpiId, action: "kpi.updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.actorId).toBe(org.users.owner.id);
    expect(event.before).toMatchObject({ aggregation: "SUM" });
    expect(event.after).toMatchObject({ aggregation: "AVERAGE" });
    // The edit form always sends it; an API caller that leaves it out keeps the KPI's own.
    expectOk(await updateKpi(org.users.owner.id, org.slug, { ...cpl, target: "140", kpiId }));
    expect(await kpiOf(org, kpiId)).toMatchObject({ aggregation: "AVERAGE", targetScaled: 14_000n });
    expect(await auditActions(org.organizationId, kpiId)).toEqual(["kpi.created", "kpi.updated", "kpi.updated"]);
  });

  it("must be named when an edit turns a KPI into a currency one", async () => {
    const org = await createAccountabilityOrganization();
    const kpiId = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...deals, departmentId: org.billing.id }),
    ).kpiId;
    const before = await snapshotOrganization(org.organizationId);
    const refused = await updateKpi(org.users.owner.id, org.slug, { ...cpl, kpiId });
    expectFailure(refused, "VALIDATION");
    expect(!refused.ok && Object.keys(refused.fieldErrors ?? {})).toEqual(["aggregation"]);
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expectOk(await updateKpi(org.users.owner.id, org.slug, { ...cpl, aggregation: "AVERAGE", kpiId }));
    expect(await kpiOf(org, kpiId)).toMatchObject({ unit: "CURRENCY", aggregation: "AVERAGE" });
  });

  it("of another organization's KPI is not found for its owner, and nothing changes", async () => {
    const org = await createAccountabilityOrganization();
    const other = await createAccountabilityOrganization();
    const kpiId = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...cpl, aggregation: "SUM", departmentId: org.billing.id }),
    ).kpiId;
    const before = await snapshotOrganization(org.organizationId);
    const otherBefore = await snapshotOrganization(other.organizationId);
    // In their own organization's slug (the id is not theirs), and in this one's (they are no member).
    const own = await updateKpi(other.users.owner.id, other.slug, { ...cpl, aggregation: "AVERAGE", kpiId });
    expect(own).toEqual({ ok: false, code: "NOT_FOUND", message: "That KPI was not found." });
    expectFailure(
      await updateKpi(other.users.owner.id, org.slug, { ...cpl, aggregation: "AVERAGE", kpiId }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expect(await snapshotOrganization(other.organizationId)).toEqual(otherBefore);
  });
});

describe("counts are whole numbers", () => {
  it("refuses a fractional count value or target with a message on its field, and writes nothing", async () => {
    const org = await createAccountabilityOrganization();
    const { signed } = await createLegalKpis(org);
    const before = await snapshotOrganization(org.organizationId);
    const value = await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      values: { [signed]: "9.5" },
    });
    expectFailure(value, "VALIDATION");
    expect(!value.ok && value.fieldErrors).toEqual({
      [`values.${signed}`]: ["Contracts signed: A count is a whole number: enter it without decimals."],
    });
    const target = await updateKpi(org.users.owner.id, org.slug, { ...deals, target: "10.5", kpiId: signed });
    expect(!target.ok && target.fieldErrors).toEqual({
      target: ["A count is a whole number: enter it without decimals."],
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expect(
      expectOk(
        await setKpiValues(org.users.legalHead.id, org.slug, {
          departmentId: org.legal.id,
          month: "2026-03",
          values: { [signed]: "9" },
        }),
      ),
    ).toEqual({ changed: 1 });
  });
});

describe("setKpiValues", () => {
  it("writes only changed values, stamped with the KPI's target, clears on empty text, and audits each", async () => {
    const org = await createAccountabilityOrganization();
    const { cycle, signed } = await createLegalKpis(org);
    const set = (values: Record<string, string>) =>
      setKpiValues(org.users.legalHead.id, org.slug, { departmentId: org.legal.id, month: "2026-03", values });

    expect(expectOk(await set({ [cycle]: "41.5", [signed]: "" }))).toEqual({ changed: 1 });
    expect(expectOk(await set({ [cycle]: "41.50", [signed]: "12" }))).toEqual({ changed: 1 });
    expect(await valuesOf(org)).toEqual({
      [cycle]: { "2026-03": [4_150n, 4_500n] },
      [signed]: { "2026-03": [1_200n, 1_000n] },
    });
    expect(expectOk(await set({ [cycle]: "41.5", [signed]: "12" }))).toEqual({ changed: 0 });
    expect(expectOk(await set({ [signed]: "" }))).toEqual({ changed: 1 });
    expect(await valuesOf(org)).toEqual({ [cycle]: { "2026-03": [4_150n, 4_500n] } });
    expect(
      await db.kpiValue.findFirstOrThrow({ where: { organizationId: org.organizationId, kpiId: cycle } }),
    ).toMatchObject({ updatedById: org.users.legalHead.id });
    const actions = await db.auditEvent.findMany({
      where: { organizationId: org.organizationId, entityType: "KpiValue" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["kpiValue.set", "kpiValue.set", "kpiValue.cleared"]);
  });

  it("names each bad value by its KPI and writes nothing, not even the good ones", async () => {
    const org = await createAccountabilityOrganization();
    const { cycle, signed } = await createLegalKpis(org);
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        values: { [cycle]: "40" },
      }),
    );
    const before = await snapshotOrganization(org.organizationId);
    const result = await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      values: { [cycle]: "38", [signed]: "-2" },
    });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors).toEqual({
      [`values.${signed}`]: ["Contracts signed: Count cannot be negative."],
    });
    const both = await setKpiValues(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      values: { [cycle]: "3.555", [signed]: "many" },
    });
    expect(Object.keys((!both.ok && both.fieldErrors) || {}).sort()).toEqual(
      [`values.${cycle}`, `values.${signed}`].sort(),
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });

  it("refuses another department's head, FINANCE and VIEWER, and a KPI of another department", async () => {
    const org = await createAccountabilityOrganization();
    const { signed } = await createLegalKpis(org);
    const billingKpi = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...deals, departmentId: org.billing.id }),
    ).kpiId;
    const before = await snapshotOrganization(org.organizationId);
    const input = { departmentId: org.legal.id, month: "2026-03", values: { [signed]: "5" } };
    for (const user of [org.users.billingHead, org.users.salesManager, org.users.finance, org.users.viewer]) {
      expectFailure(await setKpiValues(user.id, org.slug, input), "FORBIDDEN");
    }
    // The legal head naming Billing's KPI under Legal.
    expectFailure(
      await setKpiValues(org.users.legalHead.id, org.slug, { ...input, values: { [billingKpi]: "5" } }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    // The owner may enter any department's values, and a SALES_MANAGER is Sales' head.
    expectOk(await setKpiValues(org.users.owner.id, org.slug, input));
    const salesKpi = expectOk(
      await createKpi(org.users.owner.id, org.slug, { ...deals, name: "Deals won", departmentId: org.sales.id }),
    ).kpiId;
    expect(
      expectOk(
        await setKpiValues(org.users.salesManager.id, org.slug, {
          departmentId: org.sales.id,
          month: "2026-03",
          values: { [salesKpi]: "14" },
        }),
      ),
    ).toEqual({ changed: 1 });
  });

  it("refuses a changed value in a closed month and changes nothing; an unchanged one passes", async () => {
    const org = await createAccountabilityOrganization();
    const { cycle, signed } = await createLegalKpis(org);
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-01",
        values: { [cycle]: "40", [signed]: "9" },
      }),
    );
    expectOk(await closeMonth(org.users.owner.id, org.slug, { month: "2026-01" }));
    const before = await snapshotOrganization(org.organizationId);
    for (const values of [{ [cycle]: "41" }, { [signed]: "" }, { [cycle]: "40", [signed]: "10" }]) {
      const result = await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-01",
        values,
      });
      expectFailure(result, "CONFLICT");
      expect(!result.ok && result.message).toBe(
        "Jan 2026 is closed. An owner must reopen it before anything in it can change.",
      );
    }
    expect(
      expectOk(
        await setKpiValues(org.users.legalHead.id, org.slug, {
          departmentId: org.legal.id,
          month: "2026-01",
          values: { [cycle]: "40.00" },
        }),
      ),
    ).toEqual({ changed: 0 });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
  });
});
