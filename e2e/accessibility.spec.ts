import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";
import { expectAccessible, expectNoPageScroll } from "./support/a11y";

// Every screen, as the roles that use it, on a phone (390 × 844) and a laptop (1440 × 900): no
// serious or critical WCAG 2.2 AA violation (axe), and no page-level sideways scroll.

const ORG = `/o/${DEMO_ORG.slug}`;

/** The month before this one in the demo's zone, e.g. "2026-11": the latest month that can close. */
function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone: "America/New_York" }).format(new Date()).split("-").map(Number);
  const d = new Date(Date.UTC(year ?? 2026, (month ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function marketingScorecard(page: Page): Promise<string> {
  await visit(page, `${ORG}/departments`);
  return (await page.getByRole("link", { name: "Marketing", exact: true }).getAttribute("href")) ?? "";
}

type TScreen = { name: string; path: string | ((page: Page) => Promise<string> | string); ready: (page: Page) => Promise<void> };
const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const SCREENS: Record<string, TScreen> = {
  dashboard: { name: "dashboard", path: ORG, ready: heading(DEMO_ORG.name) },
  inbox: { name: "My work", path: `${ORG}/inbox`, ready: heading("My work") },
  revenue: { name: "revenue", path: `${ORG}/revenue`, ready: heading("Targets and actuals") },
  close: { name: "month close", path: () => `${ORG}/revenue/close/${lastMonth()}`, ready: heading(/^Close /) },
  departments: { name: "departments", path: `${ORG}/departments`, ready: heading("Departments") },
  scorecard: { name: "scorecard", path: marketingScorecard, ready: heading("Marketing") },
  pipeline: { name: "pipeline", path: `${ORG}/pipeline`, ready: heading("Pipeline") },
  won: { name: "won by month", path: `${ORG}/pipeline/won`, ready: heading(/^Won by month/) },
  settings: { name: "settings", path: `${ORG}/settings`, ready: heading("Settings") },
};

const ROLES: [keyof typeof DEMO, (keyof typeof SCREENS)[]][] = [
  ["owner", ["dashboard", "revenue", "close", "departments", "scorecard", "pipeline", "won", "settings", "inbox"]],
  ["finance", ["inbox", "revenue"]],
  ["head", ["inbox", "scorecard"]],
  ["sales", ["inbox", "pipeline"]],
  ["viewer", ["dashboard", "inbox"]],
];

for (const [role, screens] of ROLES) {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    test(`as ${role} at ${viewport.width} px: ${screens.join(", ")}`, async ({ page }) => {
      test.setTimeout(60_000 + screens.length * 30_000);
      await page.setViewportSize(viewport);
      await signIn(page, DEMO[role]);
      for (const key of screens) {
        const screen = SCREENS[key];
        if (!screen) throw new Error(`no screen ${key}`);
        const path = typeof screen.path === "string" ? screen.path : await screen.path(page);
        await visit(page, path);
        await screen.ready(page);
        const what = `${screen.name} as ${role} at ${viewport.width} px`;
        await expectNoPageScroll(page, what);
        await expectAccessible(page, what);
      }
    });
  }
}
