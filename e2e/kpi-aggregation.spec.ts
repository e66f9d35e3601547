import { expect, test, type Locator, type Page } from "@playwright/test";
import { baseURL } from "./playwright.config";
import { card, formMessage, signIn, signUpFreshOwner, visit } from "./support/helpers";
import { openForm } from "./support/dialog";
import { shot } from "./support/screenshots";

// A fresh owner defines three Marketing KPIs that combine differently over months — a rate
// (cost per lead, averaged), a flow (sourced pipeline, summed) and a stock (open tickets, last
// month) — enters the first quarter's values on a fixed clock, and reads the quarter's figures and
// the KPI that sets the status. Every expected figure is computed by hand in the comments.
test.describe.configure({ mode: "serial" });

// The 10th of April 2026: the first quarter is complete and open (a fresh organization closes nothing).
const NOW = "2026-04-10T12:00:00Z";
const CPL = "Cost per lead";
const PIPELINE = "Sourced pipeline";
const TICKETS = "Open tickets";
const AGGREGATION = "Over several months";
const CHOOSE_CURRENCY =
  "Choose how a currency KPI combines over months: a flow adds up (sum), a rate is averaged, a stock takes the last month.";

let owner = { email: "", password: "" };
let scorecardPath = "";

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "revtrace-test-now", value: NOW, url: baseURL }]);
});

const kpiRow = (page: Page, name: string): Locator =>
  page
    .getByTestId("kpi-table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

async function addKpi(
  page: Page,
  fields: { name: string; unit: string; direction: string; aggregation?: string; target: string },
) {
  const form = await openForm(card(page, "KPIs"), /^Add (a|the first) KPI$/, "Add a KPI");
  await form.getByLabel("KPI name").fill(fields.name);
  await form.getByLabel("Unit").selectOption({ label: fields.unit });
  await form.getByLabel("Direction").selectOption({ label: fields.direction });
  if (fields.aggregation) await form.getByLabel(AGGREGATION).selectOption({ label: fields.aggregation });
  await form.getByLabel("Monthly target").fill(fields.target);
  await form.getByRole("button", { name: "Add KPI" }).click();
  await expect(formMessage(form, "KPI added.")).toBeVisible();
  await expect(kpiRow(page, fields.name)).toBeVisible();
}

async function enterMonth(page: Page, month: string, label: string, values: Record<string, string>) {
  const form = await openForm(page, "Enter KPI values", "Enter KPI values");
  await form.getByLabel("Month", { exact: true }).selectOption(month);
  await expect(form.getByRole("heading", { name: `Enter values for ${label}` })).toBeVisible();
  for (const [name, value] of Object.entries(values)) await form.getByLabel(name, { exact: true }).fill(value);
  await form.getByRole("button", { name: `Save ${label}` }).click();
  const count = Object.keys(values).length;
  await expect(formMessage(form, `Saved ${count} value${count > 1 ? "s" : ""} for ${label}.`)).toBeVisible();
}

test("the owner must choose how a currency KPI combines over months; other units start on their default", async ({
  page,
}) => {
  const fresh = await signUpFreshOwner(page, "aggregation");
  owner = { email: fresh.email, password: fresh.password };
  await visit(page, `/o/${fresh.slug}/departments`);
  scorecardPath = (await page.getByRole("link", { name: "Marketing", exact: true }).getAttribute("href")) ?? "";
  await visit(page, scorecardPath);

  const form = await openForm(card(page, "KPIs"), /^Add (a|the first) KPI$/, "Add a KPI");
  // A count adds up unless the owner says otherwise; a currency KPI has no default.
  await expect(form.getByLabel(AGGREGATION)).toHaveValue("SUM");
  await form.getByLabel("Unit").selectOption({ label: "Percent" });
  await expect(form.getByLabel(AGGREGATION)).toHaveValue("AVERAGE");
  await form.getByLabel("Unit").selectOption({ label: "Currency" });
  await expect(form.getByLabel(AGGREGATION)).toHaveValue("");
  await expect(form.getByLabel(AGGREGATION)).toHaveAccessibleDescription(
    "Required for currency: a flow adds up (sourced pipeline) / a rate is averaged (cost per lead) / a stock takes the last month (open tickets).",
  );

  await form.getByLabel("KPI name").fill(CPL);
  await form.getByLabel("Direction").selectOption({ label: "Lower is better" });
  await form.getByLabel("Monthly target").fill("150");
  await form.getByRole("button", { name: "Add KPI" }).click();
  await expect(form.getByLabel(AGGREGATION)).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel(AGGREGATION)).toHaveAccessibleDescription(CHOOSE_CURRENCY);
  await expect(page.getByTestId("kpi-table")).toHaveCount(0);

  await form.getByLabel(AGGREGATION).selectOption({ label: "Average (a rate)" });
  await form.getByRole("button", { name: "Add KPI" }).click();
  await expect(formMessage(form, "KPI added.")).toBeVisible();
  await expect(kpiRow(page, CPL)).toContainText("Average");

  await addKpi(page, {
    name: PIPELINE,
    unit: "Currency",
    direction: "Higher is better",
    aggregation: "Sum (a flow)",
    target: "10000",
  });
  await addKpi(page, {
    name: TICKETS,
    unit: "Count",
    direction: "Lower is better",
    aggregation: "Last month (a stock)",
    target: "120",
  });
  await expect(kpiRow(page, PIPELINE)).toContainText("Sum");
  await expect(kpiRow(page, TICKETS)).toContainText("Last month");
});

test("the quarter shows the average, the sum and the last month, each month's status, and names the worst KPI", async ({
  page,
}) => {
  await signIn(page, owner.email, owner.password);
  await visit(page, scorecardPath);
  // Cost per lead $140, $160, $205; sourced pipeline $12,000, $9,500, $9,000; open tickets 100, 130, March not reported.
  await enterMonth(page, "2026-01", "Jan 2026", { [CPL]: "140", [PIPELINE]: "12000", [TICKETS]: "100" });
  await enterMonth(page, "2026-02", "Feb 2026", { [CPL]: "160", [PIPELINE]: "9500", [TICKETS]: "130" });
  // A count is a whole number: refused next to its field, nothing saved.
  const values = await openForm(page, "Enter KPI values", "Enter KPI values");
  await values.getByLabel("Month", { exact: true }).selectOption("2026-03");
  await values.getByLabel(TICKETS, { exact: true }).fill("12.5");
  await values.getByRole("button", { name: "Save Mar 2026" }).click();
  await expect(values.getByLabel(TICKETS, { exact: true })).toHaveAccessibleDescription(
    `${TICKETS}: A count is a whole number: enter it without decimals.`,
  );
  await values.getByLabel(TICKETS, { exact: true }).fill("");
  await enterMonth(page, "2026-03", "Mar 2026", { [CPL]: "205", [PIPELINE]: "9000" });

  await visit(page, `${scorecardPath}?period=q-2026-1`);
  // Cost per lead: (140 + 160 + 205) / 3 = 168.333… → $168.33 against $150 (lower is better): 150 / 168.33 = 89.1 %, red.
  const cpl = kpiRow(page, CPL);
  await expect(cpl).toContainText("$168.33");
  await expect(cpl).toContainText("average of 3 months");
  await expect(cpl).toContainText("$150.00");
  await expect(cpl).toContainText("Red");
  // Each month's own status: $140 green, $160 amber (93.75 %), $205 red (73.2 %).
  await expect(cpl.getByRole("list", { name: `${CPL}, month by month` }).getByRole("listitem")).toHaveText([
    /Jan 2026: Green, \$140\.00/,
    /Feb 2026: Amber, \$160\.00/,
    /Mar 2026: Red, \$205\.00/,
  ]);

  // Sourced pipeline: 12,000 + 9,500 + 9,000 = $30,500 against 3 × $10,000: 101.7 %, green; its months green, amber (95 %), amber (90 %).
  const pipeline = kpiRow(page, PIPELINE);
  await expect(pipeline).toContainText("$30,500.00");
  await expect(pipeline).toContainText("sum of 3 months");
  await expect(pipeline).toContainText("$30,000.00");
  await expect(pipeline).toContainText("$10,000.00 a month");
  await expect(pipeline).toContainText("Green");
  await expect(pipeline.getByRole("list", { name: `${PIPELINE}, month by month` }).getByRole("listitem")).toHaveText([
    /Jan 2026: Green/,
    /Feb 2026: Amber/,
    /Mar 2026: Amber/,
  ]);

  // Open tickets: the last month reported, February's 130, against 120: 120 / 130 = 92.3 %, amber.
  const tickets = kpiRow(page, TICKETS);
  await expect(tickets).toContainText("130");
  await expect(tickets).toContainText("last reported, Feb 2026");
  await expect(tickets).toContainText("Amber");
  await expect(tickets.getByRole("list", { name: `${TICKETS}, month by month` }).getByRole("listitem")).toHaveText([
    /Jan 2026: Green, 100/,
    /Feb 2026: Amber, 130/,
    /Mar 2026: no value/,
  ]);

  // The status is the worst KPI's, and the tile names it: 168.33 / 150 = 112.2 % of target.
  const status = page.getByTestId("tile-status");
  await expect(status).toContainText("Red");
  await expect(page.getByTestId("worst-kpi")).toHaveText(
    `Worst KPI: ${CPL}$168.33 against $150.00, 112.2% of target (lower is better)`,
  );
  await shot(page, "kpi-aggregation-quarter-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `${scorecardPath}?period=q-2026-1`);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
  await shot(page, "kpi-aggregation-quarter-390");
});

test("over the year the same rules hold, and the owner's change of aggregation changes the figure", async ({
  page,
}) => {
  await signIn(page, owner.email, owner.password);
  await visit(page, `${scorecardPath}?period=fy-2026`);
  // Only Q1 has values, so the year's figures are the quarter's; April has started and is unreported.
  await expect(kpiRow(page, CPL)).toContainText("$168.33");
  await expect(kpiRow(page, PIPELINE)).toContainText("$30,500.00");
  await expect(kpiRow(page, TICKETS)).toContainText("last reported, Feb 2026");
  await expect(page.getByTestId("worst-kpi")).toContainText(CPL);

  // Open tickets averaged instead: (100 + 130) / 2 = 115 against 120: green.
  const tickets = kpiRow(page, TICKETS);
  // The owner's controls sit in the row's menu.
  await tickets.getByRole("button", { name: `Options for KPI ${TICKETS}` }).click();
  await tickets.getByRole("button", { name: `Edit KPI ${TICKETS}` }).click();
  const edit = page.getByRole("form", { name: `Edit KPI ${TICKETS}` });
  await expect(edit.getByLabel(AGGREGATION)).toHaveValue("LAST");
  await edit.getByLabel(AGGREGATION).selectOption("AVERAGE");
  await edit.getByRole("button", { name: "Save KPI" }).click();
  await expect(formMessage(page, "KPI saved.")).toBeVisible();
  await expect(kpiRow(page, TICKETS)).toContainText("115");
  await expect(kpiRow(page, TICKETS)).toContainText("average of 2 months");
  await expect(kpiRow(page, TICKETS)).toContainText("Green");
  await shot(page, "kpi-aggregation-year-1440");
});
