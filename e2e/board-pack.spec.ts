import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, signUpFreshOwner, visit } from "./support/helpers";

// Issue 15: the CEO takes a quarter's review to the board as a PDF, in one click from the dashboard.
// The demo organization, on the real clock: Q1 of the current fiscal year.

test.describe.configure({ timeout: 180_000 });

const squash = (text: string) => text.replace(/\s+/g, "");

/** Pages of a PDF and the text of each without whitespace (extraction spaces kerned figures: "$300 K"). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(squash(content.items.map((item) => ("str" in item ? item.str : "")).join("")));
  }
  return pages;
}

test("the CEO downloads a quarter's board pack from the dashboard: one page per department", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/departments`);
  const departments = (await page.locator('[data-testid^="department-"] th a').allTextContents()).map((t) => t.trim());
  expect(departments.length).toBeGreaterThan(0);

  await visit(page, `/o/${DEMO_ORG.slug}`);
  await page.getByLabel("Period within the year").selectOption({ label: "Q1" });
  await expect(page).toHaveURL(/\?period=q-\d{4}-1$/);
  const period = new URL(page.url()).searchParams.get("period") ?? "";
  const link = page.getByRole("link", { name: "Board pack (PDF)" });
  await expect(link).toHaveAttribute("href", `/o/${DEMO_ORG.slug}/board-pack?period=${period}`);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${DEMO_ORG.slug}-board-pack-${period}.pdf`);
  const bytes = await readFile((await download.path()) ?? "");
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = await pdfPages(bytes);
  // Cover, numbers, bridge, heat map, then one page per department in the departments page's order,
  // then the appendix (as long as the lost and slipped deals need).
  for (const [i, name] of departments.entries())
    expect(pages[4 + i]?.startsWith(squash(name)), `page ${5 + i}: ${name}`).toBe(true);
  expect(pages[4 + departments.length]?.startsWith("Appendix")).toBe(true);
  expect(pages[0]).toContain(squash(DEMO_ORG.name));
  expect(pages[0]).toContain(`Q1FY${period.split("-")[1]}`);
  for (const [i, text] of pages.entries()) expect(text).toContain(`page${i + 1}of${pages.length}`);

  const response = await page.request.get(`/o/${DEMO_ORG.slug}/board-pack?period=${period}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
});

test("a viewer may download the pack; a member of another organization gets 404", async ({ browser }, testInfo) => {
  const newPage = async () => (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  const viewer = await newPage();
  await signIn(viewer, DEMO.viewer);
  const allowed = await viewer.request.get(`/o/${DEMO_ORG.slug}/board-pack?period=ytd-2026`);
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()["content-type"]).toBe("application/pdf");
  await viewer.close();

  const outsider = await newPage();
  await signUpFreshOwner(outsider, "pack-outsider");
  const refused = await outsider.request.get(`/o/${DEMO_ORG.slug}/board-pack?period=ytd-2026`);
  expect(refused.status()).toBe(404);
  expect(refused.headers()["content-type"]).not.toContain("pdf");
  await outsider.close();
});
