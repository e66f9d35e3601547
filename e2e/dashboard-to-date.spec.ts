import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { runDbScript } from "./support/db-script";
import { signIn, uniqueId, visit } from "./support/helpers";
import { ORG_TIME_ZONE } from "./support/revenue";
import { shot } from "./support/screenshots";

// The CEO's headline on a fixed clock (the server's through the test-clock cookie, the browser's
// through Playwright's clock). One organization, set up by e2e/support/to-date-db.ts; every figure
// below is worked out by hand from the amounts listed there.
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ timezoneId: ORG_TIME_ZONE });

let owner: { email: string; password: string; slug: string };

test.beforeAll(() => {
  const id = uniqueId();
  const account = { email: `to-date-${id}@e2e.example`, password: "a-strong-password", organization: `To date ${id}` };
  owner = { ...account, ...(JSON.parse(runDbScript("to-date-db.ts", "setup", account)) as { slug: string }) };
});

/** Fixes "now" for the server (cookie) and the browser (clock), then signs in. */
async function signInAt(page: Page, instant: string) {
  await page
    .context()
    .addCookies([
      { name: "revtrace-test-now", value: instant, url: test.info().project.use.baseURL ?? "http://localhost:3100" },
    ]);
  await page.clock.setFixedTime(new Date(instant));
  await signIn(page, owner.email, owner.password);
}

const tile = (page: Page, testId: string) => page.getByTestId(testId);
/** The exact amount of a tile's headline (its hover title). */
const exact = (page: Page, testId: string) => tile(page, testId).locator("dd[title]");

test("on the 3rd of April the CEO reads how far behind plan FY2026 is through March, April on its own", async ({
  page,
}) => {
  // 12:00 on Friday 3 April 2026 in Berlin.
  await signInAt(page, "2026-04-03T10:00:00Z");
  await visit(page, `/o/${owner.slug}?period=fy-2026`);

  // To date (Jan–Mar): target 300,000.00; actual 80,000 + 95,000 + 70,000 = 245,000.00 (the $5,000.00
  // booked at 00:30 on 1 April in Berlin is April's); behind 55,000.00; 245 / 300 = 81.67 % → 81.7 %.
  await expect(tile(page, "tile-to-date").locator("dt")).toHaveText("Behind plan to date");
  await expect(exact(page, "tile-to-date")).toHaveAttribute("title", "$55,000.00");
  await expect(tile(page, "tile-to-date")).toContainText("through March · 81.7% of plan");
  await expect(exact(page, "tile-actual")).toHaveAttribute("title", "$245,000.00");
  await expect(tile(page, "tile-actual")).toContainText("against $300K plan through March");
  // April so far: 5,000.00 + 12,345.67 = 17,345.67 of its $100,000.00, day 3 of 30 — never a whole month.
  await expect(tile(page, "tile-month").locator("dt")).toHaveText("April so far");
  await expect(exact(page, "tile-month")).toHaveAttribute("title", "$17,345.67");
  await expect(tile(page, "tile-month")).toContainText("of $100K target · day 3 of 30");
  // Still to book = 1,200,000.00 − (245,000.00 + 17,345.67) = 937,654.33; required per month over
  // April – December = 937,654.33 / 9 = 104,183.814… → 104,183.81.
  await expect(exact(page, "tile-still-to-book")).toHaveAttribute("title", "$937,654.33");
  await expect(exact(page, "tile-run-rate")).toHaveAttribute("title", "$104,183.81");
  // No deals: the run rate of the completed months, 245,000.00 / 3 × 12 = 980,000.00 (81.7 %: off track).
  await expect(exact(page, "tile-forecast")).toHaveAttribute("title", "$980,000.00");
  await expect(tile(page, "tile-outlook")).toContainText("Off track");

  // The bridge traces January – March only. Shortfall 55,000.00: Legal −20,000.00 and Marketing
  // +5,000.00 confirmed explain 15,000.00 (27.3 % → 27 %); Sales's −10,000.00 claim 10,000.00 (18 %);
  // together 25,000.00 (45.5 % → 45 %). Legal's −7,000.00 of April is not in it yet.
  const traced = page.getByTestId("bridge-traced");
  await expect(traced).toHaveText(
    "45% of the $55K shortfall to date (through March) is explained by departments (27% confirmed, 18% claimed and awaiting finance)",
  );
  // Unattributed = 245,000 − (300,000 − 20,000 + 5,000) = −40,000.00; Legal is red in February with no why.
  await expect(page.getByTestId("bridge-unexplained")).toContainText("Unexplained: -$40K");
  await expect(page.getByTestId("bridge-unexplained")).toContainText("Red without a why: Legal (Feb)");
  await expect(page.getByTestId("bridge-claimed-note")).toContainText("Awaiting finance: -$10K");
  await expect(page.getByTestId("bridge-claimed-note").getByRole("link", { name: "Sales -$10K" })).toHaveAttribute(
    "href",
    `/o/${owner.slug}/departments/${await departmentId(page, "Sales")}?period=fy-2026#contributions`,
  );
  const steps = page.getByTestId("bridge-table").locator("tbody tr");
  // Sales has only its claim: a zero step, the claim beside it in the last column.
  await expect(steps.locator("th")).toHaveText([
    /^Target$/,
    /^Legal\s*hurt revenue$/,
    /^Sales$/,
    /^Marketing\s*helped revenue$/,
    /^Unattributed/,
    /^Actual$/,
  ]);
  await expect(steps.nth(0).locator("td").first()).toHaveText("$300,000");
  await expect(steps.nth(2).locator("td").last()).toHaveText("-$10,000");
  await expect(page.getByTestId("bridge-check")).toContainText("= actual, balances to the cent");

  // The heat map shows February's red next to Legal's −$20K, and April's impact too.
  const legalRow = page
    .getByTestId("heat-map")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Legal" }) });
  await expect(legalRow.getByRole("cell").nth(1)).toContainText("Red");
  await expect(legalRow.getByRole("cell").nth(1).getByTestId("heat-impact")).toContainText("-$20K");
  await expect(legalRow.getByRole("cell").nth(3).getByTestId("heat-impact")).toContainText("-$7K");

  // The chart marks April as partial; the table says so and shows whole dollars.
  await expect(page.getByText("Apr: so far (hatched), the month is in progress.")).toBeVisible();
  const april = page.getByTestId("month-table").locator("tbody tr").nth(3);
  await expect(april.locator("th")).toHaveText("Apr 2026in progress");
  await expect(april.locator("td").nth(1)).toHaveText("$17,346so far");
  await expect(april.locator("td").nth(1).locator("[title]")).toHaveAttribute("title", "$17,345.67");
  await shot(page, "dashboard-to-date-3rd");
});

test("on the last day of March, March is still in progress and to date runs through February", async ({ page }) => {
  // 22:00 on Tuesday 31 March 2026 in Berlin.
  await signInAt(page, "2026-03-31T20:00:00Z");
  await visit(page, `/o/${owner.slug}?period=fy-2026`);
  // To date (Jan–Feb): 200,000.00 against 175,000.00: 25,000.00 behind, 87.5 % of plan.
  await expect(exact(page, "tile-to-date")).toHaveAttribute("title", "$25,000.00");
  await expect(tile(page, "tile-to-date")).toContainText("through February · 87.5% of plan");
  await expect(tile(page, "tile-month").locator("dt")).toHaveText("March so far");
  await expect(exact(page, "tile-month")).toHaveAttribute("title", "$70,000.00");
  await expect(tile(page, "tile-month")).toContainText("day 31 of 31");
  // Still to book = 1,200,000 − 245,000 = 955,000.00; over March – December: 955,000 / 10 = 95,500.00.
  await expect(exact(page, "tile-still-to-book")).toHaveAttribute("title", "$955,000.00");
  await expect(exact(page, "tile-run-rate")).toHaveAttribute("title", "$95,500.00");
  // Bridge Jan–Feb: Legal and Marketing explain 15,000.00 of 25,000.00 = 60 %; Sales's March claim is not in it.
  await expect(page.getByTestId("bridge-traced")).toHaveText(
    "60% of the $25K shortfall to date (through February) is explained by departments (60% confirmed, 0% claimed and awaiting finance)",
  );
});

test("a past fiscal year with actuals and no targets shows its actuals, reached from the period picker", async ({
  page,
}) => {
  await signInAt(page, "2026-04-03T10:00:00Z");
  await visit(page, `/o/${owner.slug}?period=fy-2026`);
  // Every fiscal year from the first with data (FY2014) to the next one is offered.
  const years = page.getByLabel("Fiscal year").locator("option");
  await expect(years).toHaveCount(2027 - 2014 + 1);
  await page.getByLabel("Fiscal year").selectOption({ label: "FY2014" });
  await expect(page).toHaveURL(`/o/${owner.slug}?period=fy-2014`);
  await expect(page.getByTestId("targets-missing")).toContainText("No targets for FY2014 yet");
  await expect(
    page.getByTestId("targets-missing").getByRole("link", { name: "Set targets for FY2014" }),
  ).toHaveAttribute("href", `/o/${owner.slug}/revenue?fy=2014`);
  // 4,321.00 + 1,000.50 = 5,321.50.
  await expect(exact(page, "tile-actual")).toHaveAttribute("title", "$5,321.50");
  await expect(tile(page, "tile-target")).toContainText("Not set");
  const rows = page.getByTestId("month-table").locator("tbody tr");
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(4).locator("th, td").nth(2)).toHaveText("$4,321");
  // Whole dollars, rounded half away from zero; the exact amount on hover.
  await expect(rows.nth(10).locator("th, td").nth(2)).toHaveText("$1,001");
  await expect(rows.nth(10).locator("td").nth(1).locator("[title]")).toHaveAttribute("title", "$1,000.50");
  const link = page.getByRole("link", { name: "Export CSV" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
  expect(lines[5]).toBe("2014-05,,4321.00,,,,4321.00,,,,,actual");
  expect(lines[11]).toBe("2014-11,,1000.50,,,,5321.50,,,,,actual");
});

test("a custom run of months is chosen in the picker and kept in the URL", async ({ page }) => {
  await signInAt(page, "2026-04-03T10:00:00Z");
  await visit(page, `/o/${owner.slug}?period=fy-2026`);
  await page.getByLabel("Period within the year").selectOption({ label: "Custom range…" });
  await page.getByLabel("First month").fill("2026-02");
  await page.getByLabel("Last month").fill("2026-03");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/o/${owner.slug}?period=r-2026-02-2026-03`);
  await expect(page.getByText("Revenue target versus actual · Feb 2026 – Mar 2026")).toBeVisible();
  // An ended range is read whole: 200,000.00 of target against 95,000 + 70,000 = 165,000.00.
  await expect(exact(page, "tile-target")).toHaveAttribute("title", "$200,000.00");
  await expect(exact(page, "tile-actual")).toHaveAttribute("title", "$165,000.00");
  await expect(page.getByTestId("month-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByLabel("Period within the year")).toHaveValue("custom");
});

/** A department's id, read from its link on the Departments page. */
async function departmentId(page: Page, name: string): Promise<string> {
  const href = await page.getByTestId("bridge-table").getByRole("link", { name, exact: true }).getAttribute("href");
  return href?.match(/departments\/([^?]+)/)?.[1] ?? "";
}
