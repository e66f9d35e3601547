import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, SIGN_IN_MISMATCH, uniqueEmail, visit } from "./support/helpers";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectMismatch(page: Page) {
  // Next's route announcer is also role=alert: find the message by its text.
  await expect(page.getByRole("alert").filter({ hasText: SIGN_IN_MISMATCH })).toHaveText(SIGN_IN_MISMATCH);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("a wrong password is refused with the generic message", async ({ page }) => {
  await visit(page, "/sign-in");
  await submitSignIn(page, DEMO.owner, "not-the-password");
  await expectMismatch(page);
});

test("an unknown email is refused with the same message", async ({ page }) => {
  await visit(page, "/sign-in");
  await submitSignIn(page, uniqueEmail("nobody"), DEMO_PASSWORD);
  await expectMismatch(page);
});

test("after a wrong password, the right one signs in", async ({ page }) => {
  await visit(page, "/sign-in");
  await submitSignIn(page, DEMO.owner, "not-the-password");
  await expectMismatch(page);
  await submitSignIn(page, DEMO.owner, DEMO_PASSWORD);
  await expect(page).toHaveURL("/o/acme");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Casey Chen · Owner");
  await expect(page.getByText(SIGN_IN_MISMATCH)).toHaveCount(0);
});

test("a callbackUrl on the sign-in page is followed after signing in", async ({ page }) => {
  await visit(page, `/sign-in?callbackUrl=${encodeURIComponent("/o/acme/settings")}`);
  await submitSignIn(page, DEMO.owner, DEMO_PASSWORD);
  await expect(page).toHaveURL("/o/acme/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("a signed-out visitor of /o/acme/settings is sent to sign-in and back to settings", async ({ page }) => {
  await visit(page, "/o/acme/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl"), "where sign-in will return to").toBe("/o/acme/settings");
  await submitSignIn(page, DEMO.owner, DEMO_PASSWORD);
  await expect(page).toHaveURL("/o/acme/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("an off-site callbackUrl is ignored: sign-in lands on the user's organization", async ({ page }) => {
  await visit(page, `/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
  await submitSignIn(page, DEMO.owner, DEMO_PASSWORD);
  await expect(page).toHaveURL("/o/acme");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
});

test("after 10 failed sign-ins an address is locked, and says so, even for the right password", async ({ page }) => {
  // An unknown address: the lock counts failures per address, whether or not it has an account.
  const email = uniqueEmail("locked");
  await visit(page, "/sign-in");
  for (let i = 0; i < 10; i++) {
    await submitSignIn(page, email, `wrong-${i}`);
    await expectMismatch(page);
  }
  await submitSignIn(page, email, DEMO_PASSWORD);
  const locked = "Too many failed sign-ins for this address. Try again in 15 minutes.";
  await expect(page.getByRole("alert").filter({ hasText: locked })).toHaveText(locked);
  await expect(page).toHaveURL(/\/sign-in$/);
});
