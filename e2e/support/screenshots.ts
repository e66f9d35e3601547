import path from "node:path";
import type { Page } from "@playwright/test";

// Visual-review pictures: with SCREENSHOTS=1 the screenshot specs save full-page PNGs to
// test-results/screenshots/; without it they only run their assertions.
export const SHOTS = process.env.SCREENSHOTS === "1";
const dir = path.join(import.meta.dirname, "..", "..", "test-results", "screenshots");

export async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  // Park the pointer so no hover state (a chart tooltip, say) is left over from the last click.
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: "disabled" });
}
