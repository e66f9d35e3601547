import { afterEach, describe, expect, it, vi } from "vitest";
import { alreadyImportedMessage } from "@/lib/csv/wire";
import { monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { commitRevenueImport, previewRevenueImport } from "@/server/revenue/import";
import { listImportBatches } from "@/server/revenue/import-batches";
import { undoImportBatch } from "@/server/revenue/import-undo";
import { resolveTenant } from "@/server/tenant";
import { addMember, createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// The organizations of the factory use USD in America/New_York.
const ORDERS = [
  "order_id,order_date,customer,line_total",
  'A-1,04/03/2026,Acme,"1,234.5678"', // line 2: March, rounded to 1,234.57
  "A-2,25/03/2026,Beta,-20.005", // line 3: March refund, rounded to -20.01
  "A-3,31/02/2026,Gamma,10.00", // line 4: no 31 February
  "A-4,01/04/2026,Delta,", // line 5: empty amount
  "A-5,15/04/2026,Echo,99.90", // line 6: April
].join("\n");

const file = (text: string, name = "orders.csv") => new File([text], name, { type: "text/csv" });
const input = (text: string, extra: Record<string, unknown> = {}) => ({
  file: file(text),
  dateColumn: 1,
  amountColumn: 3,
  referenceColumn: 0,
  customerColumn: 2,
  ...extra,
});

/** Σ and count of entries per month, bucketed in the organization's zone by SQL. */
async function monthlyTotals(organizationId: string) {
  const rows = await db.$queryRaw<{ month: string; rows: bigint; total: bigint }[]>`
    SELECT to_char(date_trunc('month', e."occurredAt" AT TIME ZONE o."timeZone"), 'YYYY-MM') AS month, COUNT(*) AS rows, SUM(e."amountMinor")::bigint AS total
    FROM "RevenueEntry" e JOIN "Organization" o ON o.id = e."organizationId"
    WHERE e."organizationId" = ${organizationId} GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ month: r.month, rows: Number(r.rows), total: BigInt(r.total) }));
}

afterEach(() => vi.restoreAllMocks());

describe("previewRevenueImport", () => {
  it("reports rows and totals per month, rounding and every bad row, and writes nothing", async () => {
    const a = await createOrganization("Alpha");
    const before = await snapshotOrganization(a.organization.id);
    const preview = expectOk(await previewRevenueImport(a.owner.id, a.organization.slug, input(ORDERS)));
    expect(preview).toMatchObject({
      fileName: "orders.csv",
      dateFormat: "DAY_FIRST",
      isDateFormatDetected: true,
      alreadyImported: null,
    });
    expect(preview.summary).toEqual({
      dataRowCount: 5,
      acceptedCount: 3,
      totalMinor: 131446n,
      roundedCount: 2,
      months: [
        { month: "2026-03", rowCount: 2, totalMinor: 121456n },
        { month: "2026-04", rowCount: 1, totalMinor: 9990n },
      ],
      badRowCount: 2,
      badRows: [
        { line: 4, reason: 'unparseable date "31/02/2026"' },
        { line: 5, reason: "empty amount" },
      ],
    });
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });

  it("asks for the date format when every date reads both ways, and names the field", async () => {
    const a = await createOrganization("Alpha");
    const ambiguous = "date,amount\n03/04/2026,10\n05/06/2026,20";
    const result = await previewRevenueImport(a.owner.id, a.organization.slug, {
      file: file(ambiguous),
      dateColumn: 0,
      amountColumn: 1,
    });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && result.fieldErrors?.dateFormat?.[0]).toBe(
      'Dates like "03/04/2026" can be read day-first or month-first: choose how the dates are written.',
    );
    const chosen = expectOk(
      await previewRevenueImport(a.owner.id, a.organization.slug, {
        file: file(ambiguous),
        dateColumn: 0,
        amountColumn: 1,
        dateFormat: "MONTH_FIRST",
      }),
    );
    expect(chosen.summary.months.map((m) => m.month)).toEqual(["2026-03", "2026-05"]);
  });

  it("validates the mapping on the server, naming the field", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const outOfRange = await previewRevenueImport(a.owner.id, slug, input(ORDERS, { amountColumn: 7 }));
    expect(!outOfRange.ok && outOfRange.fieldErrors?.amountColumn?.[0]).toBe(
      "The file has 4 columns; choose one of them as the amount column.",
    );
    const twice = await previewRevenueImport(a.owner.id, slug, input(ORDERS, { customerColumn: 1 }));
    expect(!twice.ok && twice.fieldErrors?.customerColumn?.[0]).toBe("This column is already mapped as the date.");
    const noFile = await previewRevenueImport(a.owner.id, slug, { dateColumn: 1, amountColumn: 3 });
    expect(!noFile.ok && noFile.fieldErrors?.file?.[0]).toBe("Choose a CSV file.");
    const empty = await previewRevenueImport(a.owner.id, slug, input(""));
    expect(!empty.ok && empty.fieldErrors?.file?.[0]).toBe("The file is empty.");
  });
});

describe("commitRevenueImport", () => {
  it("refuses bad rows unless skipping them is chosen, then records them on the batch", async () => {
    const a = await createOrganization("Alpha");
    const before = await snapshotOrganization(a.organization.id);
    const refused = await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS));
    expectFailure(refused, "VALIDATION");
    expect(!refused.ok && refused.message).toBe(
      '2 rows have problems (line 4: unparseable date "31/02/2026"; line 5: empty amount). Fix the file, or choose to skip them.',
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);

    const committed = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: "true" })),
    );
    expect(committed).toMatchObject({
      outcome: "imported",
      rowCount: 3,
      totalMinor: 131446n,
      roundedCount: 2,
      skippedCount: 2,
    });
    if (committed.outcome !== "imported") throw new Error("unreachable");
    const batch = await db.importBatch.findFirstOrThrow({
      where: { organizationId: a.organization.id, id: committed.batchId },
    });
    expect(batch).toMatchObject({
      kind: "revenue",
      fileName: "orders.csv",
      rowCount: 3,
      totalMinor: 131446n,
      roundedCount: 2,
      createdById: a.owner.id,
    });
    expect(batch.skipped).toEqual([
      { line: 4, reason: 'unparseable date "31/02/2026"' },
      { line: 5, reason: "empty amount" },
    ]);
    expect(batch.mapping).toEqual({
      columns: { date: "order_date", amount: "line_total", reference: "order_id", customer: "customer" },
      dateFormat: "DAY_FIRST",
      decimalSeparator: ".",
      delimiter: ",",
    });
    const entries = await db.revenueEntry.findMany({
      where: { organizationId: a.organization.id },
      orderBy: { importLine: "asc" },
    });
    expect(
      entries.map((e) => [
        e.importLine,
        e.reference,
        e.customer,
        e.amountMinor,
        e.occurredAt.toISOString(),
        e.source,
        e.importBatchId,
      ]),
    ).toEqual([
      [2, "A-1", "Acme", 123457n, "2026-03-04T05:00:00.000Z", "IMPORT", batch.id],
      [3, "A-2", "Beta", -2001n, "2026-03-25T04:00:00.000Z", "IMPORT", batch.id],
      [6, "A-5", "Echo", 9990n, "2026-04-15T04:00:00.000Z", "IMPORT", batch.id],
    ]);
  });

  it("audits the batch, not its rows", async () => {
    const a = await createOrganization("Alpha");
    const committed = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: true })),
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: a.organization.id, action: "revenue.imported" },
    });
    expect(event).toMatchObject({ actorId: a.owner.id, entityType: "ImportBatch", entityId: committed.batchId });
    expect(event.after).toMatchObject({
      id: committed.batchId,
      fileName: "orders.csv",
      rowCount: 3,
      totalMinor: "131446",
      roundedCount: 2,
      skippedLines: [4, 5],
    });
  });

  it("buckets each row in the organization's zone: 23:30 on 31 March in New York is March", async () => {
    const a = await createOrganization("Alpha");
    const csv = [
      "when,amount",
      "2026-03-31 23:30,100",
      "2026-04-01T02:00:00Z,200",
      "2026-04-01,400",
      "2026-03-01T04:59:59Z,800",
    ].join("\n");
    expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, { file: file(csv), dateColumn: 0, amountColumn: 1 }),
    );
    // 04:59:59 UTC on 1 March is still 28 February in New York (UTC-5).
    expect(await monthlyTotals(a.organization.id)).toEqual([
      { month: "2026-02", rows: 1, total: 80000n },
      { month: "2026-03", rows: 2, total: 30000n },
      { month: "2026-04", rows: 1, total: 40000n },
    ]);
  });

  it("writes nothing when it fails midway through writing the rows", async () => {
    const a = await createOrganization("Alpha");
    const lines = Array.from(
      { length: 12_000 },
      (_, i) => `R-${i},2026-01-${String((i % 28) + 1).padStart(2, "0")},C,1.00`,
    );
    const big = ["ref,date,customer,amount", ...lines].join("\n");
    const before = await snapshotOrganization(a.organization.id);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const written: number[] = [];
    const onProgress = ({ stage, done }: { stage: string; done: number }) => {
      if (stage !== "writing") return;
      written.push(done);
      // A failure after the first chunk is already in the table: the transaction must roll it back.
      if (written.length === 1) throw new Error("connection lost");
    };
    const result = await commitRevenueImport(
      a.owner.id,
      a.organization.slug,
      { file: file(big), dateColumn: 1, amountColumn: 3 },
      onProgress,
    );
    expectFailure(result, "INTERNAL");
    expect(written).toEqual([5000]);
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    expect(await db.revenueEntry.count()).toBe(0);
    // And the same file then imports completely.
    const retried = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, { file: file(big), dateColumn: 1, amountColumn: 3 }),
    );
    expect(retried).toMatchObject({ outcome: "imported", rowCount: 12_000, totalMinor: 1_200_000n });
  });

  it("adds nothing when the same rows are imported again, and says when and as which batch", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const first = expectOk(await commitRevenueImport(a.owner.id, slug, input(ORDERS, { skipBadRows: true })));
    const before = await snapshotOrganization(a.organization.id);
    // The same bytes under another name are the same file.
    const again = expectOk(
      await commitRevenueImport(a.owner.id, slug, {
        ...input(ORDERS, { skipBadRows: true }),
        file: file(ORDERS, "orders (1).csv"),
      }),
    );
    expect(again).toMatchObject({
      outcome: "already-imported",
      batchId: first.batchId,
      fileName: "orders.csv",
      importedBy: a.owner.name,
    });
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    // Recognised by content: each of the 3 good rows is already in batch `first`.
    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, input(ORDERS)));
    expect(preview.duplicates).toMatchObject({
      count: 3,
      totalMinor: 131446n,
      batches: [{ batchId: first.batchId, fileName: "orders.csv", importedBy: a.owner.name, rowCount: 3 }],
    });
    expect(preview.duplicates.rows.map((r) => [r.line, r.batchId])).toEqual([
      [2, first.batchId],
      [3, first.batchId],
      [6, first.batchId],
    ]);
    if (again.outcome !== "already-imported") throw new Error("unreachable");
    expect(alreadyImportedMessage(again, "America/New_York")).toMatch(
      new RegExp(
        `^This file was already imported on .+ by ${a.owner.name} as batch ${first.batchId}\\. Nothing was added\\.$`,
      ),
    );
  });

  it("refuses rows in a closed month unless skipped, and the month stays untouched", async () => {
    const a = await createOrganization("Alpha");
    await db.periodClose.create({
      data: { organizationId: a.organization.id, month: monthToDbDate("2026-04"), closedById: a.owner.id },
    });
    const clean = "date,amount\n2026-03-10,50\n2026-04-10,70";
    const preview = expectOk(
      await previewRevenueImport(a.owner.id, a.organization.slug, {
        file: file(clean),
        dateColumn: 0,
        amountColumn: 1,
      }),
    );
    expect(preview.summary.badRows).toEqual([{ line: 3, reason: "Apr 2026 is closed" }]);
    const before = await snapshotOrganization(a.organization.id);
    expectFailure(
      await commitRevenueImport(a.owner.id, a.organization.slug, { file: file(clean), dateColumn: 0, amountColumn: 1 }),
      "VALIDATION",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, {
        file: file(clean),
        dateColumn: 0,
        amountColumn: 1,
        skipBadRows: "on",
      }),
    );
    expect(await monthlyTotals(a.organization.id)).toEqual([{ month: "2026-03", rows: 1, total: 5000n }]);
  });
});

describe("undoImportBatch", () => {
  it("removes exactly that batch's entries, and the file can then be imported again", async () => {
    const a = await createOrganization("Alpha");
    const { organization, owner } = a;
    const first = expectOk(
      await commitRevenueImport(owner.id, organization.slug, input(ORDERS, { skipBadRows: true })),
    );
    const second = expectOk(
      await commitRevenueImport(owner.id, organization.slug, {
        file: file("date,amount\n2026-03-10,50", "more.csv"),
        dateColumn: 0,
        amountColumn: 1,
      }),
    );
    await db.revenueEntry.create({
      data: {
        organizationId: organization.id,
        occurredAt: new Date("2026-03-15T12:00:00Z"),
        amountMinor: 700n,
        source: "MANUAL",
      },
    });
    const undone = expectOk(await undoImportBatch(owner.id, organization.slug, { batchId: first.batchId }));
    expect(undone).toEqual({ batchId: first.batchId, fileName: "orders.csv", rowCount: 3 });
    const left = await db.revenueEntry.findMany({
      where: { organizationId: organization.id },
      orderBy: { amountMinor: "asc" },
    });
    expect(left.map((e) => [e.source, e.importBatchId, e.amountMinor])).toEqual([
      ["MANUAL", null, 700n],
      ["IMPORT", second.batchId, 5000n],
    ]);
    expect(await db.importBatch.count({ where: { organizationId: organization.id } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: organization.id, action: "revenue.importUndone" },
    });
    expect(event.before).toMatchObject({
      id: first.batchId,
      fileName: "orders.csv",
      rowCount: 3,
      totalMinor: "131446",
      months: ["2026-03", "2026-04"],
      skippedLines: [4, 5],
    });
    expectFailure(await undoImportBatch(owner.id, organization.slug, { batchId: first.batchId }), "NOT_FOUND");
    expect(
      expectOk(await commitRevenueImport(owner.id, organization.slug, input(ORDERS, { skipBadRows: true }))),
    ).toMatchObject({ outcome: "imported" });
  });

  it("is refused while any month of the batch is closed", async () => {
    const a = await createOrganization("Alpha");
    const { batchId } = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: true })),
    );
    await db.periodClose.create({ data: { organizationId: a.organization.id, month: monthToDbDate("2026-04") } });
    const before = await snapshotOrganization(a.organization.id);
    const result = await undoImportBatch(a.owner.id, a.organization.slug, { batchId });
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe(
      "Apr 2026 is closed. An owner must reopen it before anything in it can change.",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });
});

describe("listImportBatches", () => {
  it("lists batches newest first with who, totals, skipped rows and the months they touch", async () => {
    const a = await createOrganization("Alpha");
    const { batchId } = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: true })),
    );
    await db.periodClose.create({ data: { organizationId: a.organization.id, month: monthToDbDate("2026-03") } });
    const ctx = await resolveTenant(a.owner.id, a.organization.slug);
    if (!ctx) throw new Error("no tenant");
    expect(await listImportBatches(ctx, a.organization.timeZone)).toEqual([
      expect.objectContaining({
        id: batchId,
        fileName: "orders.csv",
        createdBy: a.owner.name,
        rowCount: 3,
        totalMinor: 131446n,
        roundedCount: 2,
        skipped: [
          { line: 4, reason: 'unparseable date "31/02/2026"' },
          { line: 5, reason: "empty amount" },
        ],
        months: ["2026-03", "2026-04"],
        closedMonths: ["2026-03"],
      }),
    ]);
  });
});

describe("tenant isolation and permissions", () => {
  it("answers not-found to another organization's owner for preview, commit and undo, and changes nothing", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const { batchId } = expectOk(
      await commitRevenueImport(a.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: true })),
    );
    const beforeA = await snapshotOrganization(a.organization.id);
    const beforeB = await snapshotOrganization(b.organization.id);
    expectFailure(await previewRevenueImport(b.owner.id, a.organization.slug, input(ORDERS)), "NOT_FOUND");
    expectFailure(
      await commitRevenueImport(b.owner.id, a.organization.slug, input(ORDERS, { skipBadRows: true })),
      "NOT_FOUND",
    );
    for (const slug of [a.organization.slug, b.organization.slug]) {
      expectFailure(await undoImportBatch(b.owner.id, slug, { batchId }), "NOT_FOUND");
    }
    expect(await snapshotOrganization(a.organization.id)).toEqual(beforeA);
    expect(await snapshotOrganization(b.organization.id)).toEqual(beforeB);
  });

  it("refuses every role without actuals.write, and lets FINANCE import and undo", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const { batchId } = expectOk(await commitRevenueImport(a.owner.id, slug, input(ORDERS, { skipBadRows: true })));
    const other = "date,amount\n2026-05-01,1";
    for (const [role, department] of [
      ["VIEWER", null],
      ["DEPARTMENT_HEAD", a.department("LEGAL").id],
      ["SALES_MANAGER", a.department("SALES").id],
    ] as const) {
      const { user } = await addMember(a.organization.id, role, department);
      const before = await snapshotOrganization(a.organization.id);
      expectFailure(
        await previewRevenueImport(user.id, slug, { file: file(other), dateColumn: 0, amountColumn: 1 }),
        "FORBIDDEN",
      );
      expectFailure(
        await commitRevenueImport(user.id, slug, { file: file(other), dateColumn: 0, amountColumn: 1 }),
        "FORBIDDEN",
      );
      expectFailure(await undoImportBatch(user.id, slug, { batchId }), "FORBIDDEN");
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    }
    const finance = await addMember(a.organization.id, "FINANCE");
    const imported = expectOk(
      await commitRevenueImport(finance.user.id, slug, { file: file(other), dateColumn: 0, amountColumn: 1 }),
    );
    expectOk(await undoImportBatch(finance.user.id, slug, { batchId: imported.batchId }));
    expectFailure(
      await commitRevenueImport(null, slug, { file: file(other), dateColumn: 0, amountColumn: 1 }),
      "UNAUTHENTICATED",
    );
  });
});
