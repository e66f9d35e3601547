import { expect, test, type Page } from "@playwright/test";
import { shot } from "./support/screenshots";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";
import { EXPECTED, ORG_TIME_ZONE, chooseImportFile, mapAndCheck, signUpRevenueOwner } from "./support/revenue";

// The dashboard, revenue and import screens for a visual review. Every test checks the page it
// visits; with SCREENSHOTS=1 it also saves a full-page PNG to test-results/screenshots/.
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

async function expectDashboard(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  for (const tile of [
    "tile-to-date",
    "tile-actual",
    "tile-month",
    "tile-still-to-book",
    "tile-forecast",
    "tile-run-rate",
    "tile-outlook",
  ])
    await expect(page.getByTestId(tile)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Target versus actual" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Outlook" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Monthly figures" })).toBeVisible();
  // The chart has drawn (recharts renders on the client).
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
}

test("the demo dashboard at 1440 px", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expectDashboard(page);
  await shot(page, "dashboard-1440");
});

test("the demo dashboard at 390 px stacks without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.owner);
  await expectDashboard(page);
  await expectNoHorizontalScroll(page);
  await shot(page, "dashboard-390");
});

test("the demo revenue page at 1440 px", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/revenue`);
  await expect(page.getByRole("heading", { level: 1, name: "Targets and actuals" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^FY\d{4} by month$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Spread an annual target" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Add revenue" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Imports" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Latest entries" })).toBeVisible();
  await shot(page, "revenue-1440");
});

test.describe("in a new organization", () => {
  test.use({ timezoneId: ORG_TIME_ZONE });

  test("the import preview with its bad rows", async ({ page }) => {
    const owner = await signUpRevenueOwner(page, "Shot");
    await chooseImportFile(page, owner.slug, EXPECTED.withBadRows.file);
    const preview = await mapAndCheck(page);
    await expect(preview.getByRole("heading", { level: 2, name: "3. Check and import" })).toBeVisible();
    await expect(preview.getByRole("heading", { level: 3, name: "3 rows cannot be imported" })).toBeVisible();
    await expect(page.getByTestId("bad-rows").locator("tbody tr")).toHaveCount(3);
    await shot(page, "import-preview");
  });
});
