import { expect, test } from "@playwright/test";
import { card, formMessage, visit } from "./support/helpers";
import { openForm } from "./support/dialog";
import { ORG_TIME_ZONE, openRevenue, signUpRevenueOwner, targetsGrid } from "./support/revenue";

// Closing a month through its checklist (issue 12), on a fixed clock: 10 April 2026 in Berlin, so
// March has ended and April is in progress. A claim awaiting review blocks March's close; the
// checklist links to it, and once it is confirmed the month closes.

test.use({ timezoneId: ORG_TIME_ZONE });
const NOW = "2026-04-10T15:00:00Z";
const CLAIM = "Renewal held in redlines";

test("a claim awaiting review blocks the close; its link leads to the review, and then the month closes", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "revtrace-test-now", value: NOW, url: baseURL }]);
  const owner = await signUpRevenueOwner(page, "Close");

  // Legal's claim for March, logged by the owner (who may log for any department).
  await visit(page, `/o/${owner.slug}/departments`);
  const legal = await page.getByRole("link", { name: "Legal", exact: true }).getAttribute("href");
  await visit(page, `${legal}?period=m-2026-03`);
  const form = await openForm(card(page, "Contributions"), "Log a contribution", "Log a contribution");
  await form.getByLabel("Month").selectOption("2026-03");
  await form.getByLabel("Category").selectOption({ index: 1 });
  await form.getByLabel("Cost revenue (tainted)").check();
  await form.getByLabel("Amount (USD)").fill("4,000");
  await form.getByLabel("Description").fill(CLAIM);
  await form.getByRole("button", { name: "Log contribution" }).click();
  await expect(formMessage(form, "Contribution logged. It counts once finance confirms it.")).toBeVisible();

  // The departments list for March shows Legal's claim waiting, and links to it.
  await visit(page, `/o/${owner.slug}/departments?period=m-2026-03`);
  const legalRow = page.getByTestId("department-Legal");
  await expect(legalRow.getByRole("cell").nth(3)).toHaveText("-$4,000");
  await expect(legalRow.getByRole("link", { name: "1 claim to review" })).toHaveAttribute(
    "href",
    `${legal}?period=m-2026-03#contributions`,
  );
  await expect(legalRow).toContainText("No head");

  // April is in progress: no way to close it. March links to its checklist.
  await openRevenue(page, owner.slug);
  const grid = targetsGrid(page);
  await expect(grid.getByRole("link", { name: "Close Apr 2026", exact: true })).toHaveCount(0);
  await grid.getByRole("link", { name: "Close Mar 2026", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Close Mar 2026" })).toBeVisible();
  const blocks = page.getByRole("region", { name: "Blocks the close" });
  await expect(blocks.getByRole("listitem")).toHaveText(["Legal: 1 claim awaiting finance's review"]);
  await expect(page.getByRole("button", { name: "Close Mar 2026" })).toHaveCount(0);
  await expect(
    page.getByText("Review the claims above first: Mar 2026 can close once none awaits review."),
  ).toBeVisible();

  // The link opens Legal's March contributions, where the claim is confirmed.
  await blocks.getByRole("link", { name: "Legal: 1 claim awaiting finance's review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Legal" })).toBeVisible();
  // The claim's row (its history row below mentions the claim too).
  const row = page.getByTestId("contributions-table").getByRole("row").filter({ hasText: CLAIM }).first();
  await row.getByRole("button", { name: `Review: contribution “${CLAIM}”` }).click();
  await page
    .getByRole("form", { name: `Review contribution “${CLAIM}”` })
    .getByRole("button", { name: "Confirm" })
    .click();
  await expect(row).toContainText("Confirmed");

  // Nothing is open any more: March closes, and its row says so.
  await visit(page, `/o/${owner.slug}/revenue/close/2026-03`);
  await expect(page.getByTestId("checklist-clear")).toBeVisible();
  await page.getByRole("button", { name: "Close Mar 2026", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mar 2026 is closed." })).toBeVisible();
  await page.getByRole("link", { name: "Back to targets and actuals" }).click();
  await expect(targetsGrid(page).getByRole("row", { name: /^Mar 2026/ })).toContainText(`Closed`);

  // The month in progress has a close page that says why it cannot close yet.
  await visit(page, `/o/${owner.slug}/revenue/close/2026-04`);
  await expect(
    page.getByText("Apr 2026 has not ended yet. It can be closed from the day after its last day."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Close / })).toHaveCount(0);
});
