import { expect, test } from "@playwright/test";
import { DEMO, DEMO_ORG, card, createInvitation, reload, signIn, uniqueEmail, visit } from "./support/helpers";

// A user whose browser speaks another language, in another time zone, than the server.
test.use({ locale: "de-DE", timezoneId: "Pacific/Auckland" });

test("pages hydrate without React errors for a user in another locale and time zone", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  await visit(page, "/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  await visit(page, `/o/${DEMO_ORG.slug}/settings/invitations`);
  await createInvitation(page, { email: uniqueEmail("locale"), role: "Viewer" });
  await reload(page);
  await expect(card(page, "Invitations").getByRole("listitem").first()).toBeVisible();
  expect(errors).toEqual([]);
});
