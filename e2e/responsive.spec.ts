import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect.poll(overflow, { message: "pixels of horizontal page scroll" }).toBeLessThanOrEqual(0);
}

test("on a 390 px phone the dashboard and settings fit the width and the nav is reachable", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  await expectNoHorizontalScroll(page);

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Dashboard", "My work", "Revenue", "Departments", "Pipeline", "Settings"]) {
    const link = nav.getByRole("link", { name: label });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
  }
  await expect(page.getByRole("combobox", { name: "Organization" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/settings/invitations`);
  await expect(page.getByRole("button", { name: "Create invitation link" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await nav.getByRole("link", { name: "Departments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The revenue page's tables scroll inside their cards; their screen-reader headers must not widen the page.
  await nav.getByRole("link", { name: "Revenue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Targets and actuals" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await nav.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
});

test("on a 390 px phone the sign-in and sign-up pages fit the width", async ({ page }) => {
  await visit(page, "/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await visit(page, "/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
