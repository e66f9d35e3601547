import { expect, test } from "@playwright/test";
import {
  DEFAULT_DEPARTMENTS,
  card,
  departmentRow,
  openSettingsSection,
  signOut,
  signUp,
  uniqueId,
  visit,
} from "./support/helpers";

test("a new user signs up, gets an organization with the default departments, and signs out", async ({ page }) => {
  const id = uniqueId();
  const name = `Nora Newcomer ${id}`;
  const organization = `Newco ${id}`;
  const slug = await signUp(page, { name, email: `newcomer-${id}@e2e.example`, organization });

  // The dashboard of the new organization, with its empty state.
  await expect(page).toHaveURL(`/o/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: organization })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^No targets for FY\d{4} yet$/ })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${name} · Owner`);
  await expect(page.getByRole("combobox", { name: "Organization" })).toHaveValue(slug);

  // Settings → Departments: the nine defaults, and nothing else.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`/o/${slug}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await openSettingsSection(page, "Departments");
  await expect(page).toHaveURL(`/o/${slug}/settings/departments`);
  const departments = card(page, "Departments");
  await expect(departments.getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length);
  for (const department of DEFAULT_DEPARTMENTS) {
    await expect(departmentRow(page, department).getByRole("textbox")).toHaveValue(department);
  }

  // Signing out returns to sign-in, and the organization is closed to a signed-out visitor.
  await signOut(page);
  await visit(page, `/o/${slug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(organization)).toHaveCount(0);
});

// Regression guard: the currency and time-zone options used to come from Intl during render and
// differed between Node and the browser, so hydration failed and React wiped what had been typed.
test("the sign-up page hydrates without React errors, so nothing typed early is wiped", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await visit(page, "/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  expect(errors, "uncaught errors while loading /sign-up").toEqual([]);
});
