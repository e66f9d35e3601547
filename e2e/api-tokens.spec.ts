import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoPageScroll } from "./support/a11y";
import { DEMO, DEMO_ORG, card, formMessage, reload, signIn, visit } from "./support/helpers";
import { ORG_TIME_ZONE, batchRow, signUpRevenueOwner } from "./support/revenue";
import { shot } from "./support/screenshots";

// Issue 13: an owner creates an API token in Settings, a script pushes a month of actuals with it,
// the dashboard shows them, Activity names the token; the owner revokes it and the next call gets 401.

test.use({ timezoneId: ORG_TIME_ZONE });

const NOW = "2026-12-03T10:00:00Z";
const tokensCard = (page: Page) => card(page, "API tokens");
const tokenItem = (page: Page, name: string) =>
  tokensCard(page).getByRole("listitem", { name: `API token ${name}`, exact: true });
const bearerBox = (page: Page) => page.getByTestId("api-token-bearer");

async function fixClock(page: Page) {
  await page
    .context()
    .addCookies([
      { name: "revtrace-test-now", value: NOW, url: test.info().project.use.baseURL ?? "http://localhost:3100" },
    ]);
  await page.clock.setFixedTime(new Date(NOW));
}

/** Creates a token in Settings → API tokens (the page must be open) and returns the value shown once. */
async function createToken(page: Page, name: string, scopes: string[]) {
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill(name);
  for (const scope of scopes) await form.getByRole("checkbox", { name: new RegExp(`^${scope}:`) }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(formMessage(tokensCard(page), `Token “${name}” created.`)).toBeVisible();
  await expect(page.getByRole("region", { name: `Copy the token “${name}” now` })).toContainText(
    "It will not be shown again.",
  );
  const bearer = (await bearerBox(page).textContent())?.trim() ?? "";
  expect(bearer).toMatch(/^rvt_[a-z0-9]+_[A-Za-z0-9_-]{43}$/);
  return bearer;
}

// November 2026 in Berlin: three invoices, 1,250.00 + 980.50 + 2,000.00 = 4,230.50.
const NOVEMBER = {
  entries: [
    { date: "2026-11-03", amount: "1250.00", reference: "INV-1001", customer: "Globex" },
    { date: "2026-11-17", amount: "980.50", reference: "INV-1002", customer: "Initech" },
    { date: "2026-11-28", amount: "2000.00", reference: "INV-1003", customer: "Umbrella" },
  ],
};

test("an owner creates a token, a script pushes November's actuals with it, and a revoked token gets 401", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await fixClock(page);
  const owner = await signUpRevenueOwner(page, "Api");
  const settings = `/o/${owner.slug}/settings`;

  // The owner finds API tokens in the settings' navigation and creates one for the billing system.
  await visit(page, settings);
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "API tokens", exact: true })
    .click();
  await expect(page).toHaveURL(`${settings}/api`);
  await expect(tokensCard(page).getByText("No tokens yet.")).toBeVisible();
  const bearer = await createToken(page, "Billing sync", ["Read", "Write revenue"]);
  const item = tokenItem(page, "Billing sync");
  await expect(item).toContainText("Active");
  await expect(item).toContainText("Read, Write revenue");
  await expect(item).toContainText(owner.name);
  await expect(item).toContainText("Last usedNever");
  await expect(item).toContainText("ExpiresNever");
  // The list shows the prefix only, never the secret.
  const secret = bearer.split("_").slice(2).join("_");
  await expect(item).toContainText(`rvt_…${secret.slice(0, 6)}`);
  await expect(item).not.toContainText(secret);
  // The curl examples name this organization's own address.
  await expect(card(page, "How to call the API")).toContainText(
    `curl -X POST "${new URL(page.url()).origin}/api/v1/revenue-entries"`,
  );

  // Shown once: a reload (or anyone opening the page later) does not get it back.
  await reload(page);
  await expect(bearerBox(page)).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);

  // The billing system pushes November's actuals. A retry with the same key writes nothing twice.
  const push = () =>
    request.post("/api/v1/revenue-entries", {
      headers: {
        Authorization: `Bearer ${bearer}`,
        "Idempotency-Key": "billing-2026-11",
        "Content-Type": "application/json",
      },
      data: NOVEMBER,
    });
  const first = await push();
  expect(first.status(), await first.text()).toBe(201);
  expect(await first.json()).toMatchObject({ created: 3, total: "4230.50", currency: "USD", months: ["2026-11"] });
  const retry = await push();
  expect(retry.status()).toBe(201);
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect(await retry.json()).toEqual(await first.json());

  // The dashboard shows them, once.
  await visit(page, `/o/${owner.slug}?period=m-2026-11`);
  await expect(page.getByTestId("tile-actual").locator("dd[title]")).toHaveAttribute("title", "$4,230.50");

  // The revenue page lists the push as an import batch sent by the token.
  await visit(page, `/o/${owner.slug}/revenue?fy=2026`);
  await expect(batchRow(page, "API: Billing sync")).toContainText("API token “Billing sync”");

  // The token's last use is recorded, and Activity names the token as who wrote.
  await visit(page, `${settings}/api`);
  await expect(tokenItem(page, "Billing sync")).not.toContainText("Last usedNever");
  await visit(page, `${settings}/activity`);
  const activity = card(page, "Activity");
  // One push, once: the retry wrote nothing, not even an audit event.
  const byToken = activity
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "API token “Billing sync”", exact: true }) });
  await expect(byToken).toHaveCount(1);
  await expect(byToken).toContainText("Pushed actuals through the API");
  await expect(
    activity.getByRole("row").filter({ hasText: owner.name }).filter({ hasText: "Created API token" }),
  ).toBeVisible();

  // The owner revokes it, after confirming.
  await visit(page, `${settings}/api`);
  await tokenItem(page, "Billing sync").getByRole("button", { name: "Revoke the token Billing sync" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke the token “Billing sync”?" });
  await expect(dialog).toContainText("Every call made with it gets 401 from then on.");
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(formMessage(tokensCard(page), "Token “Billing sync” revoked. Calls with it now get 401.")).toBeVisible();
  await expect(tokenItem(page, "Billing sync")).toContainText("Revoked");
  await expect(tokenItem(page, "Billing sync").getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // The next call gets 401 with the error body, and writes nothing.
  const refused = await request.post("/api/v1/revenue-entries", {
    headers: {
      Authorization: `Bearer ${bearer}`,
      "Idempotency-Key": "billing-2026-11-again",
      "Content-Type": "application/json",
    },
    data: { entries: [{ date: "2026-11-30", amount: "5.00", reference: "INV-1004" }] },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({
    error: { code: "UNAUTHENTICATED", message: "That API token was revoked. Ask an owner for a new one.", fields: {} },
  });
  await visit(page, `/o/${owner.slug}?period=m-2026-11`);
  await expect(page.getByTestId("tile-actual").locator("dd[title]")).toHaveAttribute("title", "$4,230.50");
  await visit(page, `${settings}/activity`);
  await expect(card(page, "Activity").getByRole("row").filter({ hasText: "Revoked API token" })).toBeVisible();
});

test("a form error names the field, and the token is not created", async ({ page }) => {
  await fixClock(page);
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/settings/api`);
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill("Backdated");
  await form.getByRole("checkbox", { name: /^Read:/ }).check();
  await form.getByLabel("Expires on (optional)").fill("2026-11-30");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByLabel("Expires on (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Choose a date after today, or leave it empty for no expiry.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Backdated");
  await expect(tokenItem(page, "Backdated")).toHaveCount(0);
  await expect(bearerBox(page)).toHaveCount(0);
});

for (const [role, email] of [
  ["Viewer", DEMO.viewer],
  ["Finance", DEMO.finance],
] as const) {
  test(`a ${role.toLowerCase()} is offered neither API tokens nor Activity, and their addresses answer Not allowed`, async ({
    page,
  }) => {
    await signIn(page, email);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const path of ["/settings/api", "/settings/activity"]) {
      await visit(page, `/o/${DEMO_ORG.slug}${path}`);
      await expect(page.getByRole("region", { name: "Not allowed" })).toContainText(`Your role here is ${role}.`);
      await expect(page.getByRole("navigation", { name: "Settings sections" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
      await expect(tokensCard(page)).toHaveCount(0);
      await expect(card(page, "Activity")).toHaveCount(0);
    }
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`API tokens and Activity at ${viewport.width} px: readable, accessible, nothing scrolls sideways but code`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await fixClock(page);
    await signIn(page, DEMO.owner);
    await visit(page, `/o/${DEMO_ORG.slug}/settings/api`);
    const name = `Warehouse export ${viewport.width}`;
    await createToken(page, name, ["Read"]);
    const what = `API tokens at ${viewport.width} px`;
    await expectNoPageScroll(page, what);
    await expectAccessible(page, what);
    // Each example's code box is a named, focusable region that scrolls on its own.
    const example = page.getByRole("region", { name: "Example: Push actuals (revenue entries)" });
    await expect(example).toHaveAttribute("tabindex", "0");
    await shot(page, `api-tokens-${viewport.width}`);

    await page.getByRole("button", { name: `Revoke the token ${name}` }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page, `${what}, revoke dialog`);
    await shot(page, `api-tokens-revoke-${viewport.width}`);
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(tokenItem(page, name)).toContainText("Revoked");

    await visit(page, `/o/${DEMO_ORG.slug}/settings/activity`);
    await expect(
      card(page, "Activity").getByRole("row").filter({ hasText: "Revoked API token" }).first(),
    ).toBeVisible();
    await expectNoPageScroll(page, `Activity at ${viewport.width} px`);
    await expectAccessible(page, `Activity at ${viewport.width} px`);
    await shot(page, `activity-${viewport.width}`);

    // The demo organization has more than a page of changes: older ones are a link away, and back.
    const activity = card(page, "Activity");
    const newestFirst = await activity.getByRole("row").nth(1).textContent();
    await activity.getByRole("link", { name: "Load older →" }).click();
    await expect(page).toHaveURL(/\/settings\/activity\?before=\d+\.[a-z0-9]+$/);
    await expect(activity.getByRole("row").nth(1)).not.toHaveText(newestFirst ?? "");
    await activity.getByRole("link", { name: "← Newest" }).click();
    await expect(activity.getByRole("row").nth(1)).toHaveText(newestFirst ?? "");
  });
}
