import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";
import { expectAccessible, expectNoPageScroll } from "./support/a11y";

// Every screen, as the roles that use it, on a phone (390 × 844) and a laptop (1440 × 900): no
// serious or critical WCAG 2.2 AA violation (axe), and no page-level sideways scroll.

const ORG = `/o/${DEMO_ORG.slug}`;

/** The month before this one in the demo's zone, e.g. "2026-11": the latest month that can close. */
function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    timeZone: "America/New_York",
  })
    .format(new Date())
    .split("-")
    .map(Number);
  const d = new Date(Date.UTC(year ?? 2026, (month ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function marketingScorecard(page: Page): Promise<string> {
  await visit(page, `${ORG}/departments`);
  return (await page.getByRole("link", { name: "Marketing", exact: true }).getAttribute("href")) ?? "";
}

/** A deal's page: the first deal the pipeline lists. */
async function firstDeal(page: Page): Promise<string> {
  await visit(page, `${ORG}/pipeline`);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const deal = hrefs.find((h) => new RegExp(`^${ORG}/pipeline/(?!won$|import$)[^/?#]+$`).test(h));
  if (!deal) throw new Error("no deal on the pipeline");
  return deal;
}

type TScreen = {
  name: string;
  path: string | ((page: Page) => Promise<string> | string);
  ready: (page: Page) => Promise<void>;
};
const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};
/** A settings section: its page, marked as current in the settings' own navigation. */
const settingsSection = (label: string) => async (page: Page) => {
  await heading("Settings")(page);
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: label, exact: true }),
  ).toHaveAttribute("aria-current", "page");
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
  deal: {
    name: "a deal",
    path: firstDeal,
    ready: async (page) => await expect(page.getByRole("heading", { level: 2, name: "History" })).toBeVisible(),
  },
  revenueImport: { name: "revenue import", path: `${ORG}/revenue/import`, ready: heading("Import actuals") },
  pipelineImport: { name: "pipeline import", path: `${ORG}/pipeline/import`, ready: heading("Import deals") },
  kpiImport: {
    name: "KPI import",
    path: async (page) => `${await marketingScorecard(page)}/import`,
    ready: heading("Import KPI values"),
  },
  notFound: { name: "a missing deal (404)", path: `${ORG}/pipeline/no-such-deal`, ready: heading("Not found") },
  settings: { name: "settings: organization", path: `${ORG}/settings`, ready: settingsSection("Organization") },
  settingsDepartments: {
    name: "settings: departments",
    path: `${ORG}/settings/departments`,
    ready: settingsSection("Departments"),
  },
  settingsCategories: {
    name: "settings: categories",
    path: `${ORG}/settings/categories`,
    ready: settingsSection("Contribution categories"),
  },
  settingsPipeline: {
    name: "settings: pipeline",
    path: `${ORG}/settings/pipeline`,
    ready: settingsSection("Pipeline"),
  },
  settingsMembers: { name: "settings: members", path: `${ORG}/settings/members`, ready: settingsSection("Members") },
  settingsInvitations: {
    name: "settings: invitations",
    path: `${ORG}/settings/invitations`,
    ready: settingsSection("Invitations"),
  },
  settingsBoardPack: {
    name: "settings: board pack",
    path: `${ORG}/settings/board-pack`,
    ready: settingsSection("Board pack"),
  },
  settingsJobs: {
    name: "settings: scheduled jobs",
    path: `${ORG}/settings/jobs`,
    ready: settingsSection("Scheduled jobs"),
  },
  // Settings for a role that may open none of it: the refusal, and no Settings in the navigation.
  settingsRefused: {
    name: "settings (not allowed)",
    path: `${ORG}/settings`,
    ready: async (page) => {
      await heading("Not allowed")(page);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(
        0,
      );
      await expect(page.getByRole("navigation", { name: "Settings sections" })).toHaveCount(0);
    },
  },
};

const SETTINGS_SECTIONS = [
  "settings",
  "settingsDepartments",
  "settingsCategories",
  "settingsPipeline",
  "settingsMembers",
  "settingsInvitations",
  "settingsBoardPack",
  "settingsJobs",
] as const;
const ROLES: [keyof typeof DEMO, (keyof typeof SCREENS)[]][] = [
  [
    "owner",
    [
      "dashboard",
      "revenue",
      "close",
      "revenueImport",
      "departments",
      "scorecard",
      "kpiImport",
      "pipeline",
      "deal",
      "pipelineImport",
      "won",
      ...SETTINGS_SECTIONS,
      "inbox",
      "notFound",
    ],
  ],
  ["finance", ["inbox", "revenue", "close", "revenueImport", "won", "deal", "settingsRefused"]],
  ["head", ["inbox", "scorecard", "kpiImport", "won", "settingsRefused"]],
  ["sales", ["inbox", "pipeline", "deal", "pipelineImport", "won", "settingsRefused"]],
  ["viewer", ["dashboard", "inbox", "won", "deal", "notFound", "settingsRefused"]],
];

for (const [role, screens] of ROLES) {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
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
