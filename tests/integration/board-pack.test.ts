import { describe, expect, it } from "vitest";
import { headlineTiles } from "@/lib/board-pack";
import { monthToDbDate, type MonthKey } from "@/lib/period";
import { getBoardPack } from "@/server/board-pack/data";
import { FIXED_PAGES, renderBoardPack } from "@/server/board-pack/document";
import { boardPackResponse } from "@/server/board-pack/response";
import { db } from "@/server/db";
import { withTenant } from "@/server/route-context";
import { resolveTenant } from "@/server/tenant";
import { categoryId, insertKpi, insertKpiValue } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";

// D = 3 May 2026 (New York); the pack of Q1 FY2026 (calendar year), a quarter that has ended.
const squash = (text: string) => text.replace(/\s+/g, "");
const NOW = new Date("2026-05-03T16:00:00Z");
const WHY = "Two enterprise contracts stalled in redlines";
const WHAT_NEXT = "Standard clause library live by April";

/**
 * The text of every page, in order (pdfjs, no worker), without whitespace: extraction puts spaces
 * where the layout kerns ("$300 K"), so the text and what is looked for are compared without them.
 */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(squash(content.items.map((item) => ("str" in item ? item.str : "")).join("")));
  }
  return pages;
}

/**
 * $100,000.00 of target a month in 2026; actuals Jan $90,000, Feb $95,000, Mar $86,500 (Q1
 * $271,500.00 against $300,000.00: $28,500.00 behind). Legal confirms −$12,000.00 in February and
 * explains it; Billing +$3,000.00 in March; Sales is charged a lost $4,000.00 deal in March.
 * January and February are closed, March is not.
 */
async function seed(org: TPipelineOrganization) {
  const organizationId = org.organizationId;
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      organizationId,
      month: monthToDbDate(`2026-${String(i + 1).padStart(2, "0")}` as MonthKey),
      amountMinor: 10_000_000n,
    })),
  });
  await db.revenueEntry.createMany({
    data: [
      ["2026-01-15T17:00:00Z", 9_000_000n],
      ["2026-02-10T17:00:00Z", 9_500_000n],
      ["2026-03-20T17:00:00Z", 8_650_000n],
    ].map(([at, amountMinor]) => ({
      organizationId,
      occurredAt: new Date(at as string),
      amountMinor: amountMinor as bigint,
      source: "MANUAL" as const,
    })),
  });
  for (const [department, month, amountMinor] of [
    [org.legal, "2026-02", -1_200_000n],
    [org.billing, "2026-03", 300_000n],
  ] as const) {
    await db.contribution.create({
      data: {
        organizationId,
        departmentId: department.id,
        month: monthToDbDate(month),
        categoryId: await categoryId(organizationId, department.kind),
        amountMinor,
        description: `${department.name} ${month}`,
        status: "CONFIRMED",
      },
    });
  }
  const deal = await insertOpportunity(org, {
    name: "Initech renewal",
    amountMinor: 400_000n,
    stage: "Closed lost",
    expectedCloseDate: "2026-03-15",
  });
  await db.opportunityCause.create({
    data: {
      organizationId,
      opportunityId: deal.id,
      kind: "LOST",
      month: monthToDbDate("2026-03"),
      amountMinor: 400_000n,
      lossCauseId: org.lossCause("Pricing").id,
      responsibleDepartmentId: org.sales.id,
    },
  });
  await db.narrative.create({
    data: {
      organizationId,
      departmentId: org.legal.id,
      month: monthToDbDate("2026-02"),
      why: WHY,
      whatNext: WHAT_NEXT,
    },
  });
  const signed = await insertKpi(organizationId, org.legal.id, { name: "Contracts signed", targetScaled: 1_000n });
  for (const [month, value] of [
    ["2026-01", 1_200n],
    ["2026-02", 900n],
    ["2026-03", 800n],
  ] as const)
    await insertKpiValue(organizationId, signed.id, month, value, 1_000n);
  await db.commitment.create({
    data: {
      organizationId,
      departmentId: org.legal.id,
      title: "Ship the clause library",
      ownerId: org.users.legalHead.id,
      dueDate: new Date("2026-04-15T00:00:00Z"),
      expectedImpactMinor: 500_000n,
      status: "OPEN",
    },
  });
  await db.periodClose.createMany({
    data: ["2026-01", "2026-02"].map((m) => ({ organizationId, month: monthToDbDate(m as MonthKey) })),
  });
  // An archived department has no page.
  await db.department.updateMany({
    where: { organizationId, id: org.department("AUDIT").id },
    data: { archivedAt: NOW },
  });
}

describe("the board pack", () => {
  it("prints the dashboard's figures, every active department with its narrative, and a bridge that balances", async () => {
    const org = await createPipelineOrganization("Board Co");
    await seed(org);
    const ctx = await resolveTenant(org.users.viewer.id, org.slug);
    if (!ctx) throw new Error("the viewer has no membership");
    const pack = await getBoardPack(ctx, "q-2026-1", NOW, { generatedBy: "Vera Viewer", locale: "en-US" });
    const pages = await pdfPages(await renderBoardPack(pack));
    const text = pages.join("\n");

    // The tiles, as the dashboard shows them for the range (one mapping), and by hand.
    for (const tile of headlineTiles(pack.dashboard, "en-US")) {
      expect(text).toContain(squash(tile.label));
      expect(text).toContain(squash(tile.value));
      if (tile.exact) expect(text).toContain(squash(tile.exact));
    }
    for (const figure of ["$300,000.00", "$271,500.00", "$28,500.00", "90.5%", "9.5% of target"])
      expect(text).toContain(squash(figure));
    // Run rate of Q1: 27,150,000 / 3 × 12 = $1,086,000.00.
    expect(text).toContain(squash("$1,086,000.00"));

    // Target − actual = gap, and target + departments + unattributed = actual, to the cent:
    // departments −12,000 + 3,000 − 4,000 = −13,000; unattributed = 271,500 − 287,000 = −15,500.
    expect(text).toContain(squash("Target $300,000.00 - actual $271,500.00 = gap $28,500.00"));
    expect(text).toContain(
      squash("Target $300,000.00 + departments -$13,000.00 + unattributed -$15,500.00 = actual $271,500.00"),
    );
    expect(text).toContain(squash("= actual, balances to the cent"));

    // One page per active department, in name order, each naming it; the narrative on Legal's.
    const active = await db.department.findMany({
      where: { organizationId: org.organizationId, archivedAt: null },
      orderBy: { name: "asc" },
    });
    expect(pack.departments.map((d) => d.department.name)).toEqual(active.map((d) => d.name));
    expect(pages).toHaveLength(FIXED_PAGES + active.length);
    for (const [i, department] of active.entries())
      expect(pages[4 + i]?.startsWith(squash(department.name)), department.name).toBe(true);
    expect(pack.departments.map((d) => d.department.name)).not.toContain("Audit");
    const legal = pages[4 + active.findIndex((d) => d.id === org.legal.id)] ?? "";
    expect(legal).toContain(squash(`Why: ${WHY}`));
    expect(legal).toContain(squash(`What next: ${WHAT_NEXT}`));
    expect(legal).toContain(squash("No narrative")); // January and March
    expect(legal).toContain(squash("-$12,000.00"));
    expect(legal).toContain(squash("Ship the clause library"));
    expect(legal).toContain(squash("Open, overdue"));

    // The appendix lists the lost deal; every page has the footer.
    expect(pages.at(-1)).toContain(squash("Initech renewal"));
    expect(pages.at(-1)).toContain(squash("Pricing"));
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(squash(`page ${i + 1} of ${pages.length}`));
      expect(page).toContain(squash("as of Mar 31, 2026"));
      expect(page).toContain(squash("includes months not closed: Mar 2026"));
    }
    expect(pages[0]).toContain(squash("Generated"));
    expect(pages[0]).toContain(squash("by Vera Viewer"));
  });

  it("is a PDF download for any member, and not found for a member of another organization", async () => {
    const [a, b] = [await createPipelineOrganization("Alpha"), await createPipelineOrganization("Beta")];
    await seed(a);
    const response = await withTenant(a.users.viewer.id, a.slug, (ctx) =>
      boardPackResponse(ctx, "q-2026-1", NOW, "en-US"),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${a.slug}-board-pack-q-2026-1.pdf"`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const foreign = await withTenant(b.owner.id, a.slug, (ctx) => boardPackResponse(ctx, "q-2026-1", NOW, "en-US"));
    expect(foreign.status).toBe(404);
    expect((await withTenant(null, a.slug, (ctx) => boardPackResponse(ctx, "q-2026-1", NOW, "en-US"))).status).toBe(
      404,
    );
  });
});
