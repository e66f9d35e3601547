import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";
import { targetsGrid } from "./support/revenue";

// The demo organization: last fiscal year is closed entirely, this year up to two months ago, so
// the previous year always has twelve closed months and the current one at least one open month.

const MONTH = String.raw`[A-Z][a-z]{2} \d{4}`;
// A month that has ended and is open links to its close page; a closed month's Reopen sits in its "More" menu.
const closeButtons = (page: Page) => page.getByRole("link", { name: new RegExp(`^Close ${MONTH}$`) });
const reopenButtons = (page: Page) => page.getByLabel(new RegExp(`^More for ${MONTH}$`));
/** The demo's months run in New York: how many months of a January fiscal year have not ended yet. */
const monthsNotEnded = () =>
  12 -
  Number(new Intl.DateTimeFormat("en-US", { month: "numeric", timeZone: "America/New_York" }).format(new Date())) +
  1;
const targetInputs = (page: Page) => page.getByRole("textbox", { name: new RegExp(`^Target ${MONTH}$`) });

/** Opens the demo's revenue page (the current fiscal year) and returns that year, e.g. 2026. */
async function openDemoRevenue(page: Page) {
  await visit(page, `/o/${DEMO_ORG.slug}/revenue`);
  await expect(page.getByRole("heading", { level: 1, name: "Targets and actuals" })).toBeVisible();
  const current = await page.getByRole("combobox", { name: "Fiscal year shown" }).inputValue();
  const year = Number(/^(\d{4})$/.exec(current)?.[1]);
  expect(year, `the current fiscal year on the page ("${current}")`).toBeGreaterThan(2000);
  return year;
}

/** Follows the "← FY…" link to the previous fiscal year: all of its twelve months are closed. */
async function goToPreviousYear(page: Page, year: number) {
  await page
    .getByRole("navigation", { name: "Fiscal year" })
    .getByRole("link", { name: `← FY${year - 1}` })
    .click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/revenue?fy=${year - 1}`);
  await expect(page.getByRole("heading", { level: 2, name: `FY${year - 1} by month` })).toBeVisible();
  await expect(targetsGrid(page, year - 1).getByText(/Closed [A-Z][a-z]{2} \d{1,2}, \d{4}/)).toHaveCount(12);
}

test("a viewer reads the revenue page without any control to change it, and may not import", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await openDemoRevenue(page);
  // The grid is there to read: twelve months with their targets, none editable.
  await expect(targetInputs(page)).toHaveCount(12);
  for (const input of await targetInputs(page).all()) await expect(input).toBeDisabled();
  await expect(page.getByRole("heading", { level: 2, name: "Latest entries" })).toBeVisible();
  // …and nothing to change it with.
  await expect(page.getByRole("button", { name: "Save targets" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Spread an annual target" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Spread an annual target" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add revenue" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add entry" })).toHaveCount(0);
  await expect(closeButtons(page)).toHaveCount(0);
  await expect(reopenButtons(page)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Import a CSV/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

  await visit(page, `/o/${DEMO_ORG.slug}/revenue/import`);
  const notAllowed = page.getByRole("region", { name: "Not allowed" });
  await expect(notAllowed.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(notAllowed).toContainText("Your role here is Viewer. Only owners and finance can import actuals.");
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Import actuals" })).toHaveCount(0);
});

test("finance closes open months but cannot reopen a closed one; only the owner can", async ({ page }) => {
  await signIn(page, DEMO.finance);
  const year = await openDemoRevenue(page);
  // Finance edits targets and records actuals…
  await expect(page.getByRole("button", { name: "Save targets" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a revenue entry" })).toBeVisible();
  // The spread sets all twelve months: with one of them closed it is refused up front.
  const closedThisYear = await targetsGrid(page, year)
    .getByText(/Closed [A-Z][a-z]{2} \d{1,2}, \d{4}/)
    .count();
  if (closedThisYear > 0) {
    await expect(page.getByTestId("spread-refused")).toContainText(`${closedThisYear} of the 12 months of FY${year}`);
    await expect(page.getByRole("form", { name: "Spread an annual target" })).toHaveCount(0);
  } else {
    await expect(page.getByRole("form", { name: "Spread an annual target" })).toBeVisible();
  }
  // …and closes open months that have ended (the month in progress and later ones cannot close).
  const openMonths = targetsGrid(page, year).getByText("Open", { exact: true });
  const openCount = await openMonths.count();
  expect(openCount, "open months in the current fiscal year").toBeGreaterThan(0);
  await expect(closeButtons(page)).toHaveCount(openCount - monthsNotEnded());
  await expect(reopenButtons(page)).toHaveCount(0);

  // Last year: twelve closed months, locked, and not one Reopen button for finance.
  await goToPreviousYear(page, year);
  await expect(reopenButtons(page)).toHaveCount(0);
  await expect(closeButtons(page)).toHaveCount(0);
  for (const input of await targetInputs(page).all()) await expect(input).toBeDisabled();

  // The owner, on the same page, has a Reopen button for each of them (not pressed: the demo's
  // closed months stay closed for the other tests).
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, DEMO.owner);
  await openDemoRevenue(page);
  await goToPreviousYear(page, year);
  await expect(reopenButtons(page)).toHaveCount(12);
  await page.getByLabel(`More for Jan ${year - 1}`, { exact: true }).click();
  await expect(page.getByRole("button", { name: `Reopen Jan ${year - 1}`, exact: true })).toBeVisible();
});
