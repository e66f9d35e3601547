import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The scorecard writes in dialogs: opens the one behind `button` (within `scope`, a page or a
 * section) unless its form is already open, and returns the form by its accessible name. Another
 * dialog still open (a form stays open after its success, for the next entry) is closed first.
 */
export async function openForm(scope: Page | Locator, button: string | RegExp, form: string): Promise<Locator> {
  const found = scope.getByRole("form", { name: form });
  if (!(await found.isVisible())) {
    const page = "page" in scope && typeof scope.page === "function" ? scope.page() : (scope as Page);
    if (await page.locator("dialog[open]").count()) await closeDialog(page);
    await scope.getByRole("button", { name: button }).click();
  }
  await expect(found).toBeVisible();
  return found;
}

/** Closes the open dialog as a keyboard user would (Escape), and waits for it to go. */
export async function closeDialog(page: Page) {
  await page.keyboard.press("Escape");
  await expect(page.locator("dialog[open]")).toHaveCount(0);
}
