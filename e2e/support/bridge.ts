import type { Locator, Page } from "@playwright/test";

// Reading the CEO dashboard's gap bridge table and tiles as numbers (cents), for the specs that
// check the bridge balances and moves.

/** "$1,234.56", "-$0.50", "+$12.00" → cents. */
export function cents(text: string): number {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[^0-9.]/g, "");
  const negative = trimmed.startsWith("-") || trimmed.startsWith("−");
  const [whole = "0", fraction = "00"] = digits.split(".");
  return (negative ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, "0")));
}

export type TStep = { step: string; amount: number; running: number };

/** A table cell's exact amount: CEO tables show whole units, with the exact amount as the hover title. */
export async function exactCell(cell: Locator): Promise<number> {
  const titled = cell.locator("[title]").first();
  return cents((await titled.count()) ? ((await titled.getAttribute("title")) ?? "") : await cell.innerText());
}

/** The bridge table as numbers: each body row's step, amount and running total in cents (exact). */
export async function bridgeSteps(page: Page): Promise<TStep[]> {
  const rows = page.getByTestId("bridge-table").locator("tbody tr");
  const count = await rows.count();
  const steps: TStep[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    // The row header carries the step's name, then a note ("taints", "not traced to a department").
    const step = (
      (await row.locator("th a").count())
        ? await row.locator("th a").innerText()
        : await row.locator("th").evaluate((th) => th.firstChild?.textContent ?? "")
    ).trim();
    const cells = row.locator("td");
    steps.push({ step, amount: await exactCell(cells.nth(0)), running: await exactCell(cells.nth(1)) });
  }
  return steps;
}

export const tileExact = async (page: Page, testId: string) =>
  cents((await page.getByTestId(testId).locator("dd[title]").getAttribute("title")) ?? "");
