import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, card, signIn, visit, waitForHydration } from "./support/helpers";
import { expectAccessible, expectNoPageScroll } from "./support/a11y";

// Issue 12: Settings is one section per page, each reached by the settings' own navigation (a side
// list on a laptop, a wrapping row on a phone) that marks where the reader is.

const SETTINGS = `/o/${DEMO_ORG.slug}/settings`;
const SECTIONS = [
  { label: "Organization", path: "", control: "Save settings" },
  { label: "Departments", path: "/departments", control: "Add" },
  { label: "Contribution categories", path: "/categories", control: null },
  { label: "Pipeline", path: "/pipeline", control: "Add" },
  { label: "Members", path: "/members", control: null },
  { label: "Invitations", path: "/invitations", control: "Create invitation link" },
  { label: "API tokens", path: "/api", control: "Create token" },
  { label: "Activity", path: "/activity", control: null },
  { label: "Board pack", path: "/board-pack", control: "Save recipients" },
  { label: "Scheduled jobs", path: "/jobs", control: null },
  { label: "Email notifications", path: "/notifications", control: "Save email notifications" },
] as const;

const sectionsNav = (page: Page) => page.getByRole("navigation", { name: "Settings sections" });

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width} px the owner moves between the settings sections by their navigation`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await signIn(page, DEMO.owner);
    // The dashboard after sign-in is the heaviest page: a click before it hydrates was lost once.
    await waitForHydration(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(SETTINGS);
    const nav = sectionsNav(page);
    await expect(nav.getByRole("link")).toHaveText(SECTIONS.map((s) => s.label));

    for (const section of SECTIONS) {
      const link = nav.getByRole("link", { name: section.label, exact: true });
      // Every section is in sight without scrolling sideways (a phone wraps the list).
      const box = await link.boundingBox();
      expect(box, section.label).not.toBeNull();
      expect(box!.x, `${section.label} starts in the viewport`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${section.label} ends in the viewport`).toBeLessThanOrEqual(viewport.width);
      await link.click();
      await expect(page).toHaveURL(`${SETTINGS}${section.path}`);
      await expect(link).toHaveAttribute("aria-current", "page");
      await expect(nav.locator("[aria-current]")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      // The section's card, and none of the others.
      await expect(card(page, section.label)).toBeVisible();
      for (const other of SECTIONS.filter((s) => s !== section)) await expect(card(page, other.label)).toHaveCount(0);
      if (section.control)
        await expect(
          card(page, section.label).getByRole("button", { name: section.control, exact: true }).first(),
        ).toBeVisible();

      const navBox = (await nav.boundingBox())!;
      const cardBox = (await card(page, section.label).boundingBox())!;
      if (viewport.width >= 1024)
        expect(navBox.x + navBox.width, "the list sits beside the section").toBeLessThanOrEqual(cardBox.x);
      else expect(navBox.y + navBox.height, "the list sits above the section").toBeLessThanOrEqual(cardBox.y);

      const what = `settings: ${section.label} at ${viewport.width} px`;
      await expectNoPageScroll(page, what);
      await expectAccessible(page, what);
    }

    // A section's address opens it directly, marked in the list.
    await visit(page, `${SETTINGS}/members`);
    await expect(nav.getByRole("link", { name: "Members", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Organization", exact: true })).not.toHaveAttribute(
      "aria-current",
      /.*/,
    );
  });
}

test("no settings section opens for finance: each answers Not allowed, without the sections' list", async ({
  page,
}) => {
  await signIn(page, DEMO.finance);
  // Email notifications are the person's own: every role opens them (e2e/notifications.spec.ts).
  for (const section of SECTIONS.filter((s) => s.path !== "/notifications")) {
    await visit(page, `${SETTINGS}${section.path}`);
    await expect(page.getByRole("region", { name: "Not allowed" })).toContainText(
      "Your role here is Finance. Only an owner can change the organization's settings, departments and members.",
    );
    await expect(sectionsNav(page)).toHaveCount(0);
    await expect(card(page, section.label)).toHaveCount(0);
  }
});
