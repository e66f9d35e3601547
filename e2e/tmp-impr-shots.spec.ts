import { expect, test } from "@playwright/test";
import { formMessage } from "./support/helpers";
import { ORG_TIME_ZONE, chooseImportFile, commitCard, importsCard, mapAndCheck, openRevenue, signUpRevenueOwner } from "./support/revenue";

test.use({ timezoneId: ORG_TIME_ZONE });
const MAPPING = { date: "Order Date", amount: "Sales", reference: "Order ID" };

test("screens", async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await signUpRevenueOwner(page, "Shots");
  await chooseImportFile(page, owner.slug, "retail-orders.csv");
  let preview = await mapAndCheck(page, MAPPING);
  await preview.getByRole("button", { name: "Import 2,405 rows" }).click();
  await expect(formMessage(commitCard(page), /Imported/)).toBeVisible({ timeout: 60_000 });
  await chooseImportFile(page, owner.slug, "retail-orders-corrected.csv");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    preview = await mapAndCheck(page, MAPPING);
    await preview.getByText(/rows already imported$/).click();
    await preview.getByRole("radio", { name: "This is a corrected file: replace the batch" }).check();
    await page.screenshot({ path: `/tmp/impr-shots/preview-${width}.png`, fullPage: true });
    await preview.getByRole("button", { name: "Change the mapping" }).click();
  }
  await openRevenue(page, owner.slug);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await importsCard(page).scrollIntoViewIfNeeded();
    await importsCard(page).screenshot({ path: `/tmp/impr-shots/batches-${width}.png` });
  }
});
