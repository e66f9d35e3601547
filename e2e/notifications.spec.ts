import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, expectNoPageScroll } from "./support/a11y";
import { runDbScript } from "./support/db-script";
import { card, DEMO, DEMO_ORG, reload, signIn, uniqueId, visit, waitForHydration } from "./support/helpers";
import { shot } from "./support/screenshots";

// Issue 14: every member chooses how often Revtrace emails them (Settings → Email notifications,
// reached from the user menu by roles that have no Settings), and an email's unsubscribe link
// that was forged or altered changes nothing.

const NOTIFICATIONS = `/o/${DEMO_ORG.slug}/settings/notifications`;

async function openFromUserMenu(page: Page) {
  await waitForHydration(page);
  await page.locator("summary", { hasText: "Account:" }).click();
  await page.getByRole("link", { name: "Email notifications" }).click();
  await expect(page).toHaveURL(NOTIFICATIONS);
  await waitForHydration(page);
}

const radio = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px a department head picks the weekly digest, and it stays picked`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await signIn(page, DEMO.head);
    await openFromUserMenu(page);

    const section = card(page, "Email notifications");
    await expect(section).toContainText(DEMO.head);
    await expect(section).toContainText("applies to all your organizations");
    await expect(page.getByRole("group", { name: "How often should Revtrace email you?" })).toBeVisible();
    for (const name of ["Immediate", "Daily digest", "Weekly digest", "None"])
      await expect(radio(page, name)).toBeVisible();
    // Everyone starts with the daily digest.
    await expect(radio(page, "Daily digest")).toBeChecked();

    await radio(page, "Weekly digest").check();
    await page.getByRole("button", { name: "Save email notifications" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: Weekly digest. This applies to all your organizations.");

    await reload(page);
    await expect(radio(page, "Weekly digest")).toBeChecked();
    await expect(radio(page, "Daily digest")).not.toBeChecked();

    const what = `email notifications at ${viewport.width} px`;
    await expectNoPageScroll(page, what);
    await expectAccessible(page, what);
    await shot(page, `notifications-${viewport.width}`);

    // Back to the seeded default, for the next journey.
    await radio(page, "Daily digest").check();
    await page.getByRole("button", { name: "Save email notifications" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: Daily digest. This applies to all your organizations.");
  });

  test(`at ${viewport.width} px an unsubscribe link that was altered is not valid`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await visit(page, "/unsubscribe?token=someone.0.forged-signature");
    await expect(page.getByRole("heading", { level: 1, name: "Link not valid" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This unsubscribe link is not valid");
    await expect(page.getByRole("button", { name: "Stop all email" })).toHaveCount(0);
    const what = `unsubscribe (not valid) at ${viewport.width} px`;
    await expectNoPageScroll(page, what);
    await expectAccessible(page, what);
    await shot(page, `unsubscribe-invalid-${viewport.width}`);
  });
}

test("the unsubscribe link of an email asks first, then stops every email to that person", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const person = JSON.parse(runDbScript("notifications-db.ts", "user", { id: uniqueId() })) as {
    email: string;
    token: string;
  };
  const frequency = () =>
    (JSON.parse(runDbScript("notifications-db.ts", "frequency", { email: person.email })) as { emailFrequency: string })
      .emailFrequency;
  await visit(page, `/unsubscribe?token=${encodeURIComponent(person.token)}`);
  await expect(page.getByRole("heading", { level: 1, name: `Stop Revtrace emails to ${person.email}?` })).toBeVisible();
  // Opening the link (as mail scanners do) changes nothing.
  expect(frequency()).toBe("DAILY");
  await expectNoPageScroll(page, "unsubscribe at 390 px");
  await expectAccessible(page, "unsubscribe at 390 px");
  await shot(page, "unsubscribe-390");
  await page.getByRole("button", { name: "Stop all email" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribed" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    "You will get no more email. Change it any time in settings",
  );
  expect(frequency()).toBe("NONE");
  await shot(page, "unsubscribe-done-390");
});

test("a viewer, who has no Settings, reaches Email notifications from the user menu", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await openFromUserMenu(page);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings sections" })).toHaveCount(0);
  await expect(radio(page, "Daily digest")).toBeChecked();
  // The organization's settings stay closed to a viewer.
  await visit(page, `/o/${DEMO_ORG.slug}/settings`);
  await expect(page.getByRole("region", { name: "Not allowed" })).toContainText("Your role here is Viewer.");
});
