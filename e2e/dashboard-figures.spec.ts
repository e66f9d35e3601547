import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { formMessage, visit } from "./support/helpers";
import {
  EXPECTED,
  FY,
  ORG_TIME_ZONE,
  importFixedFixture,
  openRevenue,
  plain,
  signUpRevenueOwner,
  spreadEvenly,
  usd,
  usdWhole,
  type TOwner,
} from "./support/revenue";

// One fresh organization for the whole file: FY2026's target of $1,200,000 spread evenly
// ($100,000.00 a month) and the fixed fixture imported (Jan $3,259.49, Feb $4,231.55,
// Mar $6,283.02; $13,774.06 in all). Every number below is worked out by hand from those.
// The server's clock is fixed on 15 January 2027 (the test-clock cookie travels in the saved
// storage state), so FY2026 has ended and is read whole, as of 31 December 2026.
const NOW = "2027-01-15T12:00:00Z";

test.use({ timezoneId: ORG_TIME_ZONE });

const [jan, feb, mar] = EXPECTED.fixed.months.map((m) => m.totalMinor) as [number, number, number];
const ACTUAL = EXPECTED.fixed.totalMinor; // 1,377,406 cents = $13,774.06 (= 325,949 + 423,155 + 628,302)

let owner: TOwner;
const storageState = path.join(os.tmpdir(), `revtrace-e2e-dashboard-figures-${process.pid}.json`);
test.use({ storageState });

test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    timezoneId: ORG_TIME_ZONE,
    storageState: undefined,
  });
  await context.addCookies([
    { name: "revtrace-test-now", value: NOW, url: testInfo.project.use.baseURL ?? "http://localhost:3100" },
  ]);
  const page = await context.newPage();
  owner = await signUpRevenueOwner(page, "Dashboard");
  await openRevenue(page, owner.slug);
  const spread = await spreadEvenly(page, "1,200,000");
  await expect(formMessage(spread, "Saved targets for 12 months.")).toBeVisible();
  await importFixedFixture(page, owner.slug);
  await context.storageState({ path: storageState });
  await context.close();
});

async function openDashboard(page: Page, period: string) {
  await visit(page, `/o/${owner.slug}?period=${period}`);
  await expect(page.getByRole("heading", { level: 1, name: owner.organization })).toBeVisible();
}

/** A tile's headline: its compact value as shown, and the exact amount on hover (title). */
const tileValue = (page: Page, testId: string) => page.getByTestId(testId).locator("dd").first();

test("FY2026's tiles: target, actual, gap, attainment and outlook, compact with the exact amount on hover", async ({
  page,
}) => {
  await openDashboard(page, `fy-${FY}`);
  await expect(page.getByText(`Revenue target versus actual · FY${FY}`)).toBeVisible();
  await expect(page.getByLabel("Fiscal year")).toHaveValue(`fy-${FY}`);
  await expect(page.getByLabel("Period within the year")).toHaveValue(`fy-${FY}`);

  await expect(page.getByTestId("tile-target").locator("dt")).toHaveText(`Target · FY${FY}`);
  await expect(tileValue(page, "tile-target")).toHaveAttribute("title", "$1,200,000.00");
  // The compact value, then the exact amount for screen readers.
  await expect(tileValue(page, "tile-target")).toHaveText("$1.2M ($1,200,000.00)");

  await expect(tileValue(page, "tile-actual")).toHaveAttribute("title", usd(ACTUAL));
  await expect(tileValue(page, "tile-actual")).toHaveAttribute("title", "$13,774.06");
  await expect(tileValue(page, "tile-actual")).toHaveText("$13.8K ($13,774.06)");

  // Gap = 1,200,000.00 − 13,774.06 = 1,186,225.94, a shortfall;
  // as a share of target 1,186,225.94 / 1,200,000 = 0.98852… → 98.9 %.
  const gap = page.getByTestId("tile-gap");
  await expect(gap.locator("dt")).toHaveText("Gap");
  await expect(tileValue(page, "tile-gap")).toHaveAttribute("title", "$1,186,225.94");
  await expect(tileValue(page, "tile-gap")).toHaveText("$1.2M ($1,186,225.94)");
  await expect(gap.locator("dd").nth(1)).toHaveText("98.9% of target");

  // Attainment = 13,774.06 / 1,200,000 = 0.0114784 = 1.14784 % → 1.1 % (one decimal, rounded once:
  // rounding to whole basis points first, 115 bp = 1.15 %, would wrongly show 1.2 %).
  await expect(page.getByTestId("tile-attainment").locator("dt")).toHaveText("Attainment");
  await expect(tileValue(page, "tile-attainment")).toHaveText("1.1%");

  // Required per month = (annual target − actual year to date) / months left in FY2026. FY2026 has
  // ended, so it is read as of its last month: (1,200,000.00 − 13,774.06) / 1 = 1,186,225.94.
  await expect(tileValue(page, "tile-run-rate")).toHaveAttribute("title", "$1,186,225.94");
  await expect(page.getByTestId("tile-run-rate")).toContainText(`For the rest of FY${FY}, as of Dec 2026`);

  // Forecast = run rate of the completed months (no pipeline): all twelve, 13,774.06 / 12 × 12 =
  // 13,774.06 ≈ 1 % of the target: off track.
  await expect(tileValue(page, "tile-forecast")).toHaveAttribute("title", "$13,774.06");
  await expect(page.getByTestId("tile-forecast")).toContainText("Run rate of completed months");
  await expect(page.getByTestId("tile-outlook")).toContainText("Off track");
});

test("the Monthly figures table has Jan–Mar 2026's exact amounts", async ({ page }) => {
  await openDashboard(page, `fy-${FY}`);
  await expect(page.getByRole("heading", { level: 2, name: "Monthly figures" })).toBeVisible();
  const table = page.getByRole("table", { name: `Monthly target and actual, FY${FY}, in USD` });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Month",
    "Target",
    "Actual",
    "Gap",
    "Attainment",
    "Cum. target",
    "Cum. actual",
    "Forecast (cum.)",
  ]);
  await expect(table.locator("tbody tr")).toHaveCount(12);
  // Month, target, actual, gap (target − actual), attainment (actual / target, one decimal),
  // cumulative target, cumulative actual, and no run-rate forecast yet for these early months.
  //   Jan: 100,000.00 − 3,259.49 = 96,740.51; 3,259.49 / 100,000 = 3.259 % → 3.3 %
  //   Feb: 100,000.00 − 4,231.55 = 95,768.45; 4.232 % → 4.2 %; cum. 3,259.49 + 4,231.55 = 7,491.04
  //   Mar: 100,000.00 − 6,283.02 = 93,716.98; 6.283 % → 6.3 %; cum. 7,491.04 + 6,283.02 = 13,774.06
  // The CEO's tables show whole dollars (rounded half away from zero), the exact amount on hover.
  const expected = [
    ["Jan 2026", "$100,000", usdWhole(jan), "$96,741", "3.3%", "$100,000", "$3,259", "—"],
    ["Feb 2026", "$100,000", usdWhole(feb), "$95,768", "4.2%", "$200,000", "$7,491", "—"],
    ["Mar 2026", "$100,000", usdWhole(mar), "$93,717", "6.3%", "$300,000", usdWhole(ACTUAL), "—"],
  ];
  for (const [i, cells] of expected.entries())
    await expect(table.locator("tbody tr").nth(i).locator("th, td")).toHaveText(cells);
  const march = table.locator("tbody tr").nth(2).locator("td");
  await expect(march.nth(1).locator("[title]")).toHaveAttribute("title", usd(mar));
  await expect(march.nth(2).locator("[title]")).toHaveAttribute("title", "$93,716.98");
  await expect(march.nth(5).locator("[title]")).toHaveAttribute("title", usd(ACTUAL));
  // April has its target and no revenue.
  await expect(table.locator("tbody tr").nth(3).locator("th, td").nth(2)).toHaveText("$0");
});

test("choosing Q1 in the period picker shows the quarter's figures", async ({ page }) => {
  await openDashboard(page, `fy-${FY}`);
  await page.getByLabel("Period within the year").selectOption({ label: "Q1" });
  await expect(page).toHaveURL(`/o/${owner.slug}?period=q-${FY}-1`);
  await expect(page.getByText(`Revenue target versus actual · Q1 FY${FY}`)).toBeVisible();
  await expect(page.getByTestId("tile-target").locator("dt")).toHaveText(`Target · Q1 FY${FY}`);
  // Q1 target = 3 × 100,000.00 = 300,000.00; all of the imported revenue is in Q1.
  await expect(tileValue(page, "tile-target")).toHaveAttribute("title", "$300,000.00");
  // Compact without a trailing ".0" (not "$300.0K").
  await expect(tileValue(page, "tile-target")).toHaveText("$300K ($300,000.00)");
  await expect(tileValue(page, "tile-actual")).toHaveAttribute("title", "$13,774.06");
  // Gap = 300,000.00 − 13,774.06 = 286,225.94 = 95.41 % of target → 95.4 %.
  await expect(tileValue(page, "tile-gap")).toHaveAttribute("title", "$286,225.94");
  await expect(page.getByTestId("tile-gap").locator("dd").nth(1)).toHaveText("95.4% of target");
  // Attainment = 13,774.06 / 300,000 = 0.045914 = 4.59 % → 4.6 %.
  await expect(tileValue(page, "tile-attainment")).toHaveText("4.6%");
  // The year and the Export link follow the choice.
  await expect(page.getByLabel("Fiscal year")).toHaveValue(`fy-${FY}`);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    `/o/${owner.slug}/export/dashboard?period=q-${FY}-1`,
  );
});

test("the CSV export has the table's numbers as plain decimals", async ({ page }) => {
  await openDashboard(page, `fy-${FY}`);
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", `/o/${owner.slug}/export/dashboard?period=fy-${FY}`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${owner.slug}-revenue-fy-${FY}.csv`);
  const text = await readFile(await download.path(), "utf8");
  const lines = text.split("\r\n");
  expect(lines[0]).toBe(
    "month,target_USD,actual_USD,gap_USD,attainment_pct,cumulative_target_USD,cumulative_actual_USD,forecast_cumulative_USD,commit_cumulative_USD,best_case_cumulative_USD,weighted_cumulative_USD,status",
  );
  expect(lines.at(-1), "the file ends with a line break").toBe("");
  expect(lines).toHaveLength(1 + 12 + 1);
  // Plain decimals, no currency symbol, no thousands separator, no formula-guard apostrophe; the
  // attainment with two decimals (3,259.49 / 100,000 = 3.259 % → 3.26).
  expect(lines.slice(1, 4)).toEqual([
    `2026-01,100000.00,${plain(jan)},96740.51,3.26,100000.00,3259.49,,,,,actual`,
    `2026-02,100000.00,${plain(feb)},95768.45,4.23,200000.00,7491.04,,,,,actual`,
    `2026-03,100000.00,${plain(mar)},93716.98,6.28,300000.00,${plain(ACTUAL)},,,,,actual`,
  ]);
  for (const line of lines.slice(1, -1)) expect(line, "no cell is prefixed with an apostrophe").not.toMatch(/(^|,)'/);
});

test.afterAll(async () => {
  await rm(storageState, { force: true });
});
