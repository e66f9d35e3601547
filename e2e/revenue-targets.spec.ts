import { expect, test } from "@playwright/test";
import { formMessage, reload } from "./support/helpers";
import {
  FY,
  FY_MONTHS,
  ORG_TIME_ZONE,
  expectTargets,
  gridActual,
  gridPeriod,
  openRevenue,
  signUpRevenueOwner,
  spreadEvenly,
  spreadForm,
  targetInput,
  targetsGrid,
  todayInOrgZone,
} from "./support/revenue";

test.use({ timezoneId: ORG_TIME_ZONE });

const allMonths = (value: string) => Object.fromEntries(FY_MONTHS.map((m) => [m, value]));

test("an owner spreads FY2026's annual target, edits a month, and closes and reopens January", async ({ page }) => {
  const owner = await signUpRevenueOwner(page, "Targets");
  await openRevenue(page, owner.slug);
  await expect(
    page.getByText(`Monthly revenue targets and actuals in USD; months are read in ${ORG_TIME_ZONE}.`),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `FY${FY} by month` })).toBeVisible();
  // A new organization has no targets: every month is empty and open.
  await expectTargets(page, allMonths(""));
  await expect(gridPeriod(page, "Jan 2026")).toHaveText("Open");

  // $1,200,000 spread evenly, the remainder (none here) in December: $100,000.00 a month.
  const spread = await spreadEvenly(page, "1,200,000");
  await expect(formMessage(spread, "Spread $1,200,000.00 over the year. Saved targets for 12 months.")).toBeVisible();
  await expectTargets(page, allMonths("100,000.00"));
  await expect(page.getByTestId("targets-total")).toHaveText("1,200,000.00");

  // Percentages that add up to 97 % (eleven months of 8 % and 9 % for December) are refused, with
  // the running total shown as they are typed, and nothing changes.
  await spread.getByLabel("Annual target (USD)").fill("2,400,000");
  await spread.getByRole("radio", { name: "Percentages per month" }).check();
  for (const [i, month] of FY_MONTHS.entries())
    await spread.getByRole("textbox", { name: `${month} %`, exact: true }).fill(i === 11 ? "9" : "8");
  await expect(spread.getByText("Total 97.00 % — must be exactly 100.00 %.")).toBeVisible();
  await spread.getByRole("button", { name: "Spread over the year" }).click();
  await expect(
    formMessage(spread, "The percentages add up to 97.00 %; they must add up to exactly 100 %."),
  ).toBeVisible();
  await expect(spread.getByRole("textbox", { name: "Dec 2026 %", exact: true })).toHaveValue("9");
  await expectTargets(page, allMonths("100,000.00"));
  await reload(page);
  await expectTargets(page, allMonths("100,000.00"));

  // One month edited by hand and saved; the amount comes back as the server stored it.
  const grid = targetsGrid(page);
  await targetInput(page, "Feb 2026").fill("95,000");
  await grid.getByRole("button", { name: "Save targets" }).click();
  await expect(formMessage(grid, "Saved targets for 1 month.")).toBeVisible();
  await expect(targetInput(page, "Feb 2026")).toHaveValue("95,000.00");
  await reload(page);
  await expectTargets(page, { ...allMonths("100,000.00"), "Feb 2026": "95,000.00" });
  // The year's total follows what is typed, before it is saved.
  await expect(page.getByTestId("targets-total")).toHaveText("1,195,000.00");
  await targetInput(page, "Mar 2026").fill("100,000.01");
  await expect(page.getByTestId("targets-total")).toHaveText("1,195,000.01");
  await targetInput(page, "Mar 2026").fill("100,000.00");

  // Closing January goes through its checklist: nothing is open in a new organization's January.
  await grid.getByRole("link", { name: "Close Jan 2026", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Close Jan 2026" })).toBeVisible();
  await expect(page.getByTestId("checklist-clear")).toBeVisible();
  await page.getByRole("button", { name: "Close Jan 2026", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jan 2026 is closed." })).toBeVisible();
  await page.getByRole("link", { name: "Back to targets and actuals" }).click();
  // Closed, January locks its target and says who closed it, and when.
  await expect(gridPeriod(page, "Jan 2026")).toHaveText(`Closed ${todayInOrgZone()} by ${owner.name}`);
  await expect(targetInput(page, "Jan 2026")).toBeDisabled();
  await expect(targetInput(page, "Jan 2026")).toHaveValue("100,000.00");
  await expect(targetInput(page, "Feb 2026")).toBeEnabled();
  await expect(grid.getByRole("link", { name: "Close Jan 2026", exact: true })).toHaveCount(0);
  // With a month of the year closed, the spread is refused up front instead of failing on submit.
  await expect(page.getByTestId("spread-refused")).toHaveText(
    `1 of the 12 months of FY${FY} is closed, and a spread would change it. Set the open months in the table instead, or reopen the closed ones first.`,
  );

  // A closed month refuses new actuals too, with a message naming it; nothing is recorded.
  const entry = page.getByRole("form", { name: "Add a revenue entry" });
  await entry.getByLabel("Date").fill("2026-01-15");
  await entry.getByLabel("Amount (USD)").fill("500");
  await entry.getByLabel("Reference (invoice or order)").fill("INV-JAN-1");
  await entry.getByRole("button", { name: "Add entry" }).click();
  await expect(
    formMessage(entry, "Jan 2026 is closed. An owner must reopen it before anything in it can change."),
  ).toBeVisible();
  await expect(gridActual(page, "Jan 2026")).toHaveText("$0.00");
  await expect(page.getByText("No revenue recorded yet.")).toBeVisible();

  // Reopened by the owner, January is editable again: its target and its actuals.
  await grid.getByLabel("More for Jan 2026").click();
  await grid.getByRole("button", { name: "Reopen Jan 2026", exact: true }).click();
  await expect(gridPeriod(page, "Jan 2026")).toHaveText("Open");
  await expect(targetInput(page, "Jan 2026")).toBeEnabled();
  await expect(grid.getByRole("link", { name: "Close Jan 2026", exact: true })).toBeVisible();
  await targetInput(page, "Jan 2026").fill("105000");
  await grid.getByRole("button", { name: "Save targets" }).click();
  await expect(formMessage(grid, "Saved targets for 1 month.")).toBeVisible();
  await expect(targetInput(page, "Jan 2026")).toHaveValue("105,000.00");
  await entry.getByRole("button", { name: "Add entry" }).click();
  await expect(formMessage(entry, "Revenue entry added.")).toBeVisible();
  await expect(gridActual(page, "Jan 2026")).toHaveText("$500.00");

  await reload(page);
  await expectTargets(page, { ...allMonths("100,000.00"), "Jan 2026": "105,000.00", "Feb 2026": "95,000.00" });
  await expect(spreadForm(page)).toBeVisible();
});
