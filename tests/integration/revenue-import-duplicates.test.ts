import { describe, expect, it } from "vitest";
import { monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { commitRevenueImport, previewRevenueImport } from "@/server/revenue/import";
import { listImportBatches } from "@/server/revenue/import-batches";
import { resolveTenant } from "@/server/tenant";
import { createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

// Duplicates by content (DESIGN.md, "Data in and out"): a row's key is its local date, amount,
// reference and occurrence among identical rows, whatever the file's bytes look like. The
// factory's organizations use USD in America/New_York.

const file = (text: string, name = "orders.csv") => new File([text], name, { type: "text/csv" });

// Order ID, Order Date, Customer, Sales: the two A-2 lines are two identical orders.
const ORDERS_ROWS = [
  ["A-1", "2026-03-04", "Acme, Inc.", "100.00"],
  ["A-2", "2026-03-05", "Beta", "25.50"],
  ["A-2", "2026-03-05", "Beta", "25.50"],
  ["A-3", "2026-04-10", "Gamma", "40.00"],
];
const ORDERS = [
  "Order ID,Order Date,Customer,Sales",
  ...ORDERS_ROWS.map(([id, date, customer, sales]) => `${id},${date},"${customer}",${sales}`),
].join("\n");
const ordersInput = (text = ORDERS, extra: Record<string, unknown> = {}) => ({
  file: file(text),
  dateColumn: 1,
  amountColumn: 3,
  referenceColumn: 0,
  customerColumn: 2,
  ...extra,
});

/**
 * The same rows as saved by another program: a byte-order mark, CRLF line endings, every field
 * quoted, the columns in another order and an extra column.
 */
const RESAVED = [
  '\uFEFF"Sales","Region","Order Date","Order ID","Customer"',
  ...ORDERS_ROWS.map(([id, date, customer, sales]) => `"${sales}","East","${date}","${id}","${customer}"`),
  "",
].join("\r\n");
const resavedInput = (extra: Record<string, unknown> = {}) => ({
  file: file(RESAVED, "orders-resaved.csv"),
  dateColumn: 2,
  amountColumn: 0,
  referenceColumn: 3,
  customerColumn: 4,
  ...extra,
});

async function monthlyTotals(organizationId: string) {
  const rows = await db.$queryRaw<{ month: string; rows: bigint; total: bigint }[]>`
    SELECT to_char(date_trunc('month', e."occurredAt" AT TIME ZONE o."timeZone"), 'YYYY-MM') AS month, COUNT(*) AS rows, SUM(e."amountMinor")::bigint AS total
    FROM "RevenueEntry" e JOIN "Organization" o ON o.id = e."organizationId"
    WHERE e."organizationId" = ${organizationId} GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ month: r.month, rows: Number(r.rows), total: BigInt(r.total) }));
}

// March: 100.00 + 25.50 + 25.50 = 151.00; April: 40.00.
const ORIGINAL_TOTALS = [
  { month: "2026-03", rows: 3, total: 15100n },
  { month: "2026-04", rows: 1, total: 4000n },
];

describe("revenue duplicates by content", () => {
  it("a re-saved copy (BOM, CRLF, quoting, reordered and extra columns) is previewed as already imported row by row, and adds nothing", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const first = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
    if (first.outcome !== "imported") throw new Error("expected an import");
    expect(first).toMatchObject({
      rowCount: 4,
      totalMinor: 19100n,
      duplicateCount: 0,
      duplicatesImported: false,
      replaced: null,
    });

    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, resavedInput()));
    expect(preview.summary.acceptedCount).toBe(4);
    expect(preview.duplicates).toMatchObject({
      count: 4,
      totalMinor: 19100n,
      batches: [{ batchId: first.batchId, fileName: "orders.csv", importedBy: a.owner.name, rowCount: 4 }],
    });
    expect(preview.duplicates.rows.map((r) => [r.line, r.date, r.amountMinor, r.reference, r.batchId])).toEqual([
      [2, "2026-03-04", 10000n, "A-1", first.batchId],
      [3, "2026-03-05", 2550n, "A-2", first.batchId],
      [4, "2026-03-05", 2550n, "A-2", first.batchId],
      [5, "2026-04-10", 4000n, "A-3", first.batchId],
    ]);
    expect(preview.duplicates.months).toEqual([
      { month: "2026-03", rowCount: 3, totalMinor: 15100n },
      { month: "2026-04", rowCount: 1, totalMinor: 4000n },
    ]);

    const before = await snapshotOrganization(a.organization.id);
    const again = expectOk(await commitRevenueImport(a.owner.id, slug, resavedInput()));
    expect(again).toMatchObject({
      outcome: "already-imported",
      batchId: first.batchId,
      fileName: "orders.csv",
      importedBy: a.owner.name,
    });
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    expect(await monthlyTotals(a.organization.id)).toEqual(ORIGINAL_TOTALS);
  });

  // Each change on its own, so a key that depended on any one of them would show which.
  const lines = (rows: string[][]) => rows.map((cells) => cells.join(","));
  const quoted = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`);
  const header = ["Order ID", "Order Date", "Customer", "Sales"];
  const VARIANTS: [string, string, Record<string, number>][] = [
    ["CRLF line endings", `${ORDERS.replace(/\n/g, "\r\n")}\r\n`, {}],
    ["every field re-quoted", lines([quoted(header), ...ORDERS_ROWS.map(quoted)]).join("\n"), {}],
    ["a byte-order mark", `\uFEFF${ORDERS}`, {}],
    [
      "columns reordered",
      lines([
        ["Sales", "Customer", "Order Date", "Order ID"],
        ...ORDERS_ROWS.map(([id, date, customer, sales]) => [
          sales ?? "",
          quoted([customer ?? ""])[0] ?? "",
          date ?? "",
          id ?? "",
        ]),
      ]).join("\n"),
      { dateColumn: 2, amountColumn: 0, referenceColumn: 3, customerColumn: 1 },
    ],
    [
      "an extra column",
      lines([[...header, "Region"], ...ORDERS_ROWS.map((r) => [...quoted(r), "East"])]).join("\n"),
      {},
    ],
    [
      "amounts written differently (100 vs 100.00, 25.5 vs 25.50)",
      ORDERS.replace(",100.00", ",100").replace(",25.50\nA-3", ",25.5\nA-3"),
      {},
    ],
  ];
  for (const [name, text, columns] of VARIANTS) {
    it(`a copy with ${name} is all already imported and adds nothing`, async () => {
      const a = await createOrganization("Alpha");
      const slug = a.organization.slug;
      const first = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
      const copy = { ...ordersInput(text), ...columns };
      const preview = expectOk(await previewRevenueImport(a.owner.id, slug, copy));
      expect(preview.summary.acceptedCount).toBe(4);
      expect(preview.duplicates).toMatchObject({ count: 4, batches: [{ batchId: first.batchId, rowCount: 4 }] });
      const before = await snapshotOrganization(a.organization.id);
      expect(expectOk(await commitRevenueImport(a.owner.id, slug, copy))).toMatchObject({
        outcome: "already-imported",
        batchId: first.batchId,
      });
      expect(await snapshotOrganization(a.organization.id)).toEqual(before);
    });
  }

  it("imports the already imported rows only when the user says so, and records that on the batch", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
    // The byte-identical file too: the content rule decides, and the user may override it.
    const anyway = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput(ORDERS, { duplicates: "import" })));
    expect(anyway).toMatchObject({ outcome: "imported", rowCount: 4, duplicateCount: 4, duplicatesImported: true });
    if (anyway.outcome !== "imported") throw new Error("expected an import");
    expect(
      await db.importBatch.findFirstOrThrow({ where: { organizationId: a.organization.id, id: anyway.batchId } }),
    ).toMatchObject({ duplicateCount: 4, duplicatesImported: true, rowCount: 4 });
    expect(await monthlyTotals(a.organization.id)).toEqual([
      { month: "2026-03", rows: 6, total: 30200n },
      { month: "2026-04", rows: 2, total: 8000n },
    ]);
    // Now every key is there twice: a third copy is again all duplicates (occurrences 1..2 of each).
    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, resavedInput()));
    expect(preview.duplicates.count).toBe(4);
  });

  it("a repeated identical line is two rows, not a duplicate; re-importing skips both, and a third copy of the line is new", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, ordersInput()));
    expect(preview.duplicates.count).toBe(0);
    expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
    expect(await db.revenueEntry.count({ where: { organizationId: a.organization.id, reference: "A-2" } })).toBe(2);
    const three = `${ORDERS}\nA-2,2026-03-05,Beta,25.50`;
    const again = expectOk(await previewRevenueImport(a.owner.id, slug, ordersInput(three)));
    expect(again.duplicates.count).toBe(4);
    expect(again.duplicates.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    const committed = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput(three)));
    expect(committed).toMatchObject({ outcome: "imported", rowCount: 1, totalMinor: 2550n, duplicateCount: 4 });
    expect(
      await db.revenueEntry.findMany({
        where: { organizationId: a.organization.id, importBatchId: committed.batchId },
        select: { importLine: true },
      }),
    ).toEqual([{ importLine: 6 }]);
  });

  it("an overlapping export (rows 1–100, then rows 50–150) adds only rows 101–150, and the months count each order once", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    // Order i: reference O-i, in January (i ≤ 75) or February 2026, amount (i × 100 + 37) cents.
    const line = (i: number) =>
      `O-${i},2026-0${i <= 75 ? 1 : 2}-${String((i % 28) + 1).padStart(2, "0")},C${i},${i}.37`;
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => line(from + k));
    const header = "Order ID,Order Date,Customer,Sales";
    expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput([header, ...range(1, 100)].join("\n"))));
    const overlap = [header, ...range(50, 150)].join("\n");
    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, ordersInput(overlap)));
    // Rows 50..100 are 51 rows: Σ(i × 100 + 37) = 100 × (50+…+100) + 37 × 51 = 100 × 3825 + 1887 = 384387.
    expect(preview.duplicates).toMatchObject({ count: 51, totalMinor: 384387n });
    const committed = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput(overlap)));
    // Rows 101..150: 100 × 6275 + 37 × 50 = 629350.
    expect(committed).toMatchObject({ outcome: "imported", rowCount: 50, totalMinor: 629350n, duplicateCount: 51 });
    // January: i = 1..75: 100 × 2850 + 37 × 75 = 287775; February: i = 76..150: 100 × 8475 + 37 × 75 = 850275.
    expect(await monthlyTotals(a.organization.id)).toEqual([
      { month: "2026-01", rows: 75, total: 287775n },
      { month: "2026-02", rows: 75, total: 850275n },
    ]);
  });

  it("a corrected file replaces an earlier batch in one commit: the totals change by exactly the corrections", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const first = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
    // A-1 corrected from 100.00 to 112.25 (+12.25 in March); a new order A-4 of 7.75 in April.
    const corrected = `${ORDERS.replace('A-1,2026-03-04,"Acme, Inc.",100.00', 'A-1,2026-03-04,"Acme, Inc.",112.25')}\nA-4,2026-04-20,Delta,7.75`;
    const replaceInput = {
      ...ordersInput(corrected),
      file: file(corrected, "orders-corrected.csv"),
      replaceBatchId: first.batchId,
    };
    const preview = expectOk(await previewRevenueImport(a.owner.id, slug, replaceInput));
    // Compared without the batch it replaces, nothing of the file is a duplicate.
    expect(preview.duplicates.count).toBe(0);
    // Without replacing, 3 of its rows (A-2 twice, A-3) are already imported.
    expect(expectOk(await previewRevenueImport(a.owner.id, slug, ordersInput(corrected))).duplicates.count).toBe(3);

    const replaced = expectOk(await commitRevenueImport(a.owner.id, slug, replaceInput));
    expect(replaced).toMatchObject({
      outcome: "imported",
      rowCount: 5,
      totalMinor: 21100n,
      duplicateCount: 0,
      replaced: { batchId: first.batchId, fileName: "orders.csv", rowCount: 4 },
    });
    expect(await monthlyTotals(a.organization.id)).toEqual([
      { month: "2026-03", rows: 3, total: 16325n },
      { month: "2026-04", rows: 2, total: 4775n },
    ]);
    expect(
      await db.importBatch.findMany({ where: { organizationId: a.organization.id }, select: { fileName: true } }),
    ).toEqual([{ fileName: "orders-corrected.csv" }]);
    const events = await db.auditEvent.findMany({
      where: { organizationId: a.organization.id, action: { in: ["revenue.importReplaced", "revenue.imported"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["revenue.imported", first.batchId],
      ["revenue.importReplaced", first.batchId],
      ["revenue.imported", replaced.batchId],
    ]);
    expect(events[2]?.after).toMatchObject({ replacesBatchId: first.batchId, rowCount: 5 });
  });

  it("a replace is all or nothing: refused while a month of the replaced batch is closed, and nothing changes", async () => {
    const a = await createOrganization("Alpha");
    const slug = a.organization.slug;
    const first = expectOk(await commitRevenueImport(a.owner.id, slug, ordersInput()));
    await db.periodClose.create({ data: { organizationId: a.organization.id, month: monthToDbDate("2026-04") } });
    const onlyMarch = "Order ID,Order Date,Customer,Sales\nA-1,2026-03-04,Acme,90.00";
    const before = await snapshotOrganization(a.organization.id);
    const result = await commitRevenueImport(a.owner.id, slug, {
      ...ordersInput(onlyMarch),
      replaceBatchId: first.batchId,
    });
    expectFailure(result, "CONFLICT");
    expect(!result.ok && result.message).toBe(
      "Apr 2026 is closed. An owner must reopen it before anything in it can change.",
    );
    expect(await snapshotOrganization(a.organization.id)).toEqual(before);
  });

  it("another organization importing the same file sees no duplicates and none of the first one's batches, and cannot replace them", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const first = expectOk(await commitRevenueImport(a.owner.id, a.organization.slug, ordersInput()));
    const beforeA = await snapshotOrganization(a.organization.id);
    const preview = expectOk(await previewRevenueImport(b.owner.id, b.organization.slug, ordersInput()));
    expect(preview.duplicates).toMatchObject({ count: 0, batches: [], rows: [] });
    expectFailure(
      await previewRevenueImport(b.owner.id, b.organization.slug, { ...ordersInput(), replaceBatchId: first.batchId }),
      "NOT_FOUND",
    );
    const beforeB = await snapshotOrganization(b.organization.id);
    expectFailure(
      await commitRevenueImport(b.owner.id, b.organization.slug, { ...ordersInput(), replaceBatchId: first.batchId }),
      "NOT_FOUND",
    );
    expect(await snapshotOrganization(b.organization.id)).toEqual(beforeB);
    const own = expectOk(await commitRevenueImport(b.owner.id, b.organization.slug, ordersInput()));
    expect(own).toMatchObject({ outcome: "imported", rowCount: 4, duplicateCount: 0 });
    const ctxB = await resolveTenant(b.owner.id, b.organization.slug);
    if (!ctxB) throw new Error("no tenant");
    expect((await listImportBatches(ctxB, "America/New_York")).map((x) => x.id)).toEqual([own.batchId]);
    expect(await snapshotOrganization(a.organization.id)).toEqual(beforeA);
    expect(await monthlyTotals(b.organization.id)).toEqual(ORIGINAL_TOTALS);
  });
});
