import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/helpers";

// The demo organization's dashboard is seeded with revenue, so this checks the shell and the
// header only; the empty state is covered on a fresh organization in sign-up.spec.ts.
test("a demo owner signs in and sees the Acme dashboard", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expect(page).toHaveURL("/o/acme");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(page.getByText(/^Revenue target versus actual/)).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Casey Chen · Owner");
  const nav = page.getByRole("navigation", { name: "Main" });
  // My work carries the owner's count (what the seed leaves owed today).
  await expect(nav.getByRole("link")).toHaveText([
    "Dashboard",
    /^My work\d+ owed$/,
    "Revenue",
    "Departments",
    "Pipeline",
    "Settings",
  ]);
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});

test("every page names the app's icon, and it is served", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
