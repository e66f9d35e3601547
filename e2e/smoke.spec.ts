import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/helpers";

test("the demo owner signs in and reads this year's target on the dashboard", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
  // The demo's current-year target is $14,400,000.00, spread with seasonality.
  await expect(page.getByTestId("tile-target")).toContainText("$14.4M");
  await expect(page.getByTestId("tile-target").locator("dd").first()).toHaveAttribute("title", "$14,400,000.00");
  await expect(page.getByTestId("tile-outlook")).toContainText(/On track|At risk|Off track/);
});
