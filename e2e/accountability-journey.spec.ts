import { expect, test, type Page } from "@playwright/test";
import { bridgeSteps, exactCell, type TStep } from "./support/bridge";
import { DEMO, DEMO_ORG, card, formMessage, signIn, uniqueId, visit } from "./support/helpers";
import { openForm } from "./support/dialog";

// Issue 4's journey across roles: the Legal head logs a tainting contribution, finance confirms
// it, and the CEO sees it move the gap bridge — not before confirmation (unless claimed ones are
// counted), and by exactly its amount after. The steps build on each other, so they run in order.
test.describe.configure({ mode: "serial" });

const ORG_ZONE = "America/New_York";
const THIS_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: ORG_ZONE, year: "numeric", month: "2-digit" })
  .format(new Date())
  .slice(0, 7);
const PERIOD = `m-${THIS_MONTH}`;
const DESCRIPTION = `Acme–Globex MSA stuck in legal review (${uniqueId()})`;
const AMOUNT_CENTS = -2_500_000; // -$25,000.00

const amountOf = (steps: TStep[], step: string) => steps.find((s) => s.step === step)?.amount ?? 0;
let before: TStep[] = [];
let beforeWithClaimed: TStep[] = [];

async function openBridge(page: Page, query = "") {
  // This month is in progress: the bridge traces completed months unless asked to include it.
  await visit(page, `/o/${DEMO_ORG.slug}?period=${PERIOD}&bridge=all${query}`);
  await expect(card(page, "Gap bridge")).toBeVisible();
  return bridgeSteps(page);
}

async function openLegal(page: Page) {
  await visit(page, `/o/${DEMO_ORG.slug}/departments`);
  const href = await page.getByRole("link", { name: "Legal", exact: true }).getAttribute("href");
  await visit(page, `${href}?period=${PERIOD}`);
  await expect(page.getByRole("heading", { level: 1, name: "Legal" })).toBeVisible();
}

const row = (page: Page) => page.getByTestId("contributions-table").getByRole("row").filter({ hasText: DESCRIPTION });

test("the CEO reads this month's bridge before anything is logged", async ({ page }) => {
  await signIn(page, DEMO.owner);
  before = await openBridge(page);
  beforeWithClaimed = await openBridge(page, "&claimed=1");
  expect(before[0]?.step).toBe("Target");
  expect(before.at(-1)?.step).toBe("Actual");
});

test("the Legal head logs a contribution that taints revenue; it waits as claimed", async ({ page }) => {
  await signIn(page, DEMO.legal);
  await openLegal(page);
  const form = await openForm(card(page, "Contributions"), "Log a contribution", "Log a contribution");
  await form.getByLabel("Month").selectOption(THIS_MONTH);
  await form.getByLabel("Category").selectOption({ label: "Contract review delay" });
  await form.getByLabel("Cost revenue (tainted)").check();
  await form.getByLabel("Amount (USD)").fill("25,000");
  await form.getByLabel("Description").fill(DESCRIPTION);
  await form.getByRole("button", { name: "Log contribution" }).click();
  await expect(formMessage(form, "Contribution logged. It counts once finance confirms it.")).toBeVisible();
  await expect(row(page)).toContainText("Claimed");
  await expect(row(page)).toContainText("-$25,000.00");
});

/** The steps that move the running total (a department with only a claim has a zero step). */
const counted = (steps: TStep[]) =>
  steps.filter((s) => s.amount !== 0 || ["Target", "Unattributed", "Actual"].includes(s.step));

test("claimed, it is not counted in the CEO's bridge, only shown beside Legal's bar, unless claimed contributions are counted", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  expect(counted(await openBridge(page))).toEqual(counted(before));
  // The claim is listed beside Legal's step as awaiting finance, exactly.
  const legal = page
    .getByTestId("bridge-table")
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: "Legal", exact: true }) });
  expect(await exactCell(legal.locator("td").nth(4))).toBe(AMOUNT_CENTS);
  const withClaimed = await openBridge(page, "&claimed=1");
  expect(amountOf(withClaimed, "Legal")).toBe(amountOf(beforeWithClaimed, "Legal") + AMOUNT_CENTS);
  await expect(page.getByTestId("bridge-check")).toContainText("= actual, balances to the cent");
});

test("finance confirms it with a reason", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await openLegal(page);
  await row(page)
    .getByRole("button", { name: `Review: contribution “${DESCRIPTION}”` })
    .click();
  const review = page.getByRole("form", { name: `Review contribution “${DESCRIPTION}”` });
  await review.getByLabel("Reason").fill("Matches the signed MSA's delay log.");
  await review.getByRole("button", { name: "Confirm" }).click();
  await expect(formMessage(card(page, "Contributions"), "Contribution confirmed.")).toBeVisible();
  await expect(row(page)).toContainText("Confirmed");
});

test("the CEO sees Legal's bar grow by exactly the amount, unattributed shrink by it, and the bridge still balance", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  const after = await openBridge(page);
  expect(amountOf(after, "Legal")).toBe(amountOf(before, "Legal") + AMOUNT_CENTS);
  expect(amountOf(after, "Unattributed")).toBe(amountOf(before, "Unattributed") - AMOUNT_CENTS);
  // Everything else is unchanged: target, actual and the other departments.
  const others = (steps: TStep[]) =>
    steps
      .filter((s) => s.step !== "Legal" && s.step !== "Unattributed")
      .map((s) => [s.step, s.amount])
      .sort();
  expect(others(after)).toEqual(others(before));
  await expect(page.getByTestId("bridge-check")).toContainText("= actual, balances to the cent");
  // Legal's row opens its scorecard for the same month, where the confirmed contribution is listed.
  await page.getByTestId("bridge-table").getByRole("link", { name: "Legal", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Legal" })).toBeVisible();
  await expect(row(page)).toContainText("Confirmed");
});
