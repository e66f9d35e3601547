import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { cents } from "./support/bridge";
import { DEMO, DEMO_ORG, signIn, uniqueId, visit } from "./support/helpers";
import { ORG_TIME_ZONE, usd, usdWhole } from "./support/revenue";
import { shot } from "./support/screenshots";

// The CEO's forecast and outlook come from the live pipeline. A fresh organization (calendar fiscal
// year, Europe/Berlin) with a $100,000.00 target in each month of the current year and no revenue
// yet gets four deals through the real createOpportunity mutation; every figure below is worked out by hand.
// The deals close on 31 December, so this needs a day before it (on 31 December nothing can close
// "after today" within the year).
// Serial: the steps build on one organization. The machine this runs on is shared; each step
// runs a tsx script and a sign-in, so allow more than the default minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ timezoneId: ORG_TIME_ZONE });

const root = path.join(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const todayParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ORG_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
})
  .format(new Date())
  .split("-")
  .map(Number);
const [YEAR = 0, MONTH = 0, DAY = 0] = todayParts;
const yesterday = new Date(Date.UTC(YEAR, MONTH - 1, DAY - 1)).toISOString().slice(0, 10);
const QUARTER = Math.floor((MONTH - 1) / 3) + 1;

// Commit $123,456.00 at 90 %, best case $50,000.00 at 50 %, pipeline $20,000.00 at 25 %, all closing
// on 31 December; and a $10,000.00 deal whose close date was yesterday (stale: not in the forecast).
const DEALS = [
  {
    name: "Commit deal",
    stage: "Commit",
    forecastCategory: "COMMIT",
    amount: "123456",
    expectedCloseDate: `${YEAR}-12-31`,
  },
  {
    name: "Best-case deal",
    stage: "Proposal",
    forecastCategory: "BEST_CASE",
    amount: "50000",
    expectedCloseDate: `${YEAR}-12-31`,
  },
  {
    name: "Pipeline deal",
    stage: "Qualification",
    forecastCategory: "PIPELINE",
    amount: "20000",
    expectedCloseDate: `${YEAR}-12-31`,
  },
  {
    name: "Stale deal",
    stage: "Proposal",
    forecastCategory: "PIPELINE",
    amount: "10000",
    expectedCloseDate: yesterday,
  },
];
// Actual YTD is 0. commit = 123,456.00; best case = commit + 50,000.00 = 173,456.00;
// weighted = 123,456 × 0.9 + 50,000 × 0.5 + 20,000 × 0.25 = 111,110.40 + 25,000 + 5,000 = 141,110.40.
const COMMIT = 12_345_600;
const BEST_CASE = 17_345_600;
const WEIGHTED = 14_111_040;

function runDb(command: "setup" | "create", args: object): string {
  const server =
    process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54332}`;
  const url = new URL(server);
  url.pathname = `/revtrace_e2e_${port}`;
  return execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "e2e", "support", "forecast-db.ts"), command, JSON.stringify(args)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      },
      encoding: "utf8",
    },
  );
}

type TOwner = { email: string; password: string; slug: string };

let owner: TOwner;

const tileTitle = (page: Page, testId: string) => page.getByTestId(testId).locator("dd[title]");
const outlookRow = (page: Page, testId: string) => page.getByTestId(testId).locator("th, td");

async function signInOwner(page: Page) {
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
}

test("a new organization's forecast is the run rate until deals are open", async ({ page }) => {
  const id = uniqueId();
  const account = {
    email: `forecast-${id}@e2e.example`,
    password: "a-strong-password",
    organization: `Forecast ${id}`,
    year: YEAR,
  };
  owner = { ...account, ...(JSON.parse(runDb("setup", account)) as { slug: string }) };
  await signInOwner(page);
  await expect(page.getByTestId("tile-forecast")).toContainText("Run rate of completed months");
  await expect(page.getByText(/No open deals are expected to close after/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Add deals to the pipeline" })).toHaveAttribute(
    "href",
    `/o/${owner.slug}/pipeline`,
  );
  await expect(page.getByText("until pipeline forecasts arrive")).toHaveCount(0);
});

test("with deals, the CEO sees the weighted forecast, the three rollups, coverage and the stale deal", async ({
  page,
}) => {
  runDb("create", { slug: owner.slug, owner: owner.email, deals: DEALS });
  await signInOwner(page);

  const forecast = page.getByTestId("tile-forecast");
  await expect(tileTitle(page, "tile-forecast")).toHaveAttribute("title", usd(WEIGHTED));
  await expect(forecast).toContainText("Weighted pipeline");
  // The outlook panel, like every CEO table, shows whole dollars with the exact amount on hover.
  await expect(page.getByTestId("outlook-forecast")).toHaveText(usdWhole(WEIGHTED));
  await expect(page.getByTestId("outlook-forecast")).toHaveAttribute("title", usd(WEIGHTED));
  // Of the $1,200,000.00 target: 123,456 → 10.29 % → 10.3 %; 173,456 → 14.45 % → 14.5 %; 141,110.40 → 11.76 % → 11.8 %.
  await expect(outlookRow(page, "forecast-commit")).toHaveText(["Commit", usdWhole(COMMIT), "10.3%"]);
  await expect(outlookRow(page, "forecast-best-case")).toHaveText(["Best case", usdWhole(BEST_CASE), "14.5%"]);
  await expect(outlookRow(page, "forecast-weighted")).toHaveText(["Weighted (headline)", usdWhole(WEIGHTED), "11.8%"]);
  await expect(outlookRow(page, "forecast-weighted").nth(1)).toHaveAttribute("title", usd(WEIGHTED));
  await expect(page.getByTestId("pipeline-forecasts")).toContainText("From 3 open deals closing by year end");
  // 11.8 % of target is well under the default 90 % at-risk line.
  await expect(page.getByTestId("tile-outlook")).toContainText("Off track");

  // Year: 193,456.00 open against 1,200,000.00 still to book → 0.161 → "0.2×". The deals close in
  // Q4: its target is 300,000.00 → 0.645 → "0.6×" while Q4 is the current quarter.
  await expect(page.getByTestId("coverage-year")).toContainText("$193,456 open against $1,200,000 still to book");
  await expect(page.getByTestId("coverage-year")).toContainText("0.2×");
  const quarter = page.getByTestId("coverage-quarter");
  await expect(quarter).toContainText(`Q${QUARTER} FY${YEAR}`);
  await expect(quarter).toContainText(
    QUARTER === 4 ? "$193,456 open against $300,000 still to book" : "$0 open against $300,000 still to book",
  );
  await expect(quarter).toContainText(QUARTER === 4 ? "0.6×" : "0.0×");

  const stale = page.getByRole("link", { name: "1 open deal is past the close date" });
  await expect(stale).toHaveAttribute("href", `/o/${owner.slug}/pipeline?stale=1`);

  // The monthly table ends the year on the same three figures.
  const table = page.getByRole("table", { name: `Monthly target and actual, FY${YEAR}, in USD` });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Month",
    "Target",
    "Actual",
    "Gap",
    "Attainment",
    "Cum. target",
    "Cum. actual",
    "Commit (cum.)",
    "Best case (cum.)",
    "Weighted (cum.)",
  ]);
  const december = table.locator("tbody tr").last().locator("th, td");
  await expect(december.nth(7)).toHaveText(usdWhole(COMMIT));
  await expect(december.nth(8)).toHaveText(usdWhole(BEST_CASE));
  await expect(december.nth(9)).toHaveText(usdWhole(WEIGHTED));
  await expect(december.nth(9).locator("[title]")).toHaveAttribute("title", usd(WEIGHTED));
  await expect(
    page.getByRole("figure", { name: `Monthly target and actual, FY${YEAR}, in USD` }).locator("figcaption"),
  ).toContainText("commit dotted, best case dashed, weighted dash-dot");
  // Each projection ends in a label naming it and its year-end figure (not colour alone).
  const endLabels = page
    .getByRole("figure", { name: `Monthly target and actual, FY${YEAR}, in USD` })
    .locator("text[data-end-label]");
  await expect(endLabels).toHaveText(["Commit $123.5K", "Best case $173.5K", "Weighted $141.1K"]);

  await shot(page, "forecast-dashboard-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `/o/${owner.slug}`);
  await expect(tileTitle(page, "tile-forecast")).toHaveAttribute("title", usd(WEIGHTED));
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
  await shot(page, "forecast-dashboard-390");
});

test("the owner makes commit the headline in settings, and the tile and outlook follow", async ({ page }) => {
  await signInOwner(page);
  await visit(page, `/o/${owner.slug}/settings/pipeline`);
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Pipeline" }) });
  await expect(panel.getByRole("listitem", { name: "Stage Commit" }).getByLabel("Default %")).toHaveValue("90");
  const headline = panel.getByRole("form", { name: "Headline forecast" });
  await headline.getByLabel("Headline forecast").selectOption("COMMIT");
  await headline.getByRole("button", { name: "Save" }).click();
  await expect(headline.getByText("Headline forecast saved.")).toBeVisible();
  await shot(page, "forecast-settings-1440");

  await visit(page, `/o/${owner.slug}`);
  await expect(tileTitle(page, "tile-forecast")).toHaveAttribute("title", usd(COMMIT));
  await expect(page.getByTestId("tile-forecast")).toContainText("Commit");
  await expect(outlookRow(page, "forecast-commit")).toHaveText(["Commit (headline)", usdWhole(COMMIT), "10.3%"]);
  expect(cents((await page.getByTestId("outlook-forecast").getAttribute("title")) ?? "")).toBe(COMMIT);
});

test("the demo dashboard's outlook at 1440 px", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Outlook" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shot(page, "forecast-demo-1440");
});
