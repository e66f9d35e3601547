import { expect, test, type Page } from "@playwright/test";
import { formMessage } from "./support/helpers";
import {
  EXPECTED,
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
  todayInOrgZone,
  usd,
} from "./support/revenue";

test.use({ timezoneId: ORG_TIME_ZONE });

const DAY_FIRST = "Day first (04/03/2026 = 4 March)";
const { withBadRows: bad, fixed } = EXPECTED;
const monthsTable = (page: Page) => page.getByRole("table", { name: "Rows to import per month" });
const badRowsTable = (page: Page) => page.getByRole("table", { name: "Rows that cannot be imported" });

/** The revenue grid's actuals for Jan–Mar 2026. */
async function expectQ1Actuals(page: Page, months: { month: string; totalMinor: number }[] | "zero") {
  const labels = ["Jan 2026", "Feb 2026", "Mar 2026"];
  for (const label of labels) {
    const month = months === "zero" ? undefined : months.find((m) => monthLabelOf(m.month) === label);
    await expect(gridActual(page, label), label).toHaveText(usd(month?.totalMinor ?? 0));
  }
}

test("bad rows are named by line, the fixed file imports once, and undo takes it all back", async ({ page }) => {
  const owner = await signUpRevenueOwner(page, "Import");

  // 1–2. The export with three bad rows: its columns mapped; the day-first dates are detected.
  const mapping = await chooseImportFile(page, owner.slug, bad.file);
  await expect(page.getByText(`File: ${bad.file}`)).toBeVisible();
  await expect(mapping.getByText(`${bad.dataRows} rows found.`)).toBeVisible();
  await expect(mapping.getByLabel("Date format").locator("option:checked")).toHaveText(`Detected: ${DAY_FIRST}`);
  let preview = await mapAndCheck(page);

  // 3. The check: rows and amounts per month of what could be imported, the rounded amounts, and
  // every bad row by line and reason. Nothing can be imported until the file is fixed or the bad
  // rows are explicitly skipped.
  await expect(
    preview.getByText(`${bad.file}: ${bad.dataRows} rows. Dates read as ${DAY_FIRST}, detected.`),
  ).toBeVisible();
  await expectTableRows(monthsTable(page), expectedMonthRows(bad));
  await expect(
    preview.getByText(
      `${bad.roundedRows} amounts had more decimals than USD and were rounded half away from zero, row by row.`,
    ),
  ).toBeVisible();
  await expect(preview.getByRole("heading", { name: `${bad.badRows.length} rows cannot be imported` })).toBeVisible();
  await expectTableRows(
    badRowsTable(page),
    bad.badRows.map((r) => [String(r.line), r.reason]),
  );
  await expect(preview.getByRole("button", { name: `Import ${bad.acceptedRows} rows` })).toBeDisabled();
  await expect(
    preview.getByRole("checkbox", { name: `Skip these ${bad.badRows.length} rows and import the rest` }),
  ).not.toBeChecked();

  // The user fixes the file and chooses it again.
  await preview.getByRole("button", { name: "Change the mapping" }).click();
  await page.getByRole("button", { name: "choose another" }).click();
  await page.getByLabel("CSV file").setInputFiles(fixture(fixed.file));
  await expect(page.getByText(`File: ${fixed.file}`)).toBeVisible();
  preview = await mapAndCheck(page);
  await expect(
    preview.getByText(`${fixed.file}: ${fixed.dataRows} rows. Dates read as ${DAY_FIRST}, detected.`),
  ).toBeVisible();
  // Jan $3,259.49 (12 rows), Feb $4,231.55 (12), Mar $6,283.02 (15); 39 rows, $13,774.06.
  await expectTableRows(monthsTable(page), expectedMonthRows(fixed));
  await expect(
    preview.getByText(`${fixed.roundedRows} amounts had more decimals than USD and were rounded`),
  ).toBeVisible();
  await expect(preview.getByRole("heading", { name: /cannot be imported/ })).toHaveCount(0);

  // 4. Import.
  await preview.getByRole("button", { name: `Import ${fixed.acceptedRows} rows` }).click();
  const done = formMessage(
    commitCard(page),
    `Imported ${fixed.acceptedRows} rows totalling ${usd(fixed.totalMinor)} as batch `,
  );
  await expect(done).toBeVisible({ timeout: 30_000 });
  const batchId = /as batch (\S+?)\.$/.exec(((await done.textContent()) ?? "").trim())?.[1];
  expect(batchId, "the batch id in the success message").toBeTruthy();

  // The batch on the revenue page: its months, row count and total; nothing skipped.
  await commitCard(page).getByRole("link", { name: "Back to revenue" }).click();
  await expect(page).toHaveURL(`/o/${owner.slug}/revenue`);
  await openRevenue(page, owner.slug);
  const batch = batchRow(page, fixed.file);
  await expect(batch.getByRole("cell")).toHaveText([
    fixed.file,
    new RegExp(`^${todayInOrgZone()}, \\d{1,2}:\\d{2}\\s[AP]M${owner.name}$`),
    "Jan 2026 – Mar 2026",
    String(fixed.acceptedRows),
    usd(fixed.totalMinor),
    "none",
    "none",
    "Undo",
  ]);
  await expect(importsCard(page).locator("tbody tr")).toHaveCount(1);
  await expectQ1Actuals(page, fixed.months);

  // The same file again: every row is recognised as already imported (by content, row by row), and
  // committing adds nothing and says so.
  await chooseImportFile(page, owner.slug, fixed.file);
  preview = await mapAndCheck(page);
  await expect(preview.getByTestId("import-duplicates-summary")).toHaveText(
    `0 new rows, ${fixed.acceptedRows} already imported.`,
  );
  await expect(preview.getByText(`${fixed.acceptedRows} rows in batch ${batchId} (${fixed.file}, `)).toBeVisible();
  await preview.getByRole("button", { name: "Import 0 new rows" }).click();
  await expect(
    formMessage(
      commitCard(page),
      new RegExp(`^This file was already imported on .+ by ${owner.name} as batch ${batchId}\\. Nothing was added\\.$`),
    ),
  ).toBeVisible({ timeout: 30_000 });
  await openRevenue(page, owner.slug);
  await expect(importsCard(page).locator("tbody tr")).toHaveCount(1);
  await expectQ1Actuals(page, fixed.months);

  // Undo asks once more, then removes every row of the batch.
  await batch.getByRole("button", { name: `Undo the import of ${fixed.file}` }).click();
  await batch.getByRole("button", { name: `Confirm: remove the ${fixed.acceptedRows} rows of ${fixed.file}` }).click();
  await expect(importsCard(page).getByText("No imports yet.")).toBeVisible();
  await expect(importsCard(page).getByRole("status")).toHaveText(
    `Import of ${fixed.file} undone: ${fixed.acceptedRows} rows removed.`,
  );
  await expectQ1Actuals(page, "zero");
  await expect(page.getByText("No revenue recorded yet.")).toBeVisible();
});

test("a user who explicitly skips the bad rows imports the rest, and the batch records the skipped lines", async ({
  page,
}) => {
  const owner = await signUpRevenueOwner(page, "Skip");
  await chooseImportFile(page, owner.slug, bad.file);
  // The date format chosen by hand this time, rather than the detected one.
  const preview = await mapAndCheck(page, {
    date: EXPECTED.columns.date,
    amount: EXPECTED.columns.amount,
    reference: EXPECTED.columns.reference,
    dateFormat: DAY_FIRST,
  });
  await expect(preview.getByText(`${bad.file}: ${bad.dataRows} rows. Dates read as ${DAY_FIRST}.`)).toBeVisible();
  await expectTableRows(
    badRowsTable(page),
    bad.badRows.map((r) => [String(r.line), r.reason]),
  );
  const importButton = preview.getByRole("button", { name: `Import ${bad.acceptedRows} rows` });
  await expect(importButton).toBeDisabled();
  await preview.getByRole("checkbox", { name: `Skip these ${bad.badRows.length} rows and import the rest` }).check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(
    formMessage(commitCard(page), `Imported ${bad.acceptedRows} rows totalling ${usd(bad.totalMinor)} as batch `),
  ).toContainText(`${bad.badRows.length} skipped lines are recorded with it.`, { timeout: 30_000 });
  await expect(mappingCard(page)).toHaveCount(0);

  await openRevenue(page, owner.slug);
  const batch = batchRow(page, bad.file);
  await expect(batch.getByRole("cell").nth(3)).toHaveText(String(bad.acceptedRows));
  await expect(batch.getByRole("cell").nth(4)).toHaveText(usd(bad.totalMinor));
  await expect(batch.getByRole("cell").nth(5)).toHaveText("none");
  const skipped = batch.getByRole("cell").nth(6);
  await expect(skipped.getByRole("listitem").first()).toBeHidden();
  await skipped.getByText(`${bad.badRows.length} skipped`, { exact: true }).click();
  await expect(skipped.getByRole("listitem")).toHaveText(bad.badRows.map((r) => `line ${r.line}: ${r.reason}`));
  // Jan $3,259.49, Feb $2,882.55, Mar $6,213.02: the three bad lines are not in the actuals.
  await expectQ1Actuals(page, bad.months);
});
