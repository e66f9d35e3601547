// Shared steps of the revenue journeys (targets, CSV import of actuals, the CEO dashboard): a fresh
// organization with a known currency, fiscal year and time zone, the targets grid, the spread form
// and the import wizard, driven through the UI as a user would.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { formMessage, uniqueId, visit } from "./helpers";

export const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
export const fixture = (name: string) => path.join(FIXTURES, name);

/**
 * The organizations these journeys create: USD, a calendar fiscal year, and a zone east of UTC (so a
 * month read in UTC instead of the organization's zone would show). Specs also run the browser in
 * this zone (test.use({ timezoneId })): the sign-up form pre-selects the browser's zone once it has
 * hydrated, so the explicit choice below cannot be overwritten by that late default.
 */
export const ORG_TIME_ZONE = "Europe/Berlin";

/** The fixture's dates are in 2026; the tests name FY2026 explicitly so they pass in later years too. */
export const FY = 2026;
const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** FY2026's months as the app labels them: "Jan 2026" … "Dec 2026". */
export const FY_MONTHS = MONTH_SHORT.map((m) => `${m} ${FY}`);

type TExpectedFile = {
  file: string;
  dataRows: number;
  badRows: { line: number; reason: string }[];
  acceptedRows: number;
  roundedRows: number;
  totalMinor: number;
  months: { month: string; rows: number; totalMinor: number }[];
};
/** Hand-computed totals of the fixture (minor units, i.e. cents). */
export const EXPECTED = JSON.parse(readFileSync(fixture("orders-export.expected.json"), "utf8")) as {
  currency: string;
  columns: { date: string; amount: string; reference: string; customer: string };
  dateFormat: string;
  withBadRows: TExpectedFile;
  fixed: TExpectedFile;
};

/** "2026-01" → "Jan 2026", as the app labels months. */
export const monthLabelOf = (key: string) => `${MONTH_SHORT[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

/** Cents as the page shows dollars (en-US): 325949 → "$3,259.49". Integer arithmetic only. */
export function usd(minor: number): string {
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${minor < 0 ? "-" : ""}$${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Cents as the CEO's tables show them, whole dollars rounded half away from zero: 325949 → "$3,259". */
export function usdWhole(minor: number): string {
  const abs = Math.abs(minor);
  const whole = Math.floor((abs + 50) / 100);
  return `${minor < 0 && whole !== 0 ? "-" : ""}$${whole.toLocaleString("en-US")}`;
}

/** Cents as a plain decimal, as in the targets inputs and the CSV export: 325949 → "3259.49". */
export function plain(minor: number): string {
  const abs = Math.abs(minor);
  return `${minor < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Today's date in the organization's zone, as the app formats it (en-US, medium): "Nov 27, 2026". */
export const todayInOrgZone = () =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: ORG_TIME_ZONE }).format(new Date());

export type TOwner = { name: string; email: string; password: string; organization: string; slug: string };

/**
 * Signs up a new user with a new organization, choosing USD, a fiscal year that starts in January
 * and ORG_TIME_ZONE explicitly (helpers.signUp() leaves those at the form's defaults: USD, January,
 * and the browser's zone). Returns the owner and the organization's slug.
 */
export async function signUpRevenueOwner(page: Page, prefix: string): Promise<TOwner> {
  const id = uniqueId();
  const owner = {
    name: `${prefix} Owner ${id}`,
    email: `${prefix.toLowerCase()}-${id}@e2e.example`,
    password: "a-strong-password",
    organization: `${prefix} Revenue ${id}`,
  };
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByLabel("Organization name").fill(owner.organization);
  // The form's defaults, checked so a change to them is noticed, then chosen explicitly.
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await expect(page.getByLabel("Fiscal year starts in")).toHaveValue("1");
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByLabel("Fiscal year starts in").selectOption({ label: "January" });
  await page.getByLabel("Time zone").selectOption(ORG_TIME_ZONE);
  await expect(page.getByLabel("Time zone")).toHaveValue(ORG_TIME_ZONE);
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: owner.organization })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2] ?? "";
  return { ...owner, slug };
}

/** The revenue page of FY2026, with the organization's currency and zone as the page states them. */
export async function openRevenue(page: Page, slug: string, fy = FY) {
  await visit(page, `/o/${slug}/revenue?fy=${fy}`);
  await expect(page.getByRole("heading", { level: 1, name: "Targets and actuals" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Fiscal year shown" })).toHaveValue(String(fy));
}

export const targetsGrid = (page: Page, fy = FY) => page.getByRole("form", { name: `Targets FY${fy}` });
export const targetInput = (page: Page, monthLabel: string) =>
  page.getByRole("textbox", { name: `Target ${monthLabel}`, exact: true });
/** A month's row of the targets grid: [month, target input, actual, period (Open/Closed…), close button]. */
export const gridRow = (page: Page, monthLabel: string) =>
  targetsGrid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: monthLabel, exact: true }) });
export const gridActual = (page: Page, monthLabel: string) => gridRow(page, monthLabel).getByRole("cell").nth(1);
export const gridPeriod = (page: Page, monthLabel: string) => gridRow(page, monthLabel).getByRole("cell").nth(2);

export async function expectTargets(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await expect(targetInput(page, label), label).toHaveValue(value);
}

export const spreadForm = (page: Page) => page.getByRole("form", { name: "Spread an annual target" });

/** Spreads `annual` evenly over FY2026 with the remainder cent in December (the page must be FY2026's revenue page). */
export async function spreadEvenly(page: Page, annual: string) {
  const form = spreadForm(page);
  await form.getByLabel("Annual target (USD)").fill(annual);
  await form.getByLabel("Remainder cents go to").selectOption({ label: `Dec ${FY}` });
  await form.getByRole("radio", { name: "Even (1/12 each)" }).check();
  await form.getByRole("button", { name: "Spread over the year" }).click();
  return form;
}

// ——— The import wizard ———

export type TMappingChoice = { date: string; amount: string; reference?: string; dateFormat?: string };
const FIXTURE_MAPPING: TMappingChoice = {
  date: EXPECTED.columns.date,
  amount: EXPECTED.columns.amount,
  reference: EXPECTED.columns.reference,
};

/** Opens the import wizard and chooses `file` in step 1; returns step 2's card. */
export async function chooseImportFile(page: Page, slug: string, file: string) {
  await visit(page, `/o/${slug}/revenue/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import actuals" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles(fixture(file));
  return mappingCard(page);
}

export const mappingCard = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "2. Map the columns" }) });
export const previewCard = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "3. Check and import" }) });
export const commitCard = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "4. Import" }) });

/** Step 2: maps the columns (and the date format, when given) and asks for the check. Returns step 3's card. */
export async function mapAndCheck(page: Page, mapping: TMappingChoice = FIXTURE_MAPPING) {
  const card = mappingCard(page);
  await card.getByLabel("Date column").selectOption({ label: mapping.date });
  await card.getByLabel("Amount column").selectOption({ label: mapping.amount });
  if (mapping.reference) await card.getByLabel("Reference column").selectOption({ label: mapping.reference });
  if (mapping.dateFormat) await card.getByLabel("Date format").selectOption({ label: mapping.dateFormat });
  await card.getByRole("button", { name: "Check the file" }).click();
  const preview = previewCard(page);
  await expect(preview).toBeVisible();
  return preview;
}

/** The preview's "rows per month" table, row by row: [month, rows, already imported, amount], then the total row. */
export function expectedMonthRows(expected: TExpectedFile, alreadyImported: Record<string, number> = {}) {
  const already = (month: string) => (alreadyImported[month] ?? 0).toLocaleString("en-US");
  const alreadyTotal = Object.values(alreadyImported).reduce((a, b) => a + b, 0);
  return [
    ...expected.months.map((m) => [
      monthLabelOf(m.month),
      m.rows.toLocaleString("en-US"),
      already(m.month),
      usd(m.totalMinor),
    ]),
    [
      "Total",
      expected.acceptedRows.toLocaleString("en-US"),
      alreadyTotal.toLocaleString("en-US"),
      usd(expected.totalMinor),
    ],
  ];
}

export async function expectTableRows(table: Locator, rows: string[][]) {
  const bodyAndFoot = table.locator("tbody tr, tfoot tr");
  await expect(bodyAndFoot).toHaveCount(rows.length);
  for (const [i, cells] of rows.entries()) await expect(bodyAndFoot.nth(i).locator("th, td")).toHaveText(cells);
}

/** Uploads the fixed fixture, checks it and imports it; returns the batch id the wizard reports. */
export async function importFixedFixture(page: Page, slug: string) {
  await chooseImportFile(page, slug, EXPECTED.fixed.file);
  const preview = await mapAndCheck(page);
  await preview.getByRole("button", { name: `Import ${EXPECTED.fixed.acceptedRows} rows` }).click();
  const done = formMessage(
    commitCard(page),
    `Imported ${EXPECTED.fixed.acceptedRows} rows totalling ${usd(EXPECTED.fixed.totalMinor)} as batch `,
  );
  await expect(done).toBeVisible({ timeout: 30_000 });
  return /as batch (\S+?)\.(?:\s|$)/.exec((await done.textContent()) ?? "")?.[1] ?? "";
}

/** The Imports card's row for a file. */
export const batchRow = (page: Page, fileName: string) =>
  page.getByRole("row", { name: `Import ${fileName}`, exact: true });
export const importsCard = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Imports", exact: true }) });
