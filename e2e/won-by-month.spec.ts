import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { runDbScript } from "./support/db-script";
import { signIn, uniqueId, visit } from "./support/helpers";
import { shot } from "./support/screenshots";

// Issue 11: a sales manager reads won revenue by close month and owner. A fresh organization
// (fiscal year from April, Europe/Berlin) holds won deals as a CRM import leaves them: close dates
// in FY2024–FY2026, all imported on 1 May 2026. The server's clock is fixed on 15 May 2026, so
// FY2027 is current and has no won deal yet. Every figure below is worked out by hand:
//   FY2025 (April 2024 – March 2025)
//   Sam: Apr 2024 2 deals $1,250,000.50 + $0.99 = $1,250,001.49; Mar 2025 1 deal $10,000.00 → 3, $1,260,001.49
//   Rae: Apr 2024 1 deal $30,000.00; Nov 2024 1 deal $4,321.09 → 2, $34,321.09
//   All: Apr 2024 3, $1,280,001.49; Nov 2024 1, $4,321.09; Mar 2025 1, $10,000.00 → 5, $1,294,322.58
const NOW = "2026-05-15T10:00:00Z";
const PASSWORD = "a-strong-password";

test.describe.configure({ timeout: 180_000 });

test("the sales manager opens won by month, picks an earlier fiscal year, reads it and downloads the same rows as CSV", async ({
  browser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL ?? "http://localhost:3100";
  const org = JSON.parse(
    runDbScript("won-db.ts", "setup", { id: uniqueId(), password: PASSWORD }).trim().split("\n").at(-1) ?? "{}",
  ) as { slug: string; salesManager: { email: string; name: string }; seller: { name: string } };
  const sam = org.salesManager.name;
  const rae = org.seller.name;
  const context = await browser.newContext({
    baseURL,
    acceptDownloads: true,
    storageState: undefined,
    viewport: { width: 1440, height: 900 },
  });
  await context.addCookies([{ name: "revtrace-test-now", value: NOW, url: baseURL }]);
  const page = await context.newPage();
  await signIn(page, org.salesManager.email, PASSWORD);

  // The pipeline's quarter filter offers every fiscal year with deals (FY2024 – FY2027) and the next.
  await visit(page, `/o/${org.slug}/pipeline`);
  const quarters = await page.getByLabel("Fiscal quarter").locator("option").allTextContents();
  expect(quarters).toEqual([
    "Any close date",
    ...[2024, 2025, 2026, 2027, 2028].flatMap((fy) => [1, 2, 3, 4].map((q) => `Q${q} FY${fy}`)),
  ]);
  await shot(page, "won-pipeline-link-1440");
  await page.getByRole("link", { name: "Won by month" }).click();
  await expect(page).toHaveURL(`/o/${org.slug}/pipeline/won`);
  await expect(page.getByRole("heading", { level: 1, name: "Won by month" })).toBeVisible();
  await expect(page.getByText("by close date and owner", { exact: false })).toBeVisible();
  // FY2027 has just begun: nothing won yet, and the page says what to do.
  await expect(page.getByRole("heading", { level: 2, name: "No deals won in FY2027" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import deals from your CRM →" })).toHaveAttribute(
    "href",
    `/o/${org.slug}/pipeline/import`,
  );

  await shot(page, "won-empty-1440");
  const year = page.getByLabel("Fiscal year");
  expect(await year.locator("option").allTextContents()).toEqual(["FY2024", "FY2025", "FY2026", "FY2027", "FY2028"]);
  expect(await page.getByLabel("Period within the year").locator("option").allTextContents()).toEqual([
    "Full year",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
  ]);
  await year.selectOption({ label: "FY2025" });
  await expect(page).toHaveURL(`/o/${org.slug}/pipeline/won?period=fy-2025`);
  const table = page.getByTestId("won-table");
  await expect(table).toBeVisible();
  await expect(page.getByTestId("won-summary")).toContainText("5 deals won, $1,294,323 by close date");

  // Owners down, April 2024 … March 2025 across, then the total: whole dollars, exact on hover.
  const headers = await table.locator("thead th").allTextContents();
  expect(headers).toEqual([
    "Owner",
    "Apr 2024",
    "May 2024",
    "Jun 2024",
    "Jul 2024",
    "Aug 2024",
    "Sep 2024",
    "Oct 2024",
    "Nov 2024",
    "Dec 2024",
    "Jan 2025",
    "Feb 2025",
    "Mar 2025",
    "Total",
  ]);
  const cellsOf = async (name: string) =>
    (
      await table
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name, exact: true }) })
        .locator("td")
        .allInnerTexts()
    ).map((t) => t.replace(/\s+/g, " ").trim());
  const dash = "—";
  expect(await cellsOf(sam)).toEqual([
    "$1,250,001 2 deals",
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    "$10,000 1 deal",
    "$1,260,001 3 deals",
  ]);
  expect(await cellsOf(rae)).toEqual([
    "$30,000 1 deal",
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    "$4,321 1 deal",
    dash,
    dash,
    dash,
    dash,
    "$34,321 2 deals",
  ]);
  expect(await cellsOf("All owners")).toEqual([
    "$1,280,001 3 deals",
    dash,
    dash,
    dash,
    dash,
    dash,
    dash,
    "$4,321 1 deal",
    dash,
    dash,
    dash,
    "$10,000 1 deal",
    "$1,294,323 5 deals",
  ]);
  await expect(page.getByTestId("won-grand-total").locator("[title]")).toHaveAttribute("title", "$1,294,322.58");
  await shot(page, "won-fy2025-1440");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${org.slug}-won-by-month-fy-2025.csv`);
  const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\r\n");
  const zero = (months: string[]) => months.map((m) => `month total,${m},all,0,0.00,USD`);
  expect(lines).toEqual([
    "row,close_month,owner,deals_won,amount_won,currency",
    `owner month,2024-04,${sam},2,1250001.49,USD`,
    `owner month,2025-03,${sam},1,10000.00,USD`,
    `owner month,2024-04,${rae},1,30000.00,USD`,
    `owner month,2024-11,${rae},1,4321.09,USD`,
    `owner total,all,${sam},3,1260001.49,USD`,
    `owner total,all,${rae},2,34321.09,USD`,
    "month total,2024-04,all,3,1280001.49,USD",
    ...zero(["2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"]),
    "month total,2024-11,all,1,4321.09,USD",
    ...zero(["2024-12", "2025-01", "2025-02"]),
    "month total,2025-03,all,1,10000.00,USD",
    "grand total,all,all,5,1294322.58,USD",
  ]);

  // One quarter: Q1 FY2025 is April – June 2024.
  await page.getByLabel("Period within the year").selectOption({ label: "Q1" });
  await expect(page).toHaveURL(`/o/${org.slug}/pipeline/won?period=q-2025-1`);
  await expect(table.locator("thead th")).toHaveText(["Owner", "Apr 2024", "May 2024", "Jun 2024", "Total"]);
  await expect(page.getByTestId("won-grand-total").locator("[title]")).toHaveAttribute("title", "$1,280,001.49");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    `/o/${org.slug}/export/pipeline/won?period=q-2025-1`,
  );

  // On a phone the page never scrolls sideways: the table scrolls inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `/o/${org.slug}/pipeline/won?period=fy-2025`);
  await expect(table).toBeVisible();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await shot(page, "won-fy2025-390");
  // …nor does the pipeline page with its new link, or the revenue page with its year select.
  for (const [url, name] of [
    [`/o/${org.slug}/pipeline`, "won-pipeline-390"],
    [`/o/${org.slug}/revenue?fy=2025`, "won-revenue-390"],
  ] as const) {
    await visit(page, url);
    expect(await overflow(), url).toBeLessThanOrEqual(0);
    await shot(page, name);
  }
  await context.close();
});
