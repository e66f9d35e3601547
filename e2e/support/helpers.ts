import { expect, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "revtrace-demo";
export const DEMO = {
  owner: "ceo@acme.example",
  finance: "finance@acme.example",
  head: "marketing@acme.example",
  legal: "legal@acme.example",
  sales: "sales@acme.example",
  viewer: "board@acme.example",
} as const;
export const DEMO_ORG = { name: "Acme Corp", slug: "acme" } as const;

/** Eight hex characters: enough to keep every run's users and organizations apart. */
export const uniqueId = () => randomUUID().slice(0, 8);
export const uniqueEmail = (prefix: string) => `${prefix}-${uniqueId()}@e2e.example`;

/** The nine departments every new organization starts with (one per kind but "Other"). */
export const DEFAULT_DEPARTMENTS = [
  "Sales",
  "Marketing",
  "Billing",
  "Accounting",
  "Audit",
  "Legal",
  "Media relations",
  "Customer service",
  "Executive",
] as const;

export const SIGN_IN_MISMATCH = "That email and password do not match an account.";

/**
 * Waits until React has hydrated the page, i.e. the last form control in the document carries
 * React's props. Typing or clicking before that goes wrong (on a slow connection, for users too): a
 * click submits the form natively (as a GET), and a failed hydration re-renders the form from
 * scratch, wiping what was typed.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const controls = document.querySelectorAll("button, input, select, textarea");
    const last = controls[controls.length - 1];
    return !last || Object.keys(last).some((key) => key.startsWith("__reactProps$"));
  });
}

/** page.goto, then wait for hydration before the test touches a form. */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

export async function reload(page: Page) {
  await page.reload();
  await waitForHydration(page);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in hashes with argon2id and then renders the whole dashboard: on a loaded 2-core machine
  // that has taken over 10 s, so this one navigation gets longer than the default wait.
  await expect(page).toHaveURL(/\/o\//, { timeout: 30_000 });
}

/** Signs up through the form and returns the new organization's slug. */
export async function signUp(
  page: Page,
  options: { name: string; email: string; password?: string; organization: string },
) {
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(options.name);
  await page.getByLabel("Work email").fill(options.email);
  await page.getByLabel("Password").fill(options.password ?? "a-strong-password");
  await page.getByLabel("Organization name").fill(options.organization);
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/** A fresh user who owns a fresh organization; returns what the tests need to find them again. */
export async function signUpFreshOwner(page: Page, prefix: string) {
  const id = uniqueId();
  const user = {
    name: `${capitalize(prefix)} Owner ${id}`,
    email: `${prefix}-${id}@e2e.example`,
    password: "a-strong-password",
    organization: `${capitalize(prefix)} Org ${id}`,
  };
  const slug = await signUp(page, user);
  return { ...user, slug };
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** A settings card (section) by its heading. */
export function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

/** Opens a settings section by the settings' own navigation (the page must be in settings). */
export async function openSettingsSection(page: Page, label: string) {
  const link = page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: label, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
  await expect(card(page, label)).toBeVisible();
  await waitForHydration(page);
}

export const departmentRow = (page: Page, name: string) =>
  card(page, "Departments").getByRole("listitem", { name: `Department ${name}`, exact: true });
export const memberRow = (page: Page, email: string) =>
  card(page, "Members").getByRole("listitem", { name: `Member ${email}`, exact: true });

/** The form-level message of a form (role=alert or role=status), found by its text. */
export const formMessage = (scope: Page | Locator, text: string | RegExp) =>
  scope.getByRole("alert").or(scope.getByRole("status")).filter({ hasText: text });

/**
 * Creates an invitation in Settings → Invitations (the page must be that section,
 * /o/[slug]/settings/invitations, as an owner) and returns the link shown to the owner.
 */
export async function createInvitation(page: Page, options: { email: string; role: string; department?: string }) {
  const invitations = card(page, "Invitations");
  await invitations.getByLabel("Email").fill(options.email);
  await invitations.getByLabel("Role", { exact: true }).selectOption({ label: options.role });
  if (options.department)
    await invitations.getByLabel("Department", { exact: true }).selectOption({ label: options.department });
  await invitations.getByRole("button", { name: "Create invitation link" }).click();
  await expect(formMessage(invitations, "Invitation created. Send this link to the person you invited:")).toBeVisible();
  const link = invitations.getByTestId("invitation-link");
  await expect(link).toHaveText(/\/invite\/\S+$/);
  return (await link.textContent())!.trim();
}

/** What the app's slugify() makes of a plain ASCII name, when no organization has that slug yet. */
export const expectedSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
