import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMonths, monthKey, monthToDbDate, type MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { createKpi, setKpiValues } from "@/server/accountability/kpis";
import { markMonthReviewed, saveNarrative } from "@/server/accountability/narratives";
import { auditActions, createAccountabilityOrganization } from "../factories/accountability";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

type TOrg = Awaited<ReturnType<typeof createAccountabilityOrganization>>;

/** Legal's one KPI: contracts signed, target 20 (a count is whole). March 16 (80 %, red), April 20 (green), May 19 (95 %, amber). */
async function seedLegal(org: TOrg) {
  const kpiId = expectOk(
    await createKpi(org.users.owner.id, org.slug, {
      name: "Contracts signed",
      unit: "COUNT",
      direction: "HIGHER_IS_BETTER",
      target: "20",
      departmentId: org.legal.id,
    }),
  ).kpiId;
  for (const [month, value] of [
    ["2026-03", "16"],
    ["2026-04", "20"],
    ["2026-05", "19"],
  ] as const) {
    expectOk(
      await setKpiValues(org.users.legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month,
        values: { [kpiId]: value },
      }),
    );
  }
  return kpiId;
}

const narrativeOf = (org: TOrg, month: MonthKey) =>
  db.narrative.findUnique({
    where: {
      organizationId_departmentId_month: {
        organizationId: org.organizationId,
        departmentId: org.legal.id,
        month: monthToDbDate(month),
      },
    },
  });

describe("narratives", () => {
  it("keeps a red month from being reviewed until it says why and what next", async () => {
    const org = await createAccountabilityOrganization();
    await seedLegal(org);
    const { legalHead } = org.users;
    const review = () => markMonthReviewed(legalHead.id, org.slug, { departmentId: org.legal.id, month: "2026-03" });

    const before = await snapshotOrganization(org.organizationId);
    const bare = await review();
    expectFailure(bare, "VALIDATION");
    expect(!bare.ok && bare.message).toBe(
      "Mar 2026 is red: write why, and what happens next, before it is marked reviewed.",
    );
    expect(!bare.ok && bare.fieldErrors).toEqual({
      why: ["Say why the month is red."],
      whatNext: ["Say what happens next."],
    });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);

    expectOk(
      await saveNarrative(legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        why: "Two MSAs waited on outside counsel.",
      }),
    );
    const half = await review();
    expect(!half.ok && half.fieldErrors).toEqual({ whatNext: ["Say what happens next."] });
    expect((await narrativeOf(org, "2026-03"))?.reviewedAt).toBeNull();

    expectOk(
      await saveNarrative(legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        why: "Two MSAs waited on outside counsel.",
        whatNext: "A template MSA for small deals.",
      }),
    );
    expect(expectOk(await review())).toEqual({ month: "2026-03", status: "RED" });
    expect(await narrativeOf(org, "2026-03")).toMatchObject({
      why: "Two MSAs waited on outside counsel.",
      whatNext: "A template MSA for small deals.",
      reviewedById: legalHead.id,
      updatedById: legalHead.id,
    });

    // Reviewed once only, and the narrative of a reviewed red month cannot be emptied.
    expectFailure(await review(), "CONFLICT");
    const emptied = await saveNarrative(legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: "2026-03",
      why: "",
      whatNext: "A template MSA for small deals.",
    });
    expect(!emptied.ok && emptied.fieldErrors).toEqual({ why: ["Say why the month is red."] });
    expectOk(
      await saveNarrative(legalHead.id, org.slug, {
        departmentId: org.legal.id,
        month: "2026-03",
        why: "Outside counsel was slow.",
        whatNext: "A template MSA.",
      }),
    );

    const narrative = await narrativeOf(org, "2026-03");
    expect(await auditActions(org.organizationId, narrative?.id)).toEqual([
      "narrative.saved",
      "narrative.saved",
      "narrative.reviewed",
      "narrative.saved",
    ]);
  });

  it("reviews green, amber and unrated months without a narrative", async () => {
    const org = await createAccountabilityOrganization();
    await seedLegal(org);
    for (const [month, status] of [
      ["2026-04", "GREEN"],
      ["2026-05", "AMBER"],
      ["2026-06", null],
    ] as const) {
      expect(
        expectOk(await markMonthReviewed(org.users.legalHead.id, org.slug, { departmentId: org.legal.id, month })),
      ).toEqual({ month, status });
      expect(await narrativeOf(org, month)).toMatchObject({
        why: "",
        whatNext: "",
        reviewedById: org.users.legalHead.id,
      });
    }
    expectFailure(
      await markMonthReviewed(org.users.legalHead.id, org.slug, { departmentId: org.legal.id, month: "2026-04" }),
      "CONFLICT",
    );
  });

  it("refuses to review a month that has not started, but the current one is fine", async () => {
    const org = await createAccountabilityOrganization();
    const today = todayIn(org.organization.timeZone);
    const current = monthKey(today.year, today.month);
    const before = await snapshotOrganization(org.organizationId);
    const future = await markMonthReviewed(org.users.legalHead.id, org.slug, {
      departmentId: org.legal.id,
      month: addMonths(current, 1),
    });
    expectFailure(future, "VALIDATION");
    expect(!future.ok && future.fieldErrors).toEqual({ month: ["Choose a month that has started."] });
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expectOk(await markMonthReviewed(org.users.legalHead.id, org.slug, { departmentId: org.legal.id, month: current }));
  });

  it("refuses another department's head, FINANCE and VIEWER; a SALES_MANAGER writes Sales'", async () => {
    const org = await createAccountabilityOrganization();
    await seedLegal(org);
    const before = await snapshotOrganization(org.organizationId);
    const text = { departmentId: org.legal.id, month: "2026-04", why: "Fine", whatNext: "More" };
    for (const user of [org.users.billingHead, org.users.salesManager, org.users.finance, org.users.viewer]) {
      expectFailure(await saveNarrative(user.id, org.slug, text), "FORBIDDEN");
      expectFailure(
        await markMonthReviewed(user.id, org.slug, { departmentId: org.legal.id, month: "2026-04" }),
        "FORBIDDEN",
      );
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    expectOk(await saveNarrative(org.users.salesManager.id, org.slug, { ...text, departmentId: org.sales.id }));
    expectOk(
      await markMonthReviewed(org.users.salesManager.id, org.slug, { departmentId: org.sales.id, month: "2026-04" }),
    );
  });
});
