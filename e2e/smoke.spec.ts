import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/helpers";

test("a demo owner signs in and sees the dashboard with its empty state", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
  await expect(page.getByText(/No targets for FY\d{4} yet/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Set them →" })).toHaveAttribute("href", "/o/acme/revenue");
});
