import { expect, test } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, signUpFreshOwner, visit } from "./support/helpers";

test("a member of another organization gets the 404 page for every Acme page", async ({ page }) => {
  const outsider = await signUpFreshOwner(page, "outsider");
  await expect(page.getByRole("heading", { level: 1, name: outsider.organization })).toBeVisible();

  for (const path of [
    "",
    "/inbox",
    "/settings",
    "/settings/members",
    "/settings/invitations",
    "/departments",
    "/revenue",
    "/pipeline",
  ]) {
    const response = await visit(page, `/o/${DEMO_ORG.slug}${path}`);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), `/o/acme${path}`).toBeVisible();
    await expect(
      page.getByText("This page does not exist, or you are not a member of the organization it belongs to."),
    ).toBeVisible();
    await expect(page.getByText(DEMO_ORG.name)).toHaveCount(0);
    await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}${path}`);
    expect(response?.status(), `status of /o/acme${path}`).toBe(404);
  }

  // Their own organization is one click away.
  await page.getByRole("link", { name: "Go to your organizations" }).click();
  await expect(page).toHaveURL(`/o/${outsider.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: outsider.organization })).toBeVisible();
});

test("an organization that does not exist looks the same as one the user is not a member of", async ({ page }) => {
  await signUpFreshOwner(page, "prober");
  await visit(page, "/o/no-such-organization-here");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(
    page.getByText("This page does not exist, or you are not a member of the organization it belongs to."),
  ).toBeVisible();
});

test("a missing deal inside one's own organization keeps the app's header and navigation", async ({ page }) => {
  await signIn(page, DEMO.sales);
  const response = await visit(page, `/o/${DEMO_ORG.slug}/pipeline/no-such-deal`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipeline" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
});
