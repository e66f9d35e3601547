import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { formMessage } from "./support/helpers";
import {
  ORG_TIME_ZONE,
  batchRow,
  chooseImportFile,
  commitCard,
  expectTableRows,
  expectedMonthRows,
  fixture,
  gridActual,
  importsCard,
  mapAndCheck,
  mappingCard,
  monthLabelOf,
  openRevenue,
  signUpRevenueOwner,
  usd,
} from "./support/revenue";

// Duplicates by content (DESIGN.md "Data in and out"): a retail order export, its re-saved copy
// (BOM, CRLF, every field quoted, columns reordered, an extra column) and a corrected copy
// (e2e/fixtures/make-retail-orders.py; sums computed there with Python Decimal).

test.use({ timezoneId: ORG_TIME_ZONE });

type TSummary = {
  file: string;
  rows: number;
  totalMinor: number;
  months: { month: string; rows: number; totalMinor: number }[];
};
const EXPECTED = JSON.parse(readFileSync(fixture("retail-orders.expected.json"), "utf8")) as {
  columns: { date: string; amount: string; reference: string; customer: string };
  original: TSummary;
  resaved: TSummary;
  corrected: TSummary & { alreadyImported: number; new: number };
  corrections: { date: string; deltaMinor: number }[];
};
const { original, resaved, corrected } = EXPECTED;
const MAPPING = { date: EXPECTED.columns.date, amount: EXPECTED.columns.amount, reference: EXPECTED.columns.reference };
const n = (count: number) => count.toLocaleString("en-US");
const asFile = (s: TSummary) => ({ ...s, acceptedRows: s.rows, badRows: [], dataRows: s.rows, roundedRows: 0 });

async function expectQ1Actuals(page: Page, months: TSummary["months"]) {
  for (const m of months) await expect(gridActual(page, monthLabelOf(m.month)), m.month).toHaveText(usd(m.totalMinor));
}

test("a re-saved copy adds nothing, and a corrected file replaces the batch: the months change by exactly the corrections", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const owner = await signUpRevenueOwner(page, "Dupes");

  // 1. The export, with its columns guessed ("Sales" is the amount).
  const mapping = await chooseImportFile(page, owner.slug, original.file);
  await expect(mapping.getByLabel("Date column").locator("option:checked")).toHaveText(MAPPING.date);
  await expect(mapping.getByLabel("Amount column").locator("option:checked")).toHaveText(MAPPING.amount);
  await expect(mapping.getByLabel("Reference column").locator("option:checked")).toHaveText(MAPPING.reference);
  let preview = await mapAndCheck(page, MAPPING);
  await expect(preview.getByTestId("import-duplicates-summary")).toHaveCount(0);
  await preview.getByRole("button", { name: `Import ${n(original.rows)} rows` }).click();
  const done = formMessage(
    commitCard(page),
    `Imported ${n(original.rows)} rows totalling ${usd(original.totalMinor)} as batch `,
  );
  await expect(done).toBeVisible({ timeout: 60_000 });
  const batchId = /as batch (\S+?)\.(?:\s|$)/.exec((await done.textContent()) ?? "")?.[1] ?? "";
  expect(batchId).not.toBe("");

  // 2. The re-saved copy: every row is already imported, in batch 1, month by month.
  await chooseImportFile(page, owner.slug, resaved.file);
  preview = await mapAndCheck(page, MAPPING);
  await expect(preview.getByTestId("import-duplicates-summary")).toHaveText(
    `0 new rows, ${n(resaved.rows)} already imported.`,
  );
  await expect(preview.getByText(`${n(resaved.rows)} rows in batch ${batchId} (${original.file}, `)).toBeVisible();
  const already = Object.fromEntries(resaved.months.map((m) => [m.month, m.rows]));
  await expectTableRows(
    page.getByRole("table", { name: "Rows to import per month" }),
    expectedMonthRows(asFile(resaved), already),
  );
  await preview.getByText(/^The first 1,000 rows already imported$/).click();
  await expect(
    preview
      .getByRole("row")
      .filter({ hasText: `batch ${batchId}, ${original.file}` })
      .first(),
  ).toBeVisible();
  await expect(preview.getByRole("radio", { name: /^Skip the 2,405 rows already imported/ })).toBeChecked();
  await preview.getByRole("button", { name: "Import 0 new rows" }).click();
  await expect(
    formMessage(
      commitCard(page),
      new RegExp(`^This file was already imported on .+ by ${owner.name} as batch ${batchId}\\. Nothing was added\\.$`),
    ),
  ).toBeVisible({ timeout: 60_000 });
  await openRevenue(page, owner.slug);
  await expect(importsCard(page).locator("tbody tr")).toHaveCount(1);
  await expectQ1Actuals(page, original.months);

  // 3. The corrected copy replaces batch 1 in one step.
  await chooseImportFile(page, owner.slug, corrected.file);
  preview = await mapAndCheck(page, MAPPING);
  await expect(preview.getByTestId("import-duplicates-summary")).toHaveText(
    `${n(corrected.new)} new rows, ${n(corrected.alreadyImported)} already imported.`,
  );
  await preview.getByRole("radio", { name: "This is a corrected file: replace the batch" }).check();
  await expect(preview.getByLabel("Batch to replace").locator("option:checked")).toContainText(`${original.file} · `);
  await preview.getByRole("button", { name: "Replace the batch with this file" }).click();
  await expect(
    formMessage(
      commitCard(page),
      `Replaced batch ${batchId} (${original.file}, ${n(original.rows)} rows removed). Imported ${n(corrected.rows)} rows totalling ${usd(corrected.totalMinor)} as batch `,
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(mappingCard(page)).toHaveCount(0);

  await openRevenue(page, owner.slug);
  await expect(importsCard(page).locator("tbody tr")).toHaveCount(1);
  await expect(batchRow(page, corrected.file)).toBeVisible();
  await expect(batchRow(page, original.file)).toHaveCount(0);
  // Each month moved by exactly its corrections (the corrected months are the original plus the deltas).
  for (const m of original.months) {
    const delta = EXPECTED.corrections
      .filter((c) => Number(c.date.split("/")[0]) === Number(m.month.slice(5)))
      .reduce((a, c) => a + c.deltaMinor, 0);
    const want = corrected.months.find((c) => c.month === m.month)?.totalMinor;
    expect(want, m.month).toBe(m.totalMinor + delta);
  }
  await expectQ1Actuals(page, corrected.months);
});
