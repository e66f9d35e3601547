import { expect, type Page, test } from "@playwright/test";
import { signUpFreshOwner, visit } from "./support/helpers";
import { verifyFromEmail } from "./support/invitations";
import { latestMailTo, linkIn } from "./support/mail";
import { shot } from "./support/screenshots";

const banner = (page: Page) => page.getByRole("region", { name: "Email verification" });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

test("a new owner verifies their address from the emailed link; opening the link alone changes nothing", async ({
  page,
}) => {
  const owner = await signUpFreshOwner(page, "verify");
  await expect(banner(page)).toContainText(`Verify your address: we sent a link to ${owner.email}.`);
  await expect(banner(page).getByRole("button", { name: "Send a new link" })).toBeVisible();
  await shot(page, "verify-email-banner");

  const mail = await latestMailTo(owner.email);
  expect(mail.subject).toBe("Verify your email address for Revtrace");
  expect(mail.text).toContain(`This message is for ${owner.name} <${owner.email}>.`);
  expect(mail.text).toContain("The link expires in 48 hours.");
  const link = linkIn(mail, "/verify-email");

  // The GET shows a button and writes nothing (mail scanners open links too).
  await visit(page, link);
  await expect(page.getByRole("heading", { name: "Verify your email address" })).toBeVisible();
  await expect(page.getByText(`Confirm that ${owner.email} is your address.`)).toBeVisible();
  await shot(page, "verify-email-page");
  await visit(page, `/o/${owner.slug}`);
  await expect(banner(page)).toBeVisible();

  await visit(page, link);
  await page.getByRole("button", { name: "Verify my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${owner.email} is verified.` })).toBeVisible();
  await shot(page, "verify-email-done");
  await page.getByRole("link", { name: "Continue to Revtrace" }).click();
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: owner.organization })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // The link again: already verified, nothing to press.
  await visit(page, link);
  await expect(page.getByRole("heading", { name: "Address verified" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verify my address" })).toHaveCount(0);
});

test("a forged or expired link is refused, and a new link can be sent (at 390 px)", async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const owner = await signUpFreshOwner(page, "expired");
  await expect(banner(page)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, "verify-email-banner-390");
  const link = new URL(linkIn(await latestMailTo(owner.email), "/verify-email"));

  // Another subject under the same signature.
  const [, expiry, signature] = (link.searchParams.get("token") ?? "").split(".");
  const forged = new URL(link);
  forged.searchParams.set("token", `someone-else.${expiry}.${signature}`);
  await visit(page, forged.toString());
  await expect(page.getByRole("heading", { name: "Link not valid" })).toBeVisible();
  await expect(page.getByText("This link is not valid. Check that you copied all of it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Verify my address" })).toHaveCount(0);

  // 49 hours later (the server's test clock), the genuine link has expired.
  const later = new Date(Date.now() + 49 * 3_600_000).toISOString();
  await context.addCookies([{ name: "revtrace-test-now", value: later, url: link.origin }]);
  await visit(page, link.toString());
  await expect(page.getByRole("heading", { name: "Link expired" })).toBeVisible();
  await expect(page.getByText("This link has expired — sign in and send a new one.")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, "verify-email-expired-390");

  // Signed in, a new link is one press away; it works (at the same later time).
  const asked = new Date();
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We sent a new link to ${owner.email}.` })).toBeVisible();
  await verifyFromEmail(page, owner.email, { after: asked });
  await expectNoSidewaysScroll(page);
  await visit(page, `/o/${owner.slug}`);
  await expect(banner(page)).toHaveCount(0);
});
