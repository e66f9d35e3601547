import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "./playwright.config";
import { runDbScript } from "./support/db-script";
import { formMessage, signIn, signOut, visit } from "./support/helpers";
import { closeDialog } from "./support/dialog";
import { shot } from "./support/screenshots";

// My work on a fixed clock (Thursday 3 December 2026): each person lands on what they owe, does it
// where the item links, and comes back to a shorter list. The organization is seeded fresh
// (e2e/support/inbox-db.ts) so every count is known.
test.describe.configure({ mode: "serial" });

const NOW = "2026-12-03T15:00:00Z";
const PASSWORD = "correct horse battery";
let seed: {
  slug: string;
  users: Record<"owner" | "legalHead" | "finance" | "salesManager" | "viewer", string>;
  outsider: string;
  legalId: string;
};

test.beforeAll(() => {
  seed = JSON.parse(runDbScript("inbox-db.ts", "seed", {}));
});

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "revtrace-test-now", value: NOW, url: baseURL }]);
});

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const items = (page: Page) => page.getByTestId("inbox-item");

async function expectNoSidewaysScroll(page: Page) {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await expect.poll(overflow, { message: "pixels of horizontal page scroll" }).toBeLessThanOrEqual(0);
}

/** The page as it stands at 1440 px and at 390 px (no sideways scroll on the phone). */
async function lookAt(page: Page, name: string) {
  await shot(page, `inbox-${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, `inbox-${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("a department head lands on My work, writes the red month's narrative from it, and the item is gone", async ({
  page,
}) => {
  await signIn(page, seed.users.legalHead, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}/inbox`);
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "My work 2 owed" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(items(page)).toHaveCount(2);
  await expect(page.getByRole("region", { name: /Due soon/ }).getByTestId("inbox-item")).toContainText(
    "Deliver the commitment “Template MSA for deals under $50k”, or mark it done or missed",
  );
  await expect(page.getByRole("region", { name: /Due soon/ })).toContainText("due in 2 days");
  const red = items(page).filter({ hasText: "Explain why November 2026 was red" });
  await expect(red).toContainText("Legal · November 2026 · waiting 2 days");
  await lookAt(page, "head");

  await red.getByRole("link", { name: "Write the narrative" }).click();
  await expect(page).toHaveURL(`/o/${seed.slug}/departments/${seed.legalId}?period=m-2026-11#narrative-2026-11`);
  const form = page.getByRole("form", { name: "Narrative for Nov 2026" });
  await expect(form).toBeInViewport();
  await form.getByLabel("Why — Nov 2026").fill("Two MSAs waited three weeks on redlines.");
  await form.getByLabel("What next — Nov 2026").fill("A template MSA for deals under $50k by the 15th.");
  await form.getByRole("button", { name: "Save narrative" }).click();
  await expect(formMessage(form, "Narrative for Nov 2026 saved.")).toBeVisible();
  // The link opened the month's narrative dialog; closed, the saved text reads on the scorecard.
  await closeDialog(page);
  await expect(page.getByTestId("narrative-2026-11")).toContainText("Two MSAs waited three weeks on redlines.");
  await expect(nav(page).getByRole("link", { name: "My work 1 owed" })).toBeVisible();

  await nav(page)
    .getByRole("link", { name: /^My work/ })
    .click();
  await expect(page).toHaveURL(`/o/${seed.slug}/inbox`);
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByText("Explain why November 2026 was red")).toHaveCount(0);
  await expect(page.getByTestId("inbox-total")).toHaveText("1 item owed.");
});

test("finance lands on My work and sees the claim to review, linked to the department's contributions", async ({
  page,
}) => {
  await signIn(page, seed.users.finance, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}/inbox`);
  await expect(nav(page).getByRole("link", { name: "My work 1 owed" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
  const claim = items(page).filter({ hasText: "Confirm or dispute a claim from Marketing for November 2026" });
  await expect(claim).toContainText("Marketing · November 2026 · +$12,400.00 claimed · waiting 2 days");
  await lookAt(page, "finance");
  await claim.getByRole("link", { name: "Review the claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${seed.slug}/departments/[^/?]+\\?period=m-2026-11#contributions$`));
  await expect(page.getByTestId("contributions-table")).toContainText("Webinar-sourced deals won");
});

test("a sales manager lands on the stale deal; the owner and a viewer land on the dashboard", async ({ page }) => {
  await signIn(page, seed.users.salesManager, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}/inbox`);
  const deal = items(page).filter({
    hasText: "Update “Initech renewal”: it was expected to close Nov 20, 2026 and is still open",
  });
  await expect(deal).toContainText("13 days past its close date");
  await lookAt(page, "sales-manager");
  await deal.getByRole("link", { name: "Update the deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Initech renewal" })).toBeVisible();
  await signOut(page);

  await signIn(page, seed.users.owner, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}`);
  await expect(nav(page).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).getByRole("link", { name: "Settings" })).toBeVisible();
  await nav(page).getByRole("link", { name: "My work 1 owed" }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText("Confirm or dispute a claim from Marketing for November 2026");
  await lookAt(page, "owner");
  await signOut(page);

  await signIn(page, seed.users.viewer, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}`);
  await expect(nav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await nav(page).getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Nothing owed" })).toBeVisible();
  await expect(page.getByText("Your role here reads Revtrace; nothing waits on you.")).toBeVisible();
  await lookAt(page, "viewer");
});

test("a member of another organization gets the 404 page for its My work", async ({ page }) => {
  await signIn(page, seed.outsider, PASSWORD);
  const response = await visit(page, `/o/${seed.slug}/inbox`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Marketing")).toHaveCount(0);
});
