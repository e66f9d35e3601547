import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  DEMO,
  DEMO_ORG,
  card,
  formMessage,
  signIn,
  signOut,
  signUpFreshOwner,
  uniqueId,
  visit,
} from "./support/helpers";
import AxeBuilder from "@axe-core/playwright";
import { expectNoPageScroll } from "./support/a11y";
import { closeDialog, openForm } from "./support/dialog";
import { SHOTS, shot } from "./support/screenshots";

// The Marketing scorecard as its head, finance and the owner use it: a tainting contribution from
// claim to confirmation, a KPI value that turns the month red, and the red month's review that
// needs a narrative first. The steps build on each other, so they run in order.
test.describe.configure({ mode: "serial" });

const RUN = uniqueId();
const DESCRIPTION = `Spring webinar series cancelled (${RUN})`;
const KPI = `Qualified leads ${RUN}`;
// The demo organization's zone decides which month is "this month".
const THIS_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit" })
  .format(new Date())
  .slice(0, 7);
const THIS_MONTH_LABEL = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", year: "numeric" }).format(
  new Date(`${THIS_MONTH}-01T00:00:00Z`),
);

async function openMarketing(page: Page, query = "") {
  await visit(page, `/o/${DEMO_ORG.slug}/departments`);
  const href = await page.getByRole("link", { name: "Marketing", exact: true }).getAttribute("href");
  await visit(page, `${href}${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Marketing" })).toBeVisible();
}

/** The exact confirmed impact (the tile's hover text) in cents. */
async function confirmedCents(page: Page): Promise<number> {
  const text = (await page.getByTestId("tile-confirmed").locator("dd[title]").getAttribute("title")) ?? "";
  const sign = text.startsWith("-") ? -1 : 1;
  return sign * Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
}
const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", signDisplay: "exceptZero" }).format(cents / 100);

const contributionRow = (page: Page): Locator =>
  page.getByTestId("contributions-table").getByRole("row").filter({ hasText: DESCRIPTION });

test("the head logs a tainting contribution, which waits as claimed", async ({ page }) => {
  await signIn(page, DEMO.head);
  await openMarketing(page);
  const section = card(page, "Contributions");
  // Writing happens in a dialog opened from the section it belongs to.
  await expect(section.getByRole("form", { name: "Log a contribution" })).toHaveCount(0);
  const form = await openForm(section, "Log a contribution", "Log a contribution");
  await form.getByLabel("Category").selectOption({ label: "Campaign underdelivered" });
  await form.getByLabel("Cost revenue (tainted)").check();
  // The effect signs the amount: a typed minus is refused, naming the field.
  await form.getByLabel("Amount (USD)").fill("-12000");
  await form.getByLabel("Description").fill(DESCRIPTION);
  await form.getByRole("button", { name: "Log contribution" }).click();
  await expect(form.getByLabel("Amount (USD)")).toHaveAccessibleDescription(
    /Enter the amount without a sign: the effect says whether it added or cost revenue\./,
  );
  await form.getByLabel("Amount (USD)").fill("12000");
  await form.getByLabel("Evidence link (optional)").fill("https://intranet.example/webinars/cancelled");
  await form.getByRole("button", { name: "Log contribution" }).click();

  await expect(formMessage(form, "Contribution logged. It counts once finance confirms it.")).toBeVisible();
  // Escape closes the dialog and gives focus back to the button that opened it.
  await closeDialog(page);
  await expect(section.getByRole("button", { name: "Log a contribution" })).toBeFocused();
  const row = contributionRow(page);
  await expect(row).toContainText("Claimed");
  await expect(row).toContainText("-$12,000.00");
  await expect(row).toContainText("tainted");
  await expect(row).toContainText("Marco Rossi");
  await expect(row.getByRole("link", { name: "Evidence" })).toHaveAttribute(
    "href",
    "https://intranet.example/webinars/cancelled",
  );
  // A head cannot review their own claim.
  await expect(row.getByRole("button", { name: /^Revise: contribution/ })).toBeVisible();
  await expect(page.getByTestId("tile-claimed")).toContainText(/\d+ contributions?/);
});

test("finance confirms it, and the confirmed impact moves by its amount", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await openMarketing(page);
  const before = await confirmedCents(page);
  const row = contributionRow(page);
  await expect(row).toContainText("Claimed");
  await row.getByRole("button", { name: `Review: contribution “${DESCRIPTION}”` }).click();
  const review = page.getByRole("form", { name: `Review contribution “${DESCRIPTION}”` });
  await review.getByLabel("Reason").fill("Matches the cancelled bookings report.");
  await shot(page, "scorecard-review-1440");
  await review.getByRole("button", { name: "Confirm" }).click();

  await expect(formMessage(card(page, "Contributions"), "Contribution confirmed.")).toBeVisible();
  await expect(row).toContainText("Confirmed");
  await expect(row).not.toContainText("Claimed");
  await expect(page.getByRole("list", { name: "History" })).toContainText("Confirmed by Farah Idris");
  await expect(page.getByRole("list", { name: "History" })).toContainText("Matches the cancelled bookings report.");
  await expect.poll(() => confirmedCents(page)).toBe(before - 1_200_000);
  await expect(page.getByTestId("tile-confirmed").locator("dd[title]")).toHaveAttribute(
    "title",
    usd(before - 1_200_000),
  );
});

test("the owner adds a KPI through the form", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await openMarketing(page);
  const section = card(page, "KPIs");
  const form = await openForm(section, "Add a KPI", "Add a KPI");
  await form.getByLabel("KPI name").fill(KPI);
  await form.getByLabel("Unit").selectOption({ label: "Count" });
  await form.getByLabel("Direction").selectOption({ label: "Higher is better" });
  await form.getByLabel("Monthly target").fill("100");
  await expect(form.getByLabel("Green at (% of target)")).toHaveValue("100");
  await expect(form.getByLabel("Amber at (% of target)")).toHaveValue("90");
  await form.getByRole("button", { name: "Add KPI" }).click();
  await expect(formMessage(form, "KPI added.")).toBeVisible();
  const row = page.getByTestId("kpi-table").getByRole("row").filter({ hasText: KPI });
  await expect(row).toContainText("Count");
  await expect(row).toContainText("Higher is better");
  await expect(row).toContainText("100");
});

test("a red month cannot be marked reviewed without its narrative", async ({ page }) => {
  await signIn(page, DEMO.head);
  await openMarketing(page, `?period=m-${THIS_MONTH}`);
  // Half the target: red (below the 90 % amber band).
  const values = await openForm(page, "Enter KPI values", "Enter KPI values");
  await expect(values.getByRole("heading", { name: `Enter values for ${THIS_MONTH_LABEL}` })).toBeVisible();
  await values.getByLabel(KPI).fill("50");
  await values.getByRole("button", { name: `Save ${THIS_MONTH_LABEL}` }).click();
  await expect(formMessage(values, `Saved 1 value for ${THIS_MONTH_LABEL}.`)).toBeVisible();
  await expect(page.getByTestId("kpi-table").getByRole("row").filter({ hasText: KPI })).toContainText("Red");
  await expect(page.getByTestId("tile-status")).toContainText("Red");
  await expect(page.getByTestId(`month-${THIS_MONTH}`)).toContainText("Red");
  await closeDialog(page);

  // The red month is the one the narratives open on; the head writes it in a dialog.
  const month = page.getByTestId(`narrative-${THIS_MONTH}`);
  await expect(month).toContainText("No narrative yet. The head explains a red month before marking it reviewed.");
  const narrative = await openForm(
    month,
    `Write the narrative for ${THIS_MONTH_LABEL}`,
    `Narrative for ${THIS_MONTH_LABEL}`,
  );
  await expect(narrative).toContainText(`${THIS_MONTH_LABEL}: Red`);
  await narrative.getByRole("button", { name: `Mark ${THIS_MONTH_LABEL} reviewed` }).click();
  await expect(
    formMessage(
      narrative,
      `${THIS_MONTH_LABEL} is red: write why, and what happens next, before it is marked reviewed.`,
    ),
  ).toBeVisible();
  const why = narrative.getByLabel(`Why — ${THIS_MONTH_LABEL}`);
  const whatNext = narrative.getByLabel(`What next — ${THIS_MONTH_LABEL}`);
  await expect(why).toHaveAttribute("aria-invalid", "true");
  await expect(why).toHaveAccessibleDescription("Say why the month is red.");
  await expect(whatNext).toHaveAccessibleDescription("Say what happens next.");
  await narrative.scrollIntoViewIfNeeded();
  await shot(page, "scorecard-red-month-error-1440");

  await why.fill("The webinar series was cancelled, so half the planned leads never came in.");
  await whatNext.fill("Two partner webinars in the first half of next month.");
  await narrative.getByRole("button", { name: `Mark ${THIS_MONTH_LABEL} reviewed` }).click();
  await expect(formMessage(narrative, `Narrative saved. ${THIS_MONTH_LABEL} marked reviewed.`)).toBeVisible();
  await expect(why).not.toHaveAttribute("aria-invalid");
  await expect(narrative.getByRole("button", { name: `Mark ${THIS_MONTH_LABEL} reviewed` })).toHaveCount(0);
  await expect(page.getByTestId(`narrative-${THIS_MONTH}`)).toContainText("Reviewed by Marco Rossi");
  await expect(page.getByTestId(`month-${THIS_MONTH}`)).toContainText("Reviewed");
  await closeDialog(page);
  // Read first: the saved narrative is on the page, the dialog gone.
  await expect(month).toContainText("The webinar series was cancelled, so half the planned leads never came in.");
  await expect(month.getByRole("button", { name: `Edit the narrative for ${THIS_MONTH_LABEL}` })).toBeVisible();
});

test("the departments list shows each department's status for the fiscal year and its head, and links each scorecard", async ({
  page,
}) => {
  await signIn(page, DEMO.viewer);
  await visit(page, `/o/${DEMO_ORG.slug}/departments`);
  await expect(
    page.getByRole("group", { name: "Period" }).getByLabel("Period within the year").locator("option:checked"),
  ).toHaveText("Full year");
  const marketing = page.getByTestId("department-Marketing");
  await expect(marketing).toContainText("Marco Rossi");
  // Rated over the fiscal year by the scorecard's own rule: the list and the scorecard agree on the
  // status and on the worst KPI.
  const status = ((await marketing.getByRole("cell").first().textContent()) ?? "").trim();
  expect(status).toMatch(/^(Red|Amber|Green)$/);
  const worst = ((await marketing.getByRole("cell").nth(1).textContent()) ?? "")
    .replace(/\s*\((Red|Amber|Green)\)$/, "")
    .trim();
  await marketing.getByRole("link", { name: "Marketing", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marketing" })).toBeVisible();
  await expect(page.getByTestId("tile-status")).toContainText(status);
  await expect(page.getByTestId("worst-kpi")).toContainText(`Worst KPI: ${worst}`);
  // A viewer reads everything and gets no forms, no button that opens one, and no owner menu.
  await expect(page.getByTestId("contributions-table")).toContainText(DESCRIPTION);
  await expect(page.getByRole("form")).toHaveCount(0);
  await expect(page.locator("dialog")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import values from CSV" })).toHaveCount(0);
  for (const name of [
    /^Enter KPI values/,
    /^Add (a|the first) KPI/,
    /^Log a contribution/,
    /^Add a commitment/,
    /^(Write|Edit) the narrative/,
  ])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByLabel(/^Options for KPI/)).toHaveCount(0);
});

test("the owner archives a KPI, which leaves the scorecard, and restores it", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await openMarketing(page, `?period=m-${THIS_MONTH}`);
  const kpiRow = page.getByTestId("kpi-table").getByRole("row").filter({ hasText: KPI });
  // No Archive button on the rows: the owner's controls wait in each row's menu.
  await expect(page.getByRole("button", { name: /^Archive KPI/ })).toHaveCount(0);
  await kpiRow.getByRole("button", { name: `Options for KPI ${KPI}` }).click();
  await expect(kpiRow.getByRole("button", { name: `Edit KPI ${KPI}` })).toBeVisible();
  await kpiRow.getByRole("button", { name: `Archive KPI ${KPI}` }).click();
  await page.getByRole("button", { name: `Confirm archive (Archive KPI ${KPI})` }).click();
  await expect(kpiRow).toHaveCount(0);
  const archived = page.getByRole("list", { name: "Archived KPIs" });
  await expect(archived).toContainText(KPI);
  await archived.getByRole("button", { name: `Restore KPI ${KPI}` }).click();
  await expect(kpiRow).toContainText("Red");
  await expect(page.getByRole("list", { name: "Archived KPIs" })).toHaveCount(0);
});

test("another organization's department, or an unknown one, is a 404", async ({ page }) => {
  await signUpFreshOwner(page, "scorecard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Departments" }).click();
  const foreign = await page.getByRole("link", { name: "Marketing", exact: true }).getAttribute("href");
  const foreignId = foreign?.split("/").at(-1) ?? "";
  expect(foreignId).not.toBe("");
  await signOut(page);
  await signIn(page, DEMO.head);
  for (const id of [foreignId, "no-such-department"]) {
    const response = await page.goto(`/o/${DEMO_ORG.slug}/departments/${id}`);
    expect(response?.status()).toBe(404);
    // The same answer for a foreign and an unknown id, inside the organization's own layout.
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
});

/** expectAccessible (WCAG 2.2 AA, no serious or critical violation) on the page's main content. */
async function expectScorecardAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page })
    .include("main")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

for (const [who, width] of [
  ["head", 1440],
  ["head", 390],
  ["owner", 1440],
  ["owner", 390],
] as const) {
  test(`at ${width} px, as the ${who}, the scorecard reads first: status, the month's narrative, KPIs, then the rest; the RAG column shows without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await signIn(page, DEMO[who]);
    await openMarketing(page);
    const titles = await page.getByRole("heading", { level: 2 }).allTextContents();
    const order = [
      "Narratives",
      "KPIs",
      "Month by month",
      "Contributions",
      "Commitments",
      "Lost and slipped deals charged to Marketing",
    ];
    expect(titles.filter((t) => order.includes(t))).toEqual(order);
    // Status first, then the narrative.
    const status = await page.getByTestId("tile-status").boundingBox();
    const narratives = await card(page, "Narratives").boundingBox();
    expect(status && narratives && status.y < narratives.y).toBe(true);
    // The owner's controls wait in each row's menu, and a head gets no menu at all; nobody sees an Archive button on the rows.
    await expect(page.getByRole("button", { name: /^Options for KPI/ })).toHaveCount(
      who === "owner" ? await page.getByTestId("kpi-table").locator("tbody tr").count() : 0,
    );
    await expect(page.getByRole("button", { name: /^Archive KPI/ })).toHaveCount(0);
    // The KPI table needs no sideways scroll, and each row's status is on screen.
    const table = page.getByTestId("kpi-table");
    const box = await table.evaluate((t) => ({
      scroll: t.parentElement?.scrollWidth ?? 0,
      client: t.parentElement?.clientWidth ?? 0,
    }));
    expect(box.scroll, `the KPI table is ${box.scroll}px wide in ${box.client}px`).toBeLessThanOrEqual(box.client);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      // The RAG cell (the target's cell before it is hidden on a phone), its badge first.
      const badge = row.locator("td").nth(2).locator("span").first();
      await expect(badge).toHaveText(/^\s*(Red|Amber|Green|Not rated)$/);
      const rag = await badge.boundingBox();
      expect(rag && rag.x + rag.width <= width, "the RAG status is within the screen").toBe(true);
    }
    await expectNoPageScroll(page, `scorecard at ${width}`);
    // The scorecard itself (the app shell around it is accessibility.spec.ts's), and with a dialog open the whole page.
    await expectScorecardAccessible(page, `scorecard at ${width}, as the ${who}`);
    // A dialog open: still accessible, still no page scroll, and Escape closes it.
    await openForm(card(page, "Commitments"), "Add a commitment", "Add a commitment");
    await expectScorecardAccessible(page, `scorecard at ${width}, "Add a commitment" open`);
    await expectNoPageScroll(page, `scorecard at ${width}, dialog open`);
    await shot(page, `scorecard-dialog-${who}-${width}`);
    await closeDialog(page);
  });
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

for (const scheme of SHOTS ? (["light", "dark"] as const) : (["light"] as const)) {
  const suffix = scheme === "light" ? "" : "-dark";
  test.describe(`screens, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test("the scorecard at 1440 px, as the owner", async ({ page }) => {
      await signIn(page, DEMO.owner);
      await openMarketing(page);
      for (const title of ["Month by month", "KPIs", "Contributions", "Commitments", "Narratives"])
        await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
      await expect(page.locator(".recharts-surface").first()).toBeVisible();
      await contributionRow(page)
        .getByRole("button", { name: /^History: contribution/ })
        .click();
      await shot(page, `scorecard-1440${suffix}`);
    });

    test("the scorecard at 390 px, as the head, stacks", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, DEMO.head);
      await openMarketing(page);
      await expect(page.getByRole("button", { name: "Log a contribution" })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await shot(page, `scorecard-390${suffix}`);
    });

    test("the departments list", async ({ page }) => {
      await signIn(page, DEMO.owner);
      await visit(page, `/o/${DEMO_ORG.slug}/departments`);
      await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
      await shot(page, `departments-status${suffix}`);
    });
  });
}
