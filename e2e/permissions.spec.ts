import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, DEFAULT_DEPARTMENTS, card, signIn, visit } from "./support/helpers";

async function expectSettingsNotAllowed(page: Page, roleLabel: string) {
  await visit(page, `/o/${DEMO_ORG.slug}/settings`);
  const notAllowed = page.getByRole("region", { name: "Not allowed" });
  await expect(notAllowed.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(notAllowed).toContainText(
    `Your role here is ${roleLabel}. Only an owner can change the organization's settings, departments and members.`,
  );
  // None of the owner's forms leak through.
  await expect(card(page, "Members")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await notAllowed.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
}

test("a viewer is not allowed into settings, and is told their role", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await expectSettingsNotAllowed(page, "Viewer");
});

test("finance is not allowed into settings, and is told their role", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await expectSettingsNotAllowed(page, "Finance");
});

test("a viewer can read the dashboard, departments, revenue and pipeline", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(page.getByTestId("current-user")).toHaveText("Beatrix Vogel · Viewer");

  // Dashboard (seeded or empty), without the owner/finance call to set targets.
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  await expect(page.getByText(/^Revenue target versus actual/)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: /Set them/ })).toHaveCount(0);

  await nav.getByRole("link", { name: "Departments" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/departments`);
  await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
  for (const department of DEFAULT_DEPARTMENTS)
    await expect(page.getByTestId(`department-${department}`)).toBeVisible();
  // The seeded heads are bound: Marketing names its head.
  await expect(page.getByTestId("department-Marketing")).toContainText("Marco Rossi");

  await nav.getByRole("link", { name: "Revenue" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/revenue`);
  await expect(page.getByRole("heading", { level: 1, name: "Targets and actuals" })).toBeVisible();

  await nav.getByRole("link", { name: "Pipeline" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/pipeline`);
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  // The seeded pipeline, read-only: its forecast and deals, but no way to add a deal or snapshot it.
  await expect(page.getByText(/^\d+ deals · /)).toBeVisible();
  await expect(page.getByText("New deal", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Take snapshot" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Pipeline" })).toHaveAttribute("aria-current", "page");
});
