import { describe, expect, it } from "vitest";
import { commitKpiImport, previewKpiImport } from "@/server/accountability/kpi-import";
import { undoKpiImportBatch } from "@/server/accountability/kpi-import-undo";
import { listImportBatches } from "@/server/revenue/import-batches";
import { resolveTenant } from "@/server/tenant";
import { createKpi, setKpiValues } from "@/server/accountability/kpis";
import { db } from "@/server/db";
import { monthToDbDate } from "@/lib/period";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// The organizations of the factory use USD in America/New_York. Every KPI is created by the owner
// through createKpi; values are scaled integers: cents for CURRENCY, hundredths otherwise.

type TOrg = Awaited<ReturnType<typeof createOrganization>>;

async function addKpi(
  org: TOrg,
  departmentKind: string,
  name: string,
  unit: string,
  target: string,
  aggregation?: string,
) {
  const input = {
    departmentId: org.department(departmentKind).id,
    name,
    unit,
    direction: "HIGHER_IS_BETTER",
    target,
    ...(aggregation && { aggregation }),
  };
  return expectOk(await createKpi(org.owner.id, org.organization.slug, input)).kpiId;
}

/** Alpha's Marketing with three KPIs and its head; Sales with one KPI of its own. */
async function marketing() {
  const org = await createOrganization("Alpha");
  const marketingId = org.department("MARKETING").id;
  const kpis = {
    leads: await addKpi(org, "MARKETING", "Qualified leads", "COUNT", "400"), // target 40000
    costPerLead: await addKpi(org, "MARKETING", "Cost per lead", "CURRENCY", "150", "AVERAGE"), // target 15000
    winRate: await addKpi(org, "MARKETING", "Win rate", "PERCENT", "25%"), // target 2500
    bookings: await addKpi(org, "SALES", "New bookings", "CURRENCY", "1000", "SUM"),
  };
  const head = (await addMember(org.organization.id, "DEPARTMENT_HEAD", marketingId)).user;
  return { org, slug: org.organization.slug, marketingId, kpis, head };
}

const file = (text: string, name = "kpis.csv") => new File([text], name, { type: "text/csv" });
const input = (departmentId: string, text: string, extra: Record<string, unknown> = {}) => ({
  departmentId,
  file: file(text),
  kpiColumn: 0,
  monthColumn: 1,
  valueColumn: 2,
  ...extra,
});

/** Every row the organization owns, KPI values included. */
async function snapshot(organizationId: string) {
  const orderBy = { id: "asc" } as const;
  const [rows, kpis, kpiValues] = await Promise.all([
    snapshotOrganization(organizationId),
    db.kpi.findMany({ where: { organizationId }, orderBy }),
    db.kpiValue.findMany({ where: { organizationId }, orderBy }),
  ]);
  return { ...rows, kpis, kpiValues };
}

async function storedValues(organizationId: string) {
  const values = await db.kpiValue.findMany({
    where: { organizationId },
    include: { kpi: { select: { name: true } } },
    orderBy: [{ month: "asc" }, { kpi: { name: "asc" } }],
  });
  return values.map((v) => [
    v.kpi.name,
    v.month.toISOString().slice(0, 7),
    v.valueScaled,
    v.targetScaled,
    v.importBatchId,
    v.updatedById,
  ]);
}

// Line numbers as a spreadsheet shows them: the header is line 1.
const MIXED = [
  "KPI,Month,Value",
  'Qualified leads,2026-03,"1,250"', // 2: 125000, new
  "cost per lead,Mar 2026,142.50", // 3: 14250, replaces 15000
  "Win rate,2026-03-31,27.5%", // 4: 2750, the same as stored
  "Leadz,2026-03,10", // 5
  "Qualified leads,2026-13,5", // 6
  "Qualified leads,2026-04,12.345", // 7
  "Win rate,April 2026,30", // 8: Win rate in April twice
  "WIN RATE,2026-04,31", // 9
  "Qualified leads,2026-01,300", // 10: January is closed
  "Cost per lead,2026-04,", // 11
].join("\n");

const MIXED_BAD = [
  { line: 5, reason: 'unknown KPI "Leadz": not an active KPI of Marketing' },
  { line: 6, reason: 'unparseable month "2026-13"' },
  { line: 7, reason: 'value "12.345" for Qualified leads: a count is a whole number: enter it without decimals' },
  { line: 8, reason: "Win rate for Apr 2026 is also on line 9" },
  { line: 9, reason: "Win rate for Apr 2026 is also on line 8" },
  { line: 10, reason: "Jan 2026 is closed" },
  { line: 11, reason: "empty value for Cost per lead" },
];

/** Stored before the import: March's cost per lead and win rate, entered by hand. */
async function withMarchValues(setup: Awaited<ReturnType<typeof marketing>>) {
  const { org, slug, marketingId, kpis, head } = setup;
  expectOk(
    await setKpiValues(head.id, slug, {
      departmentId: marketingId,
      month: "2026-03",
      values: { [kpis.costPerLead]: "150", [kpis.winRate]: "27.5" },
    }),
  );
  await db.periodClose.create({
    data: { organizationId: org.organization.id, month: monthToDbDate("2026-01"), closedById: org.owner.id },
  });
}

describe("previewKpiImport", () => {
  it("shows every value as read next to the stored one, names every bad row, and writes nothing", async () => {
    const setup = await marketing();
    await withMarchValues(setup);
    const before = await snapshot(setup.org.organization.id);
    const preview = expectOk(await previewKpiImport(setup.head.id, setup.slug, input(setup.marketingId, MIXED)));
    expect(preview).toMatchObject({
      fileName: "kpis.csv",
      header: ["KPI", "Month", "Value"],
      monthFormat: "ISO",
      alreadyImported: null,
    });
    expect(preview.summary).toEqual({
      dataRowCount: 10,
      acceptedCount: 3,
      newCount: 1,
      changedCount: 1,
      unchangedCount: 1,
      months: ["2026-03"],
      rows: [
        {
          line: 2,
          kpiName: "Qualified leads",
          unit: "COUNT",
          month: "2026-03",
          valueScaled: 125000n,
          currentScaled: null,
        },
        {
          line: 3,
          kpiName: "Cost per lead",
          unit: "CURRENCY",
          month: "2026-03",
          valueScaled: 14250n,
          currentScaled: 15000n,
        },
        { line: 4, kpiName: "Win rate", unit: "PERCENT", month: "2026-03", valueScaled: 2750n, currentScaled: 2750n },
      ],
      badRowCount: 7,
      badRows: MIXED_BAD,
    });
    expect(await snapshot(setup.org.organization.id)).toEqual(before);
  });

  it("asks how full dates in the month column are written when they read both ways", async () => {
    const { head, slug, marketingId } = await marketing();
    const ambiguous = "kpi,month,value\nQualified leads,03/04/2026,10\nWin rate,05/06/2026,20";
    const result = await previewKpiImport(head.id, slug, input(marketingId, ambiguous));
    expect(!result.ok && result.fieldErrors?.monthFormat?.[0]).toBe(
      'Dates like "03/04/2026" can be read day-first or month-first: choose how the dates are written.',
    );
    const dayFirst = expectOk(
      await previewKpiImport(head.id, slug, input(marketingId, ambiguous, { monthFormat: "DAY_FIRST" })),
    );
    expect(dayFirst.summary.rows.map((r) => r.month)).toEqual(["2026-04", "2026-06"]);
    const outOfRange = await previewKpiImport(head.id, slug, input(marketingId, ambiguous, { valueColumn: 3 }));
    expect(!outOfRange.ok && outOfRange.fieldErrors?.valueColumn?.[0]).toBe(
      "The file has 3 columns; choose one of them as the value column.",
    );
  });
});

describe("commitKpiImport", () => {
  it("writes exactly the file's values, stamped with the KPI's target, the batch and the importer, with one audit event", async () => {
    const setup = await marketing();
    const { org, slug, marketingId, head } = setup;
    await withMarchValues(setup);
    const clean = [
      "kpi,month,value",
      "Qualified leads,2026-03,410",
      "Cost per lead,2026-03,138.25",
      "Qualified leads,Apr 2026,395",
    ].join("\n");
    const progress: string[] = [];
    const committed = expectOk(
      await commitKpiImport(head.id, slug, input(marketingId, clean), (p) =>
        progress.push(`${p.stage} ${p.done}/${p.total}`),
      ),
    );
    expect(committed).toMatchObject({
      outcome: "imported",
      rowCount: 3,
      newCount: 2,
      changedCount: 1,
      skippedCount: 0,
      months: ["2026-03", "2026-04"],
    });
    expect(progress).toEqual(["checking 0/0", "writing 3/3"]);
    if (committed.outcome !== "imported") throw new Error("unreachable");
    const { batchId } = committed;
    // Win rate's March value was not in the file: it keeps its manual entry (no batch).
    expect(await storedValues(org.organization.id)).toEqual([
      ["Cost per lead", "2026-03", 13825n, 15000n, batchId, head.id],
      ["Qualified leads", "2026-03", 41000n, 40000n, batchId, head.id],
      ["Win rate", "2026-03", 2750n, 2500n, null, head.id],
      ["Qualified leads", "2026-04", 39500n, 40000n, batchId, head.id],
    ]);
    const batch = await db.importBatch.findFirstOrThrow({
      where: { organizationId: org.organization.id, id: batchId },
    });
    expect(batch).toMatchObject({
      kind: "kpi",
      fileName: "kpis.csv",
      rowCount: 3,
      totalMinor: 0n,
      skipped: [],
      createdById: head.id,
    });
    expect(batch.mapping).toEqual({
      departmentId: marketingId,
      department: "Marketing",
      columns: { kpi: "kpi", month: "month", value: "value" },
      monthFormat: "ISO",
      delimiter: ",",
    });
    const events = await db.auditEvent.findMany({
      where: { organizationId: org.organization.id, action: "kpiValues.imported" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: head.id, entityType: "ImportBatch", entityId: batchId });
    expect(events[0]?.after).toMatchObject({
      kind: "kpi",
      departmentId: marketingId,
      rowCount: 3,
      newCount: 2,
      changedCount: 1,
      unchangedCount: 0,
      months: ["2026-03", "2026-04"],
      skippedLines: [],
    });
  });

  it("changes nothing when the same file is imported again, and says when and by whom it was", async () => {
    const { org, slug, marketingId, head } = await marketing();
    const clean = "kpi,month,value\nQualified leads,2026-03,410\nWin rate,2026-03,26";
    const first = expectOk(await commitKpiImport(head.id, slug, input(marketingId, clean)));
    const before = await snapshot(org.organization.id);
    // The same bytes under another name, by another writer of the department: the same file.
    const again = expectOk(
      await commitKpiImport(org.owner.id, slug, { ...input(marketingId, clean), file: file(clean, "kpis (1).csv") }),
    );
    expect(again).toMatchObject({
      outcome: "already-imported",
      batchId: first.batchId,
      fileName: "kpis.csv",
      importedBy: head.name,
    });
    expect(await snapshot(org.organization.id)).toEqual(before);
    const preview = expectOk(await previewKpiImport(head.id, slug, input(marketingId, clean)));
    expect(preview.alreadyImported).toMatchObject({ batchId: first.batchId, importedBy: head.name });
    expect(preview.summary).toMatchObject({ newCount: 0, changedCount: 0, unchangedCount: 2 });
  });

  it("writes nothing while a row is bad, and with the bad rows explicitly skipped writes only the good ones", async () => {
    const setup = await marketing();
    const { org, slug, marketingId, head } = setup;
    await withMarchValues(setup);
    const before = await snapshot(org.organization.id);
    const refused = await commitKpiImport(head.id, slug, input(marketingId, MIXED));
    expectFailure(refused, "VALIDATION");
    expect(!refused.ok && refused.message).toBe(
      '7 rows have problems (line 5: unknown KPI "Leadz": not an active KPI of Marketing; line 6: unparseable month "2026-13"; line 7: value "12.345" for Qualified leads: a count is a whole number: enter it without decimals and 4 more). Fix the file, or choose to skip them.',
    );
    expect(await snapshot(org.organization.id)).toEqual(before);

    const skipped = expectOk(await commitKpiImport(head.id, slug, input(marketingId, MIXED, { skipBadRows: "true" })));
    expect(skipped).toMatchObject({ outcome: "imported", rowCount: 3, newCount: 1, changedCount: 1, skippedCount: 7 });
    const batch = await db.importBatch.findFirstOrThrow({
      where: { organizationId: org.organization.id, kind: "kpi" },
    });
    expect(batch.skipped).toEqual(MIXED_BAD);
    expect((await storedValues(org.organization.id)).map((v) => v.slice(0, 3))).toEqual([
      ["Cost per lead", "2026-03", 14250n],
      ["Qualified leads", "2026-03", 125000n],
      ["Win rate", "2026-03", 2750n],
    ]);
  });

  it("refuses the whole file when a month is closed, and nothing changes", async () => {
    const { org, slug, marketingId, head } = await marketing();
    await db.periodClose.create({
      data: { organizationId: org.organization.id, month: monthToDbDate("2026-02"), closedById: org.owner.id },
    });
    const text = "kpi,month,value\nQualified leads,2026-03,410\nQualified leads,2026-02-14,380";
    const preview = expectOk(await previewKpiImport(head.id, slug, input(marketingId, text)));
    expect(preview.summary.badRows).toEqual([{ line: 3, reason: "Feb 2026 is closed" }]);
    const before = await snapshot(org.organization.id);
    const result = await commitKpiImport(head.id, slug, input(marketingId, text));
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.message).toBe(
      "1 row has problems (line 3: Feb 2026 is closed). Fix the file, or choose to skip it.",
    );
    expect(await snapshot(org.organization.id)).toEqual(before);
  });
});

describe("tenant isolation and permissions", () => {
  const CLEAN = "kpi,month,value\nQualified leads,2026-03,410";

  it("refuses the head of another department, finance and viewers with FORBIDDEN, and nothing changes", async () => {
    const { org, slug, marketingId } = await marketing();
    for (const [role, department] of [
      ["DEPARTMENT_HEAD", org.department("SALES").id],
      ["SALES_MANAGER", org.department("SALES").id],
      ["FINANCE", null],
      ["VIEWER", null],
    ] as const) {
      const { user } = await addMember(org.organization.id, role, department);
      const before = await snapshot(org.organization.id);
      expectFailure(await previewKpiImport(user.id, slug, input(marketingId, CLEAN)), "FORBIDDEN");
      expectFailure(await commitKpiImport(user.id, slug, input(marketingId, CLEAN)), "FORBIDDEN");
      expect(await snapshot(org.organization.id), role).toEqual(before);
    }
    expectFailure(await commitKpiImport(null, slug, input(marketingId, CLEAN)), "UNAUTHENTICATED");
  });

  it("answers NOT_FOUND to a member of another organization, and to another organization's department, and nothing changes", async () => {
    const { org, slug, marketingId } = await marketing();
    const beta = await createOrganization("Beta");
    const betaMarketing = beta.department("MARKETING").id;
    const outsider = (await addMember(beta.organization.id, "DEPARTMENT_HEAD", betaMarketing)).user;
    const beforeA = await snapshot(org.organization.id);
    const beforeB = await snapshot(beta.organization.id);
    expectFailure(await previewKpiImport(outsider.id, slug, input(marketingId, CLEAN)), "NOT_FOUND");
    expectFailure(await commitKpiImport(outsider.id, slug, input(marketingId, CLEAN)), "NOT_FOUND");
    expectFailure(await commitKpiImport(beta.owner.id, slug, input(marketingId, CLEAN)), "NOT_FOUND");
    // Alpha's owner naming Beta's department under Alpha's slug: not found, never written.
    const foreign = await commitKpiImport(org.owner.id, slug, input(betaMarketing, CLEAN));
    expectFailure(foreign, "NOT_FOUND");
    expect(!foreign.ok && foreign.message).toBe("That department was not found.");
    expect(await snapshot(org.organization.id)).toEqual(beforeA);
    expect(await snapshot(beta.organization.id)).toEqual(beforeB);
  });

  it("treats a KPI of another department or organization, or an archived one, as an unknown KPI", async () => {
    const { org, slug, marketingId, kpis, head } = await marketing();
    const beta = await createOrganization("Beta");
    const betaKpi = await addKpi(beta, "MARKETING", "Qualified leads", "COUNT", "100");
    const archived = await addKpi(org, "MARKETING", "Old metric", "COUNT", "");
    await db.kpi.updateMany({
      where: { organizationId: org.organization.id, id: archived },
      data: { archivedAt: new Date() },
    });
    const text = [
      "kpi,month,value",
      "New bookings,2026-03,5",
      `${kpis.bookings},2026-03,5`,
      `${betaKpi},2026-03,5`,
      "Old metric,2026-03,5",
      `${kpis.leads},2026-03,5`,
    ].join("\n");
    const preview = expectOk(await previewKpiImport(head.id, slug, input(marketingId, text)));
    expect(preview.summary.badRows).toEqual([
      { line: 2, reason: 'unknown KPI "New bookings": not an active KPI of Marketing' },
      { line: 3, reason: `unknown KPI "${kpis.bookings}": not an active KPI of Marketing` },
      { line: 4, reason: `unknown KPI "${betaKpi}": not an active KPI of Marketing` },
      { line: 5, reason: 'unknown KPI "Old metric": not an active KPI of Marketing' },
    ]);
    // Marketing's own KPI by its id is accepted.
    expect(preview.summary.rows).toEqual([
      { line: 6, kpiName: "Qualified leads", unit: "COUNT", month: "2026-03", valueScaled: 500n, currentScaled: null },
    ]);
    expectOk(await commitKpiImport(head.id, slug, input(marketingId, text, { skipBadRows: true })));
    expect(await db.kpiValue.count({ where: { kpiId: { in: [kpis.bookings, betaKpi, archived] } } })).toBe(0);
    expect(await db.kpiValue.count({ where: { organizationId: beta.organization.id } })).toBe(0);
  });
});

describe("KPI values: duplicates by content (key: KPI, month)", () => {
  const FIRST = "kpi,month,value\nQualified leads,2026-03,410\nWin rate,2026-03,26";

  it("a re-saved copy (BOM, CRLF, quoted, reordered and extra columns, other month spelling) is all unchanged and changes nothing", async () => {
    const { org, slug, marketingId, head } = await marketing();
    const first = expectOk(await commitKpiImport(head.id, slug, input(marketingId, FIRST)));
    if (first.outcome !== "imported") throw new Error("expected an import");
    const resaved =
      '\uFEFF"Value","Note","Month","KPI"\r\n"410","ok","Mar 2026","Qualified leads"\r\n"26%","","2026-03-31","WIN RATE"\r\n';
    const copy = {
      departmentId: marketingId,
      file: file(resaved, "kpis-resaved.csv"),
      kpiColumn: 3,
      monthColumn: 2,
      valueColumn: 0,
    };
    const preview = expectOk(await previewKpiImport(org.owner.id, slug, copy));
    expect(preview.summary).toMatchObject({ acceptedCount: 2, newCount: 0, changedCount: 0, unchangedCount: 2 });
    expect(preview.alreadyImported).toMatchObject({
      batchId: first.batchId,
      fileName: "kpis.csv",
      importedBy: head.name,
    });
    const before = await snapshot(org.organization.id);
    const again = expectOk(await commitKpiImport(org.owner.id, slug, copy));
    expect(again).toMatchObject({ outcome: "already-imported", batchId: first.batchId });
    expect(await snapshot(org.organization.id)).toEqual(before);
  });

  it("writes only the changed and new values: an unchanged one keeps the batch that wrote it", async () => {
    const { org, slug, marketingId, head } = await marketing();
    const first = expectOk(await commitKpiImport(head.id, slug, input(marketingId, FIRST)));
    const next = "kpi,month,value\nQualified leads,2026-03,410\nWin rate,2026-03,27\nQualified leads,2026-04,395";
    const preview = expectOk(
      await previewKpiImport(head.id, slug, input(marketingId, next, { file: file(next, "kpis-april.csv") })),
    );
    expect(preview.summary).toMatchObject({ newCount: 1, changedCount: 1, unchangedCount: 1 });
    expect(preview.alreadyImported).toBeNull();
    const second = expectOk(
      await commitKpiImport(head.id, slug, { ...input(marketingId, next), file: file(next, "kpis-april.csv") }),
    );
    expect(second).toMatchObject({ outcome: "imported", newCount: 1, changedCount: 1 });
    expect((await storedValues(org.organization.id)).map((v) => [v[0], v[1], v[2], v[4]])).toEqual([
      ["Qualified leads", "2026-03", 41000n, first.batchId],
      ["Win rate", "2026-03", 2700n, second.batchId],
      ["Qualified leads", "2026-04", 39500n, second.batchId],
    ]);
  });

  it("the same bytes after a value was changed by hand are not 'already imported': the changed value is shown and written back", async () => {
    const { org, slug, marketingId, kpis, head } = await marketing();
    expectOk(await commitKpiImport(head.id, slug, input(marketingId, FIRST)));
    expectOk(
      await setKpiValues(head.id, slug, {
        departmentId: marketingId,
        month: "2026-03",
        values: { [kpis.winRate]: "30" },
      }),
    );
    const preview = expectOk(await previewKpiImport(head.id, slug, input(marketingId, FIRST)));
    expect(preview.alreadyImported).toBeNull();
    expect(preview.summary).toMatchObject({ newCount: 0, changedCount: 1, unchangedCount: 1 });
    expect(expectOk(await commitKpiImport(head.id, slug, input(marketingId, FIRST)))).toMatchObject({
      outcome: "imported",
      changedCount: 1,
    });
    expect((await storedValues(org.organization.id)).map((v) => v.slice(0, 3))).toEqual([
      ["Qualified leads", "2026-03", 41000n],
      ["Win rate", "2026-03", 2600n],
    ]);
  });

  it("values entered by hand and then imported unchanged: nothing to change, said so, nothing written", async () => {
    const { org, slug, marketingId, kpis, head } = await marketing();
    expectOk(
      await setKpiValues(head.id, slug, {
        departmentId: marketingId,
        month: "2026-03",
        values: { [kpis.leads]: "410", [kpis.winRate]: "26" },
      }),
    );
    const before = await snapshot(org.organization.id);
    const result = await commitKpiImport(head.id, slug, input(marketingId, FIRST));
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.message).toBe("Nothing to change: the 2 values of this file are already stored.");
    expect(await snapshot(org.organization.id)).toEqual(before);
  });
});

describe("undoKpiImportBatch", () => {
  it("removes the values the batch created and restores the ones it replaced (by hand or by an earlier batch), leaving later changes alone", async () => {
    const { org, slug, marketingId, kpis, head } = await marketing();
    const a = expectOk(
      await commitKpiImport(
        head.id,
        slug,
        input(marketingId, "kpi,month,value\nQualified leads,2026-03,410", {
          file: file("kpi,month,value\nQualified leads,2026-03,410", "a.csv"),
        }),
      ),
    );
    expectOk(
      await setKpiValues(head.id, slug, {
        departmentId: marketingId,
        month: "2026-03",
        values: { [kpis.winRate]: "27.5" },
      }),
    );
    const text =
      "kpi,month,value\nQualified leads,2026-03,420\nWin rate,2026-03,30\nCost per lead,2026-03,140\nQualified leads,2026-04,395";
    const b = expectOk(
      await commitKpiImport(head.id, slug, { ...input(marketingId, text), file: file(text, "b.csv") }),
    );
    // After b, April's leads are changed by hand: no longer b's, so the undo leaves them.
    expectOk(
      await setKpiValues(head.id, slug, {
        departmentId: marketingId,
        month: "2026-04",
        values: { [kpis.leads]: "399" },
      }),
    );
    const undone = expectOk(await undoKpiImportBatch(org.owner.id, slug, { batchId: b.batchId }));
    expect(undone).toEqual({ batchId: b.batchId, fileName: "b.csv", removed: 1, restored: 2 });
    expect((await storedValues(org.organization.id)).map((v) => [v[0], v[1], v[2], v[4]])).toEqual([
      ["Qualified leads", "2026-03", 41000n, a.batchId],
      ["Win rate", "2026-03", 2750n, null],
      ["Qualified leads", "2026-04", 39900n, null],
    ]);
    expect(await db.importBatch.count({ where: { organizationId: org.organization.id, id: b.batchId } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.organization.id, action: "kpiValues.importUndone" },
    });
    expect(event).toMatchObject({ entityId: b.batchId, actorId: org.owner.id, after: { removed: 1, restored: 2 } });
  });

  it("refuses, and says why, a batch whose replaced values were not recorded; nothing changes", async () => {
    const { org, slug, marketingId, kpis, head } = await marketing();
    expectOk(
      await setKpiValues(head.id, slug, {
        departmentId: marketingId,
        month: "2026-03",
        values: { [kpis.winRate]: "27.5" },
      }),
    );
    // A batch as imports wrote it before the replaced values were recorded: its event has no "before".
    const organizationId = org.organization.id;
    const b = await db.importBatch.create({
      data: {
        organizationId,
        kind: "kpi",
        fileName: "old.csv",
        fileHash: "0".repeat(64),
        rowCount: 1,
        totalMinor: 0n,
        roundedCount: 0,
        skipped: [],
        mapping: {},
        createdById: head.id,
      },
      select: { id: true },
    });
    await db.kpiValue.updateMany({
      where: { organizationId, kpiId: kpis.winRate },
      data: { valueScaled: 3000n, importBatchId: b.id },
    });
    await db.auditEvent.create({
      data: {
        organizationId,
        actorId: head.id,
        action: "kpiValues.imported",
        entityType: "ImportBatch",
        entityId: b.id,
        after: { departmentId: marketingId, changedCount: 1, months: ["2026-03"] },
      },
    });
    const b2 = { batchId: b.id };
    const before = await snapshot(org.organization.id);
    const result = await undoKpiImportBatch(org.owner.id, slug, { batchId: b2.batchId });
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe(
      "This KPI import cannot be undone. It replaced an earlier value that was not recorded, so it cannot be restored.",
    );
    expect(await snapshot(org.organization.id)).toEqual(before);
  });

  it("answers NOT_FOUND to another organization's owner and FORBIDDEN to another department's head, and nothing changes", async () => {
    const { org, slug, marketingId, head } = await marketing();
    const b = expectOk(
      await commitKpiImport(head.id, slug, input(marketingId, "kpi,month,value\nQualified leads,2026-03,410")),
    );
    const beta = await createOrganization("Beta");
    const salesHead = (await addMember(org.organization.id, "DEPARTMENT_HEAD", org.department("SALES").id)).user;
    const before = await snapshot(org.organization.id);
    expectFailure(await undoKpiImportBatch(beta.owner.id, slug, { batchId: b.batchId }), "NOT_FOUND");
    expectFailure(await undoKpiImportBatch(beta.owner.id, beta.organization.slug, { batchId: b.batchId }), "NOT_FOUND");
    expectFailure(await undoKpiImportBatch(salesHead.id, slug, { batchId: b.batchId }), "FORBIDDEN");
    expect(await snapshot(org.organization.id)).toEqual(before);
  });
});

describe("the import batch list", () => {
  it("lists KPI batches next to revenue ones with department, months and unchanged values; another organization sees none of them", async () => {
    const { org, slug, marketingId, head } = await marketing();
    expectOk(await commitKpiImport(head.id, slug, input(marketingId, "kpi,month,value\nQualified leads,2026-03,410")));
    const text = "kpi,month,value\nQualified leads,2026-03,410\nWin rate,2026-04,26";
    const second = expectOk(
      await commitKpiImport(head.id, slug, { ...input(marketingId, text), file: file(text, "april.csv") }),
    );
    const ctx = await resolveTenant(org.owner.id, slug);
    if (!ctx) throw new Error("no tenant");
    const [latest] = await listImportBatches(ctx, org.organization.timeZone, { kinds: ["revenue", "kpi"] });
    expect(latest).toMatchObject({
      id: second.batchId,
      kind: "kpi",
      fileName: "april.csv",
      department: { id: marketingId, name: "Marketing" },
      rowCount: 2,
      duplicateCount: 1,
      months: ["2026-03", "2026-04"],
      undoRefusal: null,
      createdBy: head.name,
    });
    expect(await listImportBatches(ctx, org.organization.timeZone)).toEqual([]);
    const beta = await createOrganization("Beta");
    const betaCtx = await resolveTenant(beta.owner.id, beta.organization.slug);
    if (!betaCtx) throw new Error("no tenant");
    expect(await listImportBatches(betaCtx, beta.organization.timeZone, { kinds: ["revenue", "kpi"] })).toEqual([]);
  });
});
