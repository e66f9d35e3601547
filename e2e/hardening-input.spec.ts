import { expect, test } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";
import { shot } from "./support/screenshots";

// Issue 10, findings 5 and 7, in the browser against a production build (the proxy that matches
// /o/* is real here, with its body limit).

const pipeline = `/o/${DEMO_ORG.slug}/pipeline`;
const importApi = `/o/${DEMO_ORG.slug}/revenue/import/api`;

test("finding 7: the pipeline page and its export drop bad filters with a notice instead of answering 500", async ({
  page,
}) => {
  await signIn(page, DEMO.owner);
  const bad = "?from=2026-13-45&quarter=9999-Q4&q=%00&status=open";
  const response = await visit(page, `${pipeline}${bad}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Ignored invalid filters: from, quarter, q")).toBeVisible();
  // The valid filter is kept: the status filter still shows open deals only.
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await shot(page, "pipeline-ignored-filters-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText("Ignored invalid filters: from, quarter, q")).toBeVisible();
  await shot(page, "pipeline-ignored-filters-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const exported = await page.request.get(`/o/${DEMO_ORG.slug}/export/pipeline${bad}`);
  expect(exported.status()).toBe(200);
  expect((await exported.text()).split("\n")[0]).toContain("id,name,account,amount");

  const one = await visit(page, `${pipeline}?from=2026-13-45`);
  expect(one?.status()).toBe(200);
  await expect(page.getByText("Ignored an invalid filter: from")).toBeVisible();
});

/** A revenue export of `megabytes` MB: 1,000 rows (in an open month) whose unmapped note column carries the bulk. */
function bigCsv(megabytes: number): Buffer {
  const rows = 1000;
  const note = "x".repeat(Math.ceil((megabytes * 1024 * 1024) / rows));
  const lines = ["date,amount,note"];
  for (let i = 0; i < rows; i++) lines.push(`2027-06-${String((i % 28) + 1).padStart(2, "0")},1.00,${note}`);
  return Buffer.from(`${lines.join("\n")}\n`);
}

test("finding 5: a 40 MB import goes through the real route; a larger file than 50 MB gets 413 naming the limit", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.finance);
  const file = bigCsv(40);
  expect(file.length).toBeGreaterThan(40 * 1024 * 1024);
  const preview = await page.request.post(importApi, {
    multipart: {
      intent: "preview",
      file: { name: "orders-40mb.csv", mimeType: "text/csv", buffer: file },
      dateColumn: "0",
      amountColumn: "1",
    },
    timeout: 150_000,
  });
  const body = (await preview.json()) as {
    ok: boolean;
    data?: { summary?: { dataRowCount?: number; acceptedCount?: number; totalMinor?: string; badRows?: unknown[] } };
  };
  expect(preview.status()).toBe(200);
  expect(body.ok).toBe(true);
  // Every row of the 40 MB arrived and was read: 1,000 rows of 1.00.
  expect(body.data?.summary).toMatchObject({
    dataRowCount: 1000,
    acceptedCount: 1000,
    totalMinor: "100000",
    badRows: [],
  });

  const tooBig = await page.request.post(importApi, {
    multipart: {
      intent: "preview",
      file: { name: "orders-52mb.csv", mimeType: "text/csv", buffer: bigCsv(52) },
      dateColumn: "0",
      amountColumn: "1",
    },
    timeout: 150_000,
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.json()).toEqual({
    ok: false,
    code: "VALIDATION",
    message: "The file is larger than 50 MB. Split it into several files.",
    fieldErrors: { file: ["The file is larger than 50 MB. Split it into several files."] },
  });
});
