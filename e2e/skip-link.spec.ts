import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";

// Issue 12, "Everywhere": a skip link as the first Tab stop, visible when focused, that moves focus
// to the main content; and a visible focus ring on every control, in the light and dark themes.

async function expectSkipLinkFirst(page: Page) {
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  // Out of sight until focused, then shown whole at the top of the viewport.
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  return skip;
}

/** The focus ring of a focused `control`: its outline, and whether the browser shows focus-visible. */
const focusRing = (control: Locator) =>
  control.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      color: style.outlineColor,
      matches: el.matches(":focus-visible"),
    };
  });

/** A theme colour (`--color-<name>`) as the browser computes it. */
const themeColor = (page: Page, name: string) =>
  page.evaluate((name) => {
    if (!getComputedStyle(document.documentElement).getPropertyValue(`--color-${name}`).trim())
      return `--color-${name} is not defined`;
    const probe = document.createElement("span");
    probe.style.color = `var(--color-${name})`;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, name);

test("in the app, the skip link is the first Tab stop and moves focus to the main content", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/settings/members`);
  const skip = await expectSkipLinkFirst(page);
  // Out of sight again once focus moved on.
  await expect(skip).not.toBeInViewport();
  // The next Tab stop is the first control of the page's content, not the header's.
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Organization" }),
  ).toBeFocused();
});

test("signed out, on the sign-in page too, the skip link comes first and leads to the form", async ({ page }) => {
  await visit(page, "/sign-in");
  await expectSkipLinkFirst(page);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`in the ${colorScheme} theme a link, a button, a select and a text field each show a focus ring`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await signIn(page, DEMO.owner);
    await visit(page, `/o/${DEMO_ORG.slug}/settings/invitations`);
    // Reached by keyboard once, so the browser shows focus-visible on every later programmatic focus.
    await page.keyboard.press("Tab");
    const invitations = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2, name: "Invitations" }) });
    const controls = [
      page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Members" }),
      invitations.getByRole("button", { name: "Create invitation link" }),
      invitations.getByLabel("Role", { exact: true }),
      invitations.getByLabel("Email"),
    ];
    // One ring colour per theme: the light theme's would not show on the dark one, and back.
    const accent = await themeColor(page, colorScheme === "light" ? "accent-600" : "accent-300");
    expect(accent).not.toMatch(/not defined/);
    for (const control of controls) {
      await control.focus();
      // Polled: a button's colour transition also eases its outline in.
      await expect
        .poll(() => focusRing(control))
        .toEqual({ style: "solid", width: "2px", color: accent, matches: true });
    }
  });
}
