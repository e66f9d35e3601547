import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "./playwright.config";
import { e2eDatabaseUrl, runDbScript } from "./support/db-script";
import { formMessage, signIn, visit } from "./support/helpers";
import { closeDialog } from "./support/dialog";
import { latestMailTo, linkIn, mailDir } from "./support/mail";
import { shot } from "./support/screenshots";

// Issue 14 on a fixed clock: Legal's November turned red on 30 November. On the morning of
// 1 December the job runner (run once here, as `npm run worker -- --once` would) opens the alert and
// the daily digest tells the Legal head — nobody has opened a page. The head finds it in My work,
// snoozes it and wakes it, writes the narrative, and the next evaluation clears it; the owner sees
// those runs in Settings → Scheduled jobs.
test.describe.configure({ mode: "serial" });

const PASSWORD = "correct horse battery";
const root = path.join(import.meta.dirname, "..");
let seed: {
  slug: string;
  users: Record<"owner" | "legalHead" | "finance" | "salesManager" | "viewer", string>;
  legalId: string;
};

/** Runs every job due at `at` for the journey's organization, as the worker would. */
function runJobs(at: string) {
  execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    [
      "--conditions=react-server",
      "--import",
      "./src/cli/react-pdf-hook.ts",
      "src/cli/worker.ts",
      "--once",
      "--organization",
      seed.slug,
      "--at",
      at,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl(),
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        NEXTAUTH_URL: baseURL,
        ALLOW_TEST_CLOCK: "1",
        MAIL_DIR: mailDir(),
        SMTP_URL: "",
      },
      encoding: "utf8",
    },
  );
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const items = (page: Page) => page.getByTestId("inbox-item");

async function lookAt(page: Page, name: string) {
  await shot(page, `alerts-${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await expect.poll(overflow, { message: "pixels of horizontal page scroll" }).toBeLessThanOrEqual(0);
  await shot(page, `alerts-${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeAll(() => {
  seed = JSON.parse(runDbScript("inbox-db.ts", "seed", {}));
});

test("a red month reaches its head by email the next morning, waits in My work, and clears once explained", async ({
  page,
  context,
}) => {
  // Tuesday 1 December 2026, 07:30 in New York: the daily digest's hour has passed.
  const sentAfter = new Date();
  runJobs("2026-12-01T12:30:00Z");
  const mail = await latestMailTo(seed.users.legalHead, { after: sentAfter });
  expect(mail.subject).toMatch(/your daily digest: 1 open item$/);
  expect(mail.text).toContain("Explain why November 2026 was red: write its “why” and “what next”");
  const link = linkIn(mail, `/o/${seed.slug}/departments/${seed.legalId}`);
  expect(link).toBe(`${baseURL}/o/${seed.slug}/departments/${seed.legalId}?period=m-2026-11#narrative-2026-11`);
  expect(linkIn(mail, "/unsubscribe")).toMatch(/\/unsubscribe\?token=/);

  await context.addCookies([{ name: "revtrace-test-now", value: "2026-12-01T15:00:00Z", url: baseURL }]);
  await signIn(page, seed.users.legalHead, PASSWORD);
  await expect(page).toHaveURL(`/o/${seed.slug}/inbox`);
  const red = items(page).filter({ hasText: "Explain why November 2026 was red" });
  await expect(red).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "My work 1 owed" })).toBeVisible();

  // Snooze it for a day, with a reason.
  await red.getByRole("button", { name: /^Snooze:/ }).click();
  const dialog = page.getByRole("dialog", { name: "Snooze this item" });
  await dialog.getByRole("button", { name: "Snooze" }).click();
  await expect(
    dialog.getByText("Reason: say why this can wait (at least 3 characters).", { exact: true }),
  ).toBeVisible();
  await dialog.getByLabel("Snooze for").selectOption("1");
  await dialog.getByLabel("Reason").fill("Counsel sends the redline summary tomorrow");
  await shot(page, "alerts-snooze-dialog-1440");
  await dialog.getByRole("button", { name: "Snooze" }).click();
  await expect(dialog).toBeHidden();
  const snoozed = page.getByRole("region", { name: /Snoozed/ });
  await expect(snoozed.getByTestId("snooze-note")).toHaveText(
    "Snoozed until Dec 2, 2026: Counsel sends the redline summary tomorrow",
  );
  await expect(page.getByRole("region", { name: /To do|Late|Due soon/ })).toHaveCount(0);
  // Snoozed, it is not counted.
  await expect(nav(page).getByTestId("nav-owed")).toHaveCount(0);
  await lookAt(page, "snoozed");

  // Wake it up: back in the list and the count.
  await snoozed.getByRole("button", { name: /^Wake up:/ }).click();
  await expect(page.getByRole("region", { name: /Snoozed/ })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "My work 1 owed" })).toBeVisible();

  // Write the narrative where the item (and the email) links.
  await items(page)
    .filter({ hasText: "Explain why November 2026 was red" })
    .getByRole("link", { name: "Write the narrative" })
    .click();
  const form = page.getByRole("form", { name: "Narrative for Nov 2026" });
  await form.getByLabel("Why — Nov 2026").fill("Two MSAs waited three weeks on redlines.");
  await form.getByLabel("What next — Nov 2026").fill("A template MSA for deals under $50k by the 15th.");
  await form.getByRole("button", { name: "Save narrative" }).click();
  await expect(formMessage(form, "Narrative for Nov 2026 saved.")).toBeVisible();
  await closeDialog(page);
  await visit(page, `/o/${seed.slug}/inbox`);
  await expect(items(page).filter({ hasText: "Explain why November 2026 was red" })).toHaveCount(0);

  // The next quarter hour's evaluation clears the alert; the owner reads it in the job history.
  runJobs("2026-12-01T15:15:00Z");
  await context.clearCookies();
  await context.addCookies([{ name: "revtrace-test-now", value: "2026-12-01T15:20:00Z", url: baseURL }]);
  await signIn(page, seed.users.owner, PASSWORD);
  await visit(page, `/o/${seed.slug}/settings/jobs`);
  await expect(page.getByRole("heading", { name: "Scheduled jobs" })).toBeVisible();
  const evaluation = page.locator('[data-testid="job-overview"][data-job="evaluate-alerts"]');
  await expect(evaluation).toContainText("Last run:");
  await expect(evaluation).toContainText("✓ Succeeded");
  await expect(evaluation).toContainText(/0 alerts opened, 1 cleared/);
  // Next quarter hour after 10:20 in New York: 10:30.
  await expect(evaluation).toContainText("Next run: Dec 1, 2026, 10:30 AM");
  await expect(page.locator('[data-testid="job-overview"][data-job="daily-digest"]')).toContainText(/digests? queued/);
  await expect(page.getByTestId("job-run").first()).toBeVisible();
  await lookAt(page, "jobs");
});

test("only owners see the job history", async ({ page }) => {
  await signIn(page, seed.users.finance, PASSWORD);
  await visit(page, `/o/${seed.slug}/settings/jobs`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByTestId("job-overview")).toHaveCount(0);
});
