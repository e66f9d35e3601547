import { expect, test, type Browser } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, signOut } from "./support/helpers";

// Finding 8 of issue 10, sign-out does not end the session: the old cookie still worked for 12
// hours after signing out.

async function contextWithCookies(
  browser: Browser,
  cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>,
) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

test("the session cookie from before sign-out no longer opens the app: sent to sign-in", async ({ browser, page }) => {
  await signIn(page, DEMO.viewer);
  const before = await page.context().cookies();
  expect(
    before.some((c) => c.name.includes("session-token")),
    "a session cookie was set",
  ).toBe(true);
  await signOut(page);

  // Someone replays the old cookie (copied before the sign-out) in another browser.
  const replay = await contextWithCookies(browser, before);
  const other = await replay.newPage();
  await other.goto(`/o/${DEMO_ORG.slug}/settings`);
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await replay.close();
});

test("sign out everywhere ends the sessions of the user's other browsers too", async ({ browser, page }) => {
  await signIn(page, DEMO.viewer);
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await signIn(phone, DEMO.viewer);

  await expect(page.getByTestId("current-user")).toHaveText("Beatrix Vogel · Viewer");
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await phone.goto(`/o/${DEMO_ORG.slug}`);
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=/);
  await phoneContext.close();

  // Signing in again works.
  await signIn(page, DEMO.viewer);
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
});
