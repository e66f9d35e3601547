import { expect, test } from "@playwright/test";
import { createInvitation, formMessage, reload, uniqueId, visit } from "./support/helpers";
import { joinThroughInvitation } from "./support/invitations";
import { ORG_TIME_ZONE, gridRow, openRevenue, signUpRevenueOwner, targetInput, targetsGrid } from "./support/revenue";

// Issue 10, finding 3 ("Lost updates"): the owner and finance on the same targets grid. A month
// saved from a page loaded before someone else's save of that month is refused, naming who saved
// it; what was typed stays in the field; a month nobody else touched saves, and the grid never
// writes back the months the user left alone.

test.use({ timezoneId: ORG_TIME_ZONE });

const SHOTS = process.env.SCREENSHOTS === "1";

test("finance's stale save of May is refused naming the owner, and June saves without putting May back", async ({
  page: owner,
  browser,
}) => {
  const ownerAccount = await signUpRevenueOwner(owner, "Lost");
  const financeName = `Anna Finance ${uniqueId()}`;

  // The owner invites finance, who joins in a browser of their own.
  await visit(owner, `/o/${ownerAccount.slug}/settings/invitations`);
  const financeEmail = `finance-${uniqueId()}@e2e.example`;
  const link = await createInvitation(owner, { email: financeEmail, role: "Finance" });
  const context = await browser.newContext({ timezoneId: ORG_TIME_ZONE });
  try {
    const finance = await context.newPage();
    await joinThroughInvitation(finance, link, {
      name: financeName,
      email: financeEmail,
      password: "a-strong-password",
    });
    await expect(finance).toHaveURL(new RegExp(`/o/${ownerAccount.slug}`));

    // Targets of $1,000,000 for May and June, then both people open the grid.
    await openRevenue(owner, ownerAccount.slug);
    await targetInput(owner, "May 2026").fill("1,000,000");
    await targetInput(owner, "Jun 2026").fill("1,000,000");
    await targetsGrid(owner).getByRole("button", { name: "Save targets" }).click();
    await expect(formMessage(targetsGrid(owner), "Saved targets for 2 months.")).toBeVisible();
    await openRevenue(finance, ownerAccount.slug);
    await expect(targetInput(finance, "May 2026")).toHaveValue("1,000,000.00");

    // The owner raises May.
    await targetInput(owner, "May 2026").fill("1,200,000");
    await targetsGrid(owner).getByRole("button", { name: "Save targets" }).click();
    await expect(formMessage(targetsGrid(owner), "Saved targets for 1 month.")).toBeVisible();

    // Finance, without reloading, lowers May: refused, naming the owner and the owner's amount.
    await targetInput(finance, "May 2026").fill("800,000");
    await targetsGrid(finance).getByRole("button", { name: "Save targets" }).click();
    const conflict = new RegExp(
      `^${ownerAccount.name} changed May 2026's target to \\$1,200,000\\.00 at \\d\\d:\\d\\d; reload to see it — your input is kept\\.$`,
    );
    await expect(formMessage(targetsGrid(finance), conflict)).toBeVisible();
    await expect(gridRow(finance, "May 2026").getByText(conflict)).toBeVisible();
    await expect(targetInput(finance, "May 2026")).toHaveValue("800,000");
    await expect(targetInput(finance, "May 2026")).toHaveAttribute("aria-invalid", "true");
    if (SHOTS) {
      await finance.screenshot({ path: "test-results/screenshots/lost-update-conflict-1440.png", fullPage: true });
      await finance.setViewportSize({ width: 390, height: 844 });
      // On a phone the grid scrolls inside its card; the page itself does not scroll sideways.
      await expect
        .poll(() => finance.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
        .toBeLessThanOrEqual(0);
      await finance.screenshot({ path: "test-results/screenshots/lost-update-conflict-390.png", fullPage: true });
      await finance.setViewportSize({ width: 1440, height: 900 });
    }

    // Finance gives up on May (typing back the amount as loaded, without separators) and lowers June
    // instead: saved, and May is the owner's, not put back.
    await targetInput(finance, "May 2026").fill("1000000.00");
    await targetInput(finance, "Jun 2026").fill("900,000");
    await targetsGrid(finance).getByRole("button", { name: "Save targets" }).click();
    await expect(formMessage(targetsGrid(finance), "Saved targets for 1 month.")).toBeVisible();
    await expect(targetInput(finance, "May 2026")).toHaveValue("1,200,000.00");
    await expect(targetInput(finance, "Jun 2026")).toHaveValue("900,000.00");

    // Now the owner's page is the stale one for June: the owner's save of June names finance.
    await targetInput(owner, "Jun 2026").fill("950,000");
    await targetsGrid(owner).getByRole("button", { name: "Save targets" }).click();
    await expect(
      formMessage(
        targetsGrid(owner),
        new RegExp(`^${financeName} changed Jun 2026's target to \\$900,000\\.00 at \\d\\d:\\d\\d; reload`),
      ),
    ).toBeVisible();
    await expect(targetInput(owner, "Jun 2026")).toHaveValue("950,000");

    // After a reload both see what was saved: May from the owner, June from finance.
    await reload(owner);
    await expect(targetInput(owner, "May 2026")).toHaveValue("1,200,000.00");
    await expect(targetInput(owner, "Jun 2026")).toHaveValue("900,000.00");
  } finally {
    await context.close();
  }
});
