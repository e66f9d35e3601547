import { expect, type Page } from "@playwright/test";
import { visit } from "./helpers";
import { latestMailTo, linkIn } from "./mail";

/**
 * Opens the newest verification email to `email` (sent at or after `after`, when given) in `page`
 * and presses "Verify my address": the emailed link only shows the button, the press verifies.
 */
export async function verifyFromEmail(page: Page, email: string, options: { after?: Date } = {}) {
  const mail = await latestMailTo(email, options);
  expect(mail.subject).toBe("Verify your email address for Revtrace");
  await visit(page, linkIn(mail, "/verify-email"));
  await page.getByRole("button", { name: "Verify my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is verified.` })).toBeVisible();
}

/**
 * A new person on an invitation link: creates the account, verifies the address from the emailed
 * link, comes back to the invitation and accepts it. Ends wherever the new member lands.
 */
export async function joinThroughInvitation(
  page: Page,
  link: string,
  person: { name: string; email: string; password: string },
) {
  await visit(page, link);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  // Signed in, back on the invitation, which waits for the address to be proven.
  await expect(
    page.getByText(`Verify your email address first: we sent a link to ${person.email}.`, { exact: false }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await verifyFromEmail(page, person.email);
  await page.getByRole("link", { name: "Accept the invitation" }).click();
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept invitation" }).click();
}
