import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_ORG, formMessage, signIn, uniqueId, visit } from "./support/helpers";
import { commitCard, expectTableRows, mappingCard, previewCard } from "./support/revenue";
import { shot } from "./support/screenshots";

// The sales manager imports deals from a CRM export: the check names the bad row by line and
// reason, nothing can be imported until the file is fixed, the fixed file creates the deals (the
// pipeline shows them), and the same file again adds nothing. A viewer is not allowed in.

const id = uniqueId();
const importUrl = `/o/${DEMO_ORG.slug}/pipeline/import`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function csvFile(dir: string, name: string, lines: string[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

const rows = (stage: string) => [
  "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date,Owner Email,Source Department",
  `E2E-${id}-1,Umbrella rollout ${id},Umbrella,"24,500.00",Proposal,${inDays(10)},sales@acme.example,Marketing`, // line 2
  `E2E-${id}-2,Tyrell renewal ${id},Tyrell,9800,${stage},${inDays(20)},,`, // line 3
];

async function check(page: Page, file: string) {
  await page.getByLabel("CSV file").setInputFiles(file);
  const mapping = mappingCard(page);
  await expect(mapping).toBeVisible();
  await mapping.getByRole("button", { name: "Check the file" }).click();
  const preview = previewCard(page);
  await expect(preview).toBeVisible();
  return preview;
}

test("the sales manager imports deals from a CRM export: bad row named, fixed, imported once", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const dir = testInfo.outputPath("files");
  const withTypo = csvFile(dir, "crm-export.csv", rows("Negociation"));
  const fixed = csvFile(dir, "crm-export-fixed.csv", rows("Negotiation"));

  await signIn(page, DEMO.sales);
  await visit(page, importUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Import deals" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Stages and their default probability" }).getByRole("row", { name: /Negotiation/ }).getByRole("cell")).toHaveText(["70 %"]);

  let preview = await check(page, withTypo);
  await expect(preview.getByTestId("opportunity-import-counts")).toHaveText("1 deal: 1 new.");
  await expect(preview.getByRole("heading", { name: "1 row cannot be imported" })).toBeVisible();
  await expectTableRows(page.getByRole("table", { name: "Rows that cannot be imported" }), [["3", 'unknown stage "Negociation"']]);
  await expect(preview.getByRole("button", { name: "Import 1 row" })).toBeDisabled();
  await shot(page, "pipeline-import-preview-1440");

  await preview.getByRole("button", { name: "Change the mapping" }).click();
  await page.getByRole("button", { name: "choose another" }).click();
  preview = await check(page, fixed);
  await expect(preview.getByTestId("opportunity-import-counts")).toHaveText("2 deals: 2 new.");
  await expectTableRows(page.getByRole("table", { name: "Deals in the file" }), [
    ["2", `E2E-${id}-1`, `Umbrella rollout ${id}Umbrella`, "Proposal", inDays(10), "$24,500.00", "New"],
    ["3", `E2E-${id}-2`, `Tyrell renewal ${id}Tyrell`, "Negotiation", inDays(20), "$9,800.00", "New"],
  ]);
  await preview.getByRole("button", { name: "Import 2 rows" }).click();
  const done = formMessage(commitCard(page), /Imported 2 deals as batch \S+: 2 new, 0 changed, 0 the same as before\.$/);
  await expect(done).toBeVisible({ timeout: 30_000 });
  await shot(page, "pipeline-import-done-1440");

  // The pipeline lists them.
  await visit(page, `/o/${DEMO_ORG.slug}/pipeline?q=${id}`);
  await expect(page.getByText(`Umbrella rollout ${id}`).first()).toBeVisible();
  await expect(page.getByText(`Tyrell renewal ${id}`).first()).toBeVisible();

  // The same file again: already imported; nothing can be added a second time.
  await visit(page, importUrl);
  preview = await check(page, fixed);
  await expect(formMessage(preview, /^This file was already imported on .+ as batch \S+\. Nothing was added\.$/)).toBeVisible();
  await expect(preview.getByTestId("opportunity-import-counts")).toHaveText("2 deals: 2 the same as now.");
  await expect(preview.getByRole("button", { name: "Import 2 rows" })).toBeDisabled();
});

test("a viewer may not import deals", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await visit(page, importUrl);
  const refusal = page.getByRole("region", { name: "Not allowed" });
  await expect(refusal).toContainText("Only sales managers and owners can import deals into the pipeline.");
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
});
