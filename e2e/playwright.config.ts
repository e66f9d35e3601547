import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium (Playwright's own download cannot reach its host here); see README.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  // Per port: Playwright empties its output folder at start, and two suites may run side by side.
  outputDir: path.join(import.meta.dirname, "..", "test-results", PORT === 3100 ? "." : `port-${PORT}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Long journeys (a dozen saves and reloads) on a shared 2-core machine: a minute was not always enough.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // A production build against a fresh, migrated and seeded e2e database.
    command: "npx tsx --conditions=react-server e2e/support/server.ts",
    cwd: path.join(import.meta.dirname, ".."),
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
