import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, card, formMessage, signIn, uniqueId, visit } from "./support/helpers";
import { bridgeSteps, exactCell, tileExact, type TStep } from "./support/bridge";
import { shot } from "./support/screenshots";

// The accountability half of the CEO dashboard on the demo organization: the gap bridge (chart,
// exact table, claimed toggle, CSV), the departments × months heat map, commitment accuracy, and
// the contribution categories in Settings. The demo seed supplies the KPIs, contributions and
// commitments (prisma/seed-accountability.ts).

const ORG_ZONE = "America/New_York";
const THIS_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: ORG_ZONE, year: "numeric", month: "2-digit" })
  .format(new Date())
  .slice(0, 7);
const FY = Number(THIS_MONTH.slice(0, 4)); // the demo organization's fiscal year is the calendar year
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** The month `offset` months after this one, as "YYYY-MM" and as the app labels it ("Nov 2026"). */
function month(offset: number) {
  const index = FY * 12 + Number(THIS_MONTH.slice(5, 7)) - 1 + offset;
  const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  return { key, label: `${MONTHS[index % 12]} ${Math.floor(index / 12)}` };
}
// The demo's data is laid out around today, and this month is in progress: the bridge journeys read
// the twelve completed months before it, a range that has ended and so is bridged whole.
const RANGE = `r-${month(-12).key}-${month(-1).key}`;
const RANGE_LABEL = `${month(-12).label} – ${month(-1).label}`;

/** What the chart's data labels should say for an amount in cents (lib/money.ts, compact). */
const compact = (amountCents: number, signed: boolean) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(amountCents / 100);

async function openDashboard(page: Page, query = "") {
  await visit(page, `/o/${DEMO_ORG.slug}${query}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

/** The chart's bar labels, in order. */
const chartLabels = (figure: Locator) => figure.locator(".recharts-label-list text").allTextContents();

test("the CEO sees the gap bridge as a waterfall and as an exact table that balances and matches the tiles", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  await openDashboard(page, `?period=${RANGE}`);
  const bridgeCard = card(page, "Gap bridge");
  await expect(
    bridgeCard.getByText(
      `Who explains the gap. ${RANGE_LABEL}: from target to actual through each department's revenue impact. Counts confirmed contributions and charged deals`,
    ),
  ).toBeVisible();

  const steps = await bridgeSteps(page);
  expect(steps[0]?.step).toBe("Target");
  expect(steps.at(-2)?.step).toBe("Unattributed");
  expect(steps.at(-1)?.step).toBe("Actual");
  // The demo has departments on both sides of the bridge: sales is one cause among several.
  const departments = steps.slice(1, -2);
  expect(departments.length).toBeGreaterThanOrEqual(4);
  expect(departments.map((d) => d.step)).toContain("Sales");
  expect(departments.map((d) => d.step)).toContain("Legal");
  // Largest negative first.
  expect(departments.map((d) => d.amount)).toEqual([...departments.map((d) => d.amount)].sort((a, b) => a - b));
  // The headline says how much of the shortfall departments explain, confirmed and claimed.
  await expect(page.getByTestId("bridge-traced")).toHaveText(
    new RegExp(
      `^\\d+% of the \\$[\\d.]+[KM] shortfall in ${RANGE_LABEL} is explained by departments \\(\\d+% confirmed, [\\d.]+% claimed and awaiting finance\\)$`,
    ),
  );

  // The ends are the tiles' exact figures, and every running total follows from the one before.
  expect(steps[0]?.amount).toBe(await tileExact(page, "tile-target"));
  expect(steps.at(-1)?.amount).toBe(await tileExact(page, "tile-actual"));
  let running = steps[0]!.amount;
  for (const s of steps.slice(1, -1)) {
    running += s.amount;
    expect(s.running, `running total after ${s.step}`).toBe(running);
  }
  expect(running).toBe(steps.at(-1)?.amount);
  await expect(page.getByTestId("bridge-check")).toContainText("= actual, balances to the cent");

  // The chart draws one labelled bar per step, with the table's amounts in compact form.
  const figure = page.getByRole("figure", { name: `Gap bridge, ${RANGE_LABEL}, in USD` });
  await expect(figure.locator(".recharts-bar-rectangle")).toHaveCount(steps.length);
  // A department whose only impact is a claim awaiting finance is labelled with the claim.
  const labels = await chartLabels(figure);
  for (const [i, s] of steps.entries())
    expect(labels[i]).toMatch(
      s.amount === 0 && i > 0
        ? / claimed$/
        : new RegExp(`^${compact(s.amount, i > 0 && i < steps.length - 1).replace(/[$.+]/g, "\\$&")}$`),
    );

  // A department's row opens its scorecard for the same period.
  const sales = page.getByTestId("bridge-table").getByRole("link", { name: "Sales", exact: true });
  await expect(sales).toHaveAttribute("href", new RegExp(`^/o/${DEMO_ORG.slug}/departments/[^/?]+\\?period=${RANGE}$`));
  await shot(page, "dashboard-accountability-1440");
});

test("the claimed toggle adds the contributions awaiting review to the bridge, for the same period", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  const period = RANGE;
  await openDashboard(page, `?period=${period}`);
  const before = await bridgeSteps(page);
  const note = page.getByTestId("bridge-claimed-note");
  await expect(note).toContainText(/^Awaiting finance: \+?-?\$[\d,.]+[KM]? claimed by \d+ departments? — review: /);
  // The claims awaiting finance, exactly: the table's last column, one cell per department.
  const table = page.getByTestId("bridge-table");
  await expect(table.getByRole("columnheader").last()).toHaveText("Claimed, awaiting finance");
  let claimed = 0;
  const rows = table.locator("tbody tr");
  for (let i = 0; i < (await rows.count()); i++) {
    const cell = rows.nth(i).locator("td").nth(4);
    if ((await cell.innerText()).trim()) claimed += await exactCell(cell);
  }
  expect(claimed).not.toBe(0);

  await page.getByLabel("Include claimed contributions").check();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}?period=${period}&claimed=1`);
  await expect(card(page, "Gap bridge").getByText(/Counts confirmed and claimed contributions/)).toBeVisible();
  await expect(note).toHaveCount(0);
  await expect(page.getByLabel("Include claimed contributions")).toBeChecked();
  const after = await bridgeSteps(page);
  // Target and actual stay; the claimed amount moves from unattributed to the departments.
  expect(after[0]).toEqual(before[0]);
  expect(after.at(-1)).toEqual(before.at(-1));
  const unattributed = (steps: TStep[]) => steps.find((s) => s.step === "Unattributed")?.amount ?? NaN;
  expect(unattributed(after)).toBe(unattributed(before) - claimed);
  await expect(page.getByTestId("bridge-check")).toContainText("= actual, balances to the cent");
  await expect(page.getByRole("link", { name: "Export bridge as CSV" })).toHaveAttribute(
    "href",
    `/o/${DEMO_ORG.slug}/export/dashboard?period=${period}&table=bridge&claimed=1`,
  );

  await page.getByLabel("Include claimed contributions").uncheck();
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}?period=${period}`);
  await expect(note).toBeVisible();
  expect(await bridgeSteps(page)).toEqual(before);
});

test("the heat map rates every department's months in words and icons, links each to its scorecard, and leaves the future blank", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  await openDashboard(page);
  const heat = page.getByTestId("heat-map");
  await expect(heat.locator("thead th")).toHaveCount(13);
  await expect(heat.locator("tbody tr")).toHaveCount(9);
  const legal = heat.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "Legal", exact: true }) });
  const cells = legal.locator("td");
  const month = Number(THIS_MONTH.slice(5, 7));
  for (let i = 0; i < 12; i++) {
    const cell = cells.nth(i);
    const key = `${FY}-${String(i + 1).padStart(2, "0")}`;
    if (i + 1 > month) {
      await expect(cell).toHaveText("—not yet");
      await expect(cell.getByRole("link")).toHaveCount(0);
      continue;
    }
    // Each month up to now is a link to Legal's scorecard for that month, with its status in words.
    const link = cell.getByRole("link");
    await expect(link).toHaveAttribute("href", new RegExp(`/departments/[^/?]+\\?period=m-${key}$`));
    await expect(link).toHaveText(/(Green|Amber|Red|Not rated)/);
  }
  // Legal's spring is red in the demo, and closed months carry the reviewed mark.
  await expect(cells.nth(4)).toContainText("Red");
  await expect(cells.nth(0).getByTitle("Reviewed")).toBeVisible();

  const accuracy = page.getByTestId("commitment-accuracy");
  await expect(accuracy.getByRole("columnheader", { name: "Hit rate" })).toBeVisible();
  await expect(accuracy.locator("tbody tr")).toHaveCount(7);
  await expect(accuracy.getByRole("rowheader", { name: "Legal" })).toBeVisible();
});

test("the bridge exports as CSV with the table's exact amounts", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await openDashboard(page, `?period=${RANGE}`);
  const steps = await bridgeSteps(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export bridge as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${DEMO_ORG.slug}-bridge-${RANGE}.csv`);
  const lines = (await readFile((await file.path())!, "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe(
    "step,kind,amount_USD,running_total_USD,contributions_USD,pipeline_USD,claimed_not_counted_USD",
  );
  const decimal = (c: number) =>
    `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
  // The first four columns are the table's step, amount and running total (the last two split a department's amount).
  expect(lines.slice(1).map((l) => l.split(",").filter((_, i) => i !== 1 && i < 4))).toEqual(
    steps.map((s) => [s.step, decimal(s.amount), decimal(s.running)]),
  );
});

test("on a phone the bridge turns on its side and only the tables scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.owner);
  await openDashboard(page, `?period=${RANGE}`);
  const figure = page.getByRole("figure", { name: `Gap bridge, ${RANGE_LABEL}, in USD` });
  await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // Horizontal bars: the step names run down the category axis.
  await expect(figure.locator(".recharts-yAxis-tick-labels text").first()).toContainText("Target");
  await expectNoHorizontalScroll(page);
  const wrapper = page.getByTestId("heat-map").locator("xpath=..");
  const { scrollWidth, clientWidth } = await wrapper.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await shot(page, "dashboard-accountability-390");
});

test("the owner adds, renames, archives and restores a contribution category", async ({ page }) => {
  const name = `Regulatory hold ${uniqueId()}`;
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/settings/categories`);
  const panel = card(page, "Contribution categories");
  const legal = panel.getByRole("group", { name: "Legal categories" });
  await legal.locator("summary").click();
  await expect(legal.getByRole("listitem", { name: "Category Contract review delay" })).toBeVisible();

  const add = legal.locator("form").filter({ has: page.getByLabel("New legal category") });
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByText("Name the category.", { exact: true })).toBeVisible();
  await add.getByLabel("New legal category").fill(name);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(formMessage(add, "Category added.")).toBeVisible();

  const row = legal.getByRole("listitem", { name: `Category ${name}` });
  await row.getByLabel("Name").fill(`${name} (EU)`);
  await row.getByRole("button", { name: "Rename" }).click();
  const renamed = legal.getByRole("listitem", { name: `Category ${name} (EU)` });
  await expect(formMessage(renamed, "Category renamed.")).toBeVisible();

  await renamed.getByRole("button", { name: "Archive" }).click();
  await expect(formMessage(renamed, "Category archived")).toBeVisible();
  await expect(renamed.getByLabel("Name · archived")).toBeVisible();
  await renamed.getByRole("button", { name: "Restore" }).click();
  await expect(formMessage(renamed, "Category restored.")).toBeVisible();
  await expect(renamed.getByRole("button", { name: "Archive" })).toBeVisible();
  await shot(page, "settings-categories");
});
