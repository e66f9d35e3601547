import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "revtrace-demo";
export const DEMO = {
  owner: "ceo@acme.example",
  finance: "finance@acme.example",
  head: "marketing@acme.example",
  sales: "sales@acme.example",
  viewer: "board@acme.example",
} as const;

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@e2e.example`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\//);
}

/** Signs up through the form and returns the new organization's slug. */
export async function signUp(page: Page, options: { name: string; email: string; password?: string; organization: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(options.name);
  await page.getByLabel("Work email").fill(options.email);
  await page.getByLabel("Password").fill(options.password ?? "a-strong-password");
  await page.getByLabel("Organization name").fill(options.organization);
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}
