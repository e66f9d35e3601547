import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, formMessage, signIn, uniqueId, visit } from "./support/helpers";
import { createDemoKpis, storedKpiValues, type TKpiSpec } from "./support/kpi";
import { commitCard, expectTableRows, mappingCard, previewCard } from "./support/revenue";
import { shot } from "./support/screenshots";

// The Marketing head imports a month's KPI values from a CSV file: the check names the bad rows by
// line and reason, the fixed file is imported with its one closed-month row explicitly skipped, the
// values are stored, and the same file a second time adds nothing.
//
// Acme (seeded) is in America/New_York; every month before last month is closed, so the file names
// this month, last month (open) and the month three back (closed), computed from today.

const ORG_ZONE = "America/New_York";
test.use({ timezoneId: ORG_ZONE });

const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The month `offset` months from today's, in Acme's zone: its key and labels. */
function monthFromNow(offset: number) {
  const [year = 0, month = 0] = new Intl.DateTimeFormat("en-CA", {
    timeZone: ORG_ZONE,
    year: "numeric",
    month: "2-digit",
  })
    .format(new Date())
    .split("-")
    .map(Number);
  const index = year * 12 + (month - 1) + offset;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return { key: `${y}-${String(m).padStart(2, "0")}`, label: `${MONTH_SHORT[m - 1]} ${y}` };
}

const id = uniqueId();
const SIGNUPS = `Webinar signups ${id}`;
const RESPONSE = `Lead response time ${id}`;
const KPIS: TKpiSpec[] = [
  { name: SIGNUPS, unit: "COUNT", direction: "HIGHER_IS_BETTER", target: "150" },
  { name: RESPONSE, unit: "DAYS", direction: "LOWER_IS_BETTER", target: "2" },
];

const [thisMonth, lastMonth, closedMonth] = [monthFromNow(0), monthFromNow(-1), monthFromNow(-3)];

/** Writes a CSV into this test's output folder and returns its path. */
function csvFile(dir: string, name: string, lines: string[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

const rows = (responseName: string) => [
  "KPI,Month,Value",
  `${SIGNUPS},${lastMonth.key},180`, // line 2
  `${SIGNUPS},${thisMonth.label},"1,204"`, // line 3: the month by name, the value with a thousands separator
  `${RESPONSE},${lastMonth.key}-15,2.5`, // line 4: a date, of which the month counts
  `${responseName},${thisMonth.key},1.75`, // line 5
  `${SIGNUPS},${closedMonth.key},150`, // line 6: a closed month
];

const valuesTable = (page: Page) => page.getByRole("table", { name: "Values to import" });
const badRowsTable = (page: Page) => page.getByRole("table", { name: "Rows that cannot be imported" });

async function chooseFile(page: Page, file: string) {
  await page.getByLabel("CSV file").setInputFiles(file);
  const mapping = mappingCard(page);
  await expect(mapping).toBeVisible();
  return mapping;
}

async function check(mapping: Locator, page: Page) {
  await mapping.getByRole("button", { name: "Check the file" }).click();
  const preview = previewCard(page);
  await expect(preview).toBeVisible();
  return preview;
}

test("the Marketing head imports KPI values: bad rows named, fixed, one skipped, then stored once", async ({
  page,
}, testInfo) => {
  // Three trips to the database through tsx (a few seconds each on a busy machine) on top of the journey.
  test.setTimeout(120_000);
  const { departmentId } = createDemoKpis("Marketing", KPIS);
  const importUrl = `/o/${DEMO_ORG.slug}/departments/${departmentId}/import`;
  const dir = testInfo.outputPath("files");
  const withTypo = csvFile(dir, "marketing-kpis.csv", rows(`Lead responce time ${id}`));
  const fixed = csvFile(dir, "marketing-kpis-fixed.csv", rows(RESPONSE));

  await signIn(page, DEMO.head);
  await visit(page, importUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Import KPI values" })).toBeVisible();
  // The KPIs the file may name, with how their values are written.
  const kpiList = page.getByRole("table", { name: "The department's KPIs" });
  await expect(kpiList.getByRole("row", { name: new RegExp(SIGNUPS) }).getByRole("cell")).toHaveText([
    "Count",
    "1250",
    "150",
  ]);
  await expect(kpiList.getByRole("row", { name: new RegExp(RESPONSE) }).getByRole("cell")).toHaveText([
    "Days",
    "4.5",
    "2 days",
  ]);

  // 1–2. The columns are guessed from the header.
  let mapping = await chooseFile(page, withTypo);
  await expect(mapping.getByText("5 rows found.")).toBeVisible();
  await expect(mapping.getByLabel("KPI column").locator("option:checked")).toHaveText("KPI");
  await expect(mapping.getByLabel("Month column").locator("option:checked")).toHaveText("Month");
  await expect(mapping.getByLabel("Value column").locator("option:checked")).toHaveText("Value");
  // Months written as 2026-03 or by name need no date format: the choice is not offered.
  await expect(mapping.getByLabel("Dates in the month column")).toHaveCount(0);
  await shot(page, "kpi-import-mapping-1440");
  let preview = await check(mapping, page);

  // 3. Every value as read, and every bad row by line and reason; nothing can be imported yet.
  await expect(preview.getByText("marketing-kpis.csv: 5 rows.")).toBeVisible();
  await expect(preview.getByTestId("kpi-import-counts")).toHaveText(
    `3 values for ${lastMonth.label} – ${thisMonth.label}: 3 new.`,
  );
  await expectTableRows(valuesTable(page), [
    ["2", SIGNUPS, lastMonth.label, "180", "—no value yet", "new"],
    ["3", SIGNUPS, thisMonth.label, "1,204", "—no value yet", "new"],
    ["4", RESPONSE, lastMonth.label, "2.5 days", "—no value yet", "new"],
  ]);
  await expect(preview.getByRole("heading", { name: "2 rows cannot be imported" })).toBeVisible();
  await expectTableRows(badRowsTable(page), [
    ["5", `unknown KPI "Lead responce time ${id}": not an active KPI of Marketing`],
    ["6", `${closedMonth.label} is closed`],
  ]);
  await expect(preview.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "kpi-import-preview-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, "kpi-import-preview-1440");

  // The head fixes the KPI's name in the file and chooses it again; the closed month stays.
  await preview.getByRole("button", { name: "Change the mapping" }).click();
  await page.getByRole("button", { name: "choose another" }).click();
  mapping = await chooseFile(page, fixed);
  preview = await check(mapping, page);
  await expect(preview.getByTestId("kpi-import-counts")).toHaveText(
    `4 values for ${lastMonth.label} – ${thisMonth.label}: 4 new.`,
  );
  await expect(valuesTable(page).locator("tbody tr").nth(3).locator("th, td")).toHaveText([
    "5",
    RESPONSE,
    thisMonth.label,
    "1.75 days",
    "—no value yet",
    "new",
  ]);
  await expectTableRows(badRowsTable(page), [["6", `${closedMonth.label} is closed`]]);
  const importButton = preview.getByRole("button", { name: "Import 4 rows" });
  await expect(importButton).toBeDisabled();
  await preview.getByRole("checkbox", { name: "Skip this row and import the rest" }).check();
  await importButton.click();

  // 4. Imported: the values are stored with the batch; the closed month is untouched.
  const done = formMessage(
    commitCard(page),
    `Imported 4 values for Marketing (${lastMonth.label} – ${thisMonth.label}) as batch `,
  );
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toContainText(": 4 new. 1 skipped line is recorded with it.");
  const batchId = /as batch (\S+?):/.exec((await done.textContent()) ?? "")?.[1];
  expect(batchId, "the batch id in the success message").toBeTruthy();
  await shot(page, "kpi-import-done-1440");
  expect(storedKpiValues("Marketing", KPIS)).toEqual([
    [RESPONSE, lastMonth.key, "250", true],
    [RESPONSE, thisMonth.key, "175", true],
    [SIGNUPS, lastMonth.key, "18000", true],
    [SIGNUPS, thisMonth.key, "120400", true],
  ]);

  // The scorecard shows this month's values (its default period is the fiscal year: name the month).
  await commitCard(page).getByRole("link", { name: "Back to the Marketing scorecard" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/departments/${departmentId}`);
  await visit(page, `/o/${DEMO_ORG.slug}/departments/${departmentId}?period=m-${thisMonth.key}`);
  const kpiTable = page.getByTestId("kpi-table");
  await expect(kpiTable.getByRole("row", { name: new RegExp(SIGNUPS) })).toContainText("1,204");
  await expect(kpiTable.getByRole("row", { name: new RegExp(RESPONSE) })).toContainText("1.75 days");

  // The same file again: already imported, by whom; nothing can be added a second time.
  await visit(page, importUrl);
  preview = await check(await chooseFile(page, fixed), page);
  await expect(
    formMessage(
      preview,
      new RegExp(`^This file was already imported on .+ by Marco Rossi as batch ${batchId}\\. Nothing was added\\.$`),
    ),
  ).toBeVisible();
  await expect(preview.getByTestId("kpi-import-counts")).toHaveText(
    `4 values for ${lastMonth.label} – ${thisMonth.label}: 4 the same as now (not written again).`,
  );
  await expect(preview.getByRole("button", { name: "Import 4 rows" })).toBeDisabled();
  expect(storedKpiValues("Marketing", KPIS)).toHaveLength(4);
});

test("only writers of the department reach its import; another department's head is not allowed", async ({ page }) => {
  const { departmentId } = createDemoKpis("Marketing", [
    { name: `Press mentions ${uniqueId()}`, unit: "COUNT", direction: "HIGHER_IS_BETTER", target: "10" },
  ]);
  await signIn(page, DEMO.sales);
  await visit(page, `/o/${DEMO_ORG.slug}/departments/${departmentId}/import`);
  const refusal = page.getByRole("region", { name: "Not allowed" });
  await expect(refusal.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(refusal).toContainText(
    "Your role here is Sales manager. Only owners and the head of Marketing can import Marketing's KPI values.",
  );
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
  const response = await page.goto(`/o/${DEMO_ORG.slug}/departments/no-such-department/import`);
  expect(response?.status()).toBe(404);
  // Inside the organization: the 404 keeps the app's header.
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
});
