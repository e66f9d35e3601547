import { expect, test } from "@playwright/test";
import { SHOTS, shot } from "./support/screenshots";
import {
  DEMO,
  DEMO_ORG,
  card,
  createInvitation,
  signIn,
  signUpFreshOwner,
  uniqueEmail,
  visit,
} from "./support/helpers";

// Every test here checks the page it visits; with SCREENSHOTS=1 it also saves a full-page PNG to
// test-results/screenshots/ for a visual review (light scheme, and dark where it matters).
// The dark scheme only adds pictures, so it runs only when they are wanted.
const SCHEMES = SHOTS ? (["light", "dark"] as const) : (["light"] as const);

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    const suffix = scheme === "light" ? "" : "-dark";

    test("sign-in", async ({ page }) => {
      await visit(page, "/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.getByLabel("Email").fill(DEMO.owner);
      await page.getByLabel("Password").fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
      await shot(page, `sign-in${suffix}`);
    });

    test("sign-up with errors", async ({ page }) => {
      await visit(page, "/sign-up");
      await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
      await page.getByLabel("Your name").fill("Screen Shot");
      await page.getByLabel("Work email").fill("not-an-email");
      await page.getByLabel("Password").fill("short");
      await page.getByLabel("Organization name").fill("X");
      // Leave the field before clicking: a message appearing on blur would move the button away.
      await page.getByLabel("Organization name").press("Tab");
      await page.getByRole("button", { name: "Create account and organization" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "Please correct the fields marked below." }),
      ).toBeVisible();
      await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
      await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
      await expect(page.getByText("Organization names have at least 2 characters.")).toBeVisible();
      await shot(page, `sign-up-errors${suffix}`);
    });

    test("dashboard", async ({ page }) => {
      await signIn(page, DEMO.owner);
      await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
      await shot(page, `dashboard${suffix}`);
    });

    test("departments", async ({ page }) => {
      await signIn(page, DEMO.owner);
      await visit(page, `/o/${DEMO_ORG.slug}/departments`);
      await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
      await shot(page, `departments${suffix}`);
    });

    test("settings as owner", async ({ page }) => {
      await signIn(page, DEMO.owner);
      await visit(page, `/o/${DEMO_ORG.slug}/settings/members`);
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      await expect(card(page, "Members").getByText(DEMO.owner)).toBeVisible();
      await shot(page, `settings-owner${suffix}`);
    });

    test("settings with a validation error", async ({ page }) => {
      const owner = await signUpFreshOwner(page, "shot");
      await visit(page, `/o/${owner.slug}/settings`);
      const organization = card(page, "Organization");
      await organization.getByLabel("At risk at (% of target)").fill("120");
      await organization.getByRole("button", { name: "Save settings" }).click();
      await expect(
        organization.getByText("The at-risk threshold must be below the on-track threshold.", { exact: true }),
      ).toBeVisible();
      await shot(page, `settings-validation-error${suffix}`);
    });

    test("settings as viewer (not allowed)", async ({ page }) => {
      await signIn(page, DEMO.viewer);
      await visit(page, `/o/${DEMO_ORG.slug}/settings`);
      await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
      await shot(page, `settings-viewer-not-allowed${suffix}`);
    });

    test("invitation page", async ({ page, browser }) => {
      await signIn(page, DEMO.owner);
      await visit(page, `/o/${DEMO_ORG.slug}/settings/invitations`);
      const link = await createInvitation(page, {
        email: uniqueEmail("screenshot"),
        role: "Department head",
        department: "Legal",
      });
      await shot(page, `settings-invitation-created${suffix}`);
      const context = await browser.newContext({ colorScheme: scheme });
      try {
        const invitee = await context.newPage();
        await visit(invitee, link);
        await expect(invitee.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
        await shot(invitee, `invitation${suffix}`);
      } finally {
        await context.close();
      }
    });

    test("dashboard at 390 px", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, DEMO.owner);
      await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
      await shot(page, `dashboard-390${suffix}`);
      await visit(page, `/o/${DEMO_ORG.slug}/settings`);
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      await shot(page, `settings-390${suffix}`);
    });
  });
}
