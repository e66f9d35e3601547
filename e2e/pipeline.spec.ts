import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, card, signIn, uniqueId, visit } from "./support/helpers";
import { shot } from "./support/screenshots";

// The pipeline page as the sales manager keeps it and a viewer reads it: a new deal, an inline
// amount edit, a snapshot, a loss that asks for its cause and responsible department, the deal's
// history, and "what changed" since the snapshot. The steps build on each other.
// Each step signs in and renders the whole pipeline: on a loaded 2-core machine that outgrows 60 s.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const SAVED = { timeout: 30_000 };

const RUN = uniqueId();
const DEAL = `Initech rollout ${RUN}`;
const PIPELINE = `/o/${DEMO_ORG.slug}/pipeline`;
// Only this run's deal, whatever the seed holds.
const ONLY_DEAL = `${PIPELINE}?q=${encodeURIComponent(RUN)}`;

const dealRow = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: DEAL, exact: true }) });

test("a new deal closes by default at the end of the fiscal quarter, not today", async ({ page, context, baseURL }) => {
  // Acme's fiscal year starts in January: on 14 August (New York) the quarter ends on 30 September.
  await context.addCookies([{ name: "revtrace-test-now", value: "2026-08-14T15:00:00Z", url: baseURL }]);
  await signIn(page, DEMO.sales);
  await visit(page, PIPELINE);
  await page.getByText("New deal", { exact: true }).click();
  await expect(page.getByRole("form", { name: "New deal" }).getByLabel("Expected close")).toHaveValue("2026-09-30");
});

test("the sales manager adds a deal", async ({ page }) => {
  await signIn(page, DEMO.sales);
  await visit(page, PIPELINE);
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await page.getByText("New deal", { exact: true }).click();
  const form = page.getByRole("form", { name: "New deal" });
  await form.getByLabel("Deal name").fill(DEAL);
  await form.getByLabel("Account").fill("Initech");
  await form.getByLabel("Amount (USD)").fill("25000");
  await form.getByLabel("Stage").selectOption({ label: "Proposal" });
  await form.getByRole("button", { name: "Add deal" }).click();
  await expect(form.getByText("Deal added.")).toBeVisible(SAVED);

  const row = dealRow(page);
  await expect(row).toContainText("Initech");
  await expect(row.getByLabel(`Amount of ${DEAL}`)).toHaveValue("25000.00");
  await expect(row.getByLabel(`Probability of ${DEAL}`)).toHaveValue("50");
  await expect(row.getByLabel(`Stage of ${DEAL}`).locator("option:checked")).toHaveText("Proposal");
  await expect(row.getByLabel(`Owner of ${DEAL}`).locator("option:checked")).toHaveText("Sam Okafor");
});

test("edits its amount inline, then takes a snapshot", async ({ page }) => {
  await signIn(page, DEMO.sales);
  await visit(page, ONLY_DEAL);
  const amount = dealRow(page).getByLabel(`Amount of ${DEAL}`);
  await amount.fill("30000");
  await amount.press("Enter");
  await expect(page.getByTestId("pipeline-totals")).toContainText("1 deal · $30,000.00 · weighted $15,000.00", SAVED);
  await expect(amount).toHaveValue("30000.00");

  const changes = card(page, "What changed since the last snapshot");
  await changes.getByRole("button", { name: "Take snapshot" }).click();
  await expect(changes.getByText(/^Snapshot taken of \d+ deals?\.$/)).toBeVisible(SAVED);
  await expect(changes).toContainText("manual snapshot");
  await expect(changes).toContainText("Nothing has changed since then.");
});

test("losing it asks for the cause and the responsible department", async ({ page }) => {
  await signIn(page, DEMO.sales);
  await visit(page, ONLY_DEAL);
  await dealRow(page).getByLabel(`Stage of ${DEAL}`).selectOption({ label: "Closed lost" });

  const panel = page.getByRole("group", { name: `Cause for ${DEAL}` });
  await expect(panel).toContainText("A lost deal needs a cause and a responsible department.", SAVED);
  await shot(page, "pipeline-cause-1440");
  await panel.getByLabel("Cause").selectOption({ label: "Contract terms took too long" });
  await panel.getByLabel("Responsible department").selectOption({ label: "Legal" });
  await panel.getByRole("button", { name: "Save with cause" }).click();

  await expect(panel).toBeHidden(SAVED);
  const row = dealRow(page);
  await expect(row.getByText("Lost", { exact: true })).toBeVisible();
  await expect(row.getByLabel(`Stage of ${DEAL}`).locator("option:checked")).toHaveText("Closed lost");
  await expect(row.getByLabel(`Probability of ${DEAL}`)).toHaveValue("0");

  // Since the snapshot, the deal was lost: it shows under "Lost" with its amount.
  const lost = card(page, "What changed since the last snapshot").getByRole("region", { name: "Lost deals" });
  await expect(lost.getByRole("listitem").filter({ hasText: DEAL })).toContainText("$30,000.00");
});

test("the deal's history lists each change and the cause", async ({ page }) => {
  await signIn(page, DEMO.sales);
  await visit(page, ONLY_DEAL);
  await dealRow(page).getByRole("link", { name: DEAL }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEAL })).toBeVisible();

  const history = card(page, "History");
  await expect(history).toContainText("Amount: $25,000.00 → $30,000.00");
  await expect(history).toContainText("Stage: Proposal → Closed lost");
  await expect(history).toContainText("Probability: 50 % → 0 %");
  await expect(history).toContainText("Created: deal added");
  await expect(history).toContainText("Sam Okafor");

  const causes = card(page, "Causes").getByRole("row").filter({ hasText: "Contract terms took too long" });
  await expect(causes).toContainText("Lost");
  await expect(causes).toContainText("Legal");
  await expect(causes).toContainText("$30,000.00");
  await expect(causes).toContainText("Attributed");
  await shot(page, "pipeline-deal-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "pipeline-deal-390");
});

test("a viewer reads the pipeline without edit controls", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await visit(page, ONLY_DEAL);
  const row = dealRow(page);
  await expect(row).toContainText("$30,000.00");
  await expect(row).toContainText("Closed lost");
  await expect(row.getByRole("textbox")).toHaveCount(0);
  await expect(row.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByText("New deal", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Take snapshot" })).toHaveCount(0);

  // Reading includes exporting: the CSV link carries the page's filters.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe(`${PIPELINE.replace("/pipeline", "/export/pipeline")}?q=${RUN}`);
  const csv = await (await page.request.get(href ?? "")).text();
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${DEAL},Initech,30000.00,USD,Closed lost,LOST,0,OMITTED`);
});

test("the pipeline at 1440 and 390 px, as a table and as a board", async ({ page }) => {
  await signIn(page, DEMO.sales);
  await visit(page, PIPELINE);
  await shot(page, "pipeline-table-1440");
  await visit(page, `${PIPELINE}?view=board`);
  await expect(page.getByRole("region", { name: "Proposal stage" })).toBeVisible();
  await shot(page, "pipeline-board-1440");

  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, PIPELINE);
  // Only the table scrolls sideways: the page itself is no wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "pipeline-table-390");
  await visit(page, `${PIPELINE}?view=board`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "pipeline-board-390");
});
