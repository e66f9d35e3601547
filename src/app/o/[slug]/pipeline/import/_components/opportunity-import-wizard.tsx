"use client";

import { ImportWizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import { countOf } from "@/components/import/preview-card";
import type { TOpportunityCommitResult, TOpportunityImportPreview } from "@/lib/csv/opportunity-summary";
import type { TJsonSafe } from "@/lib/csv/wire";
import { initialOpportunityMapping, OpportunityMappingStep, type TOpportunityMapping } from "./opportunity-mapping-step";
import { OpportunityPreviewStep } from "./opportunity-preview-step";

type TImported = Exclude<TOpportunityCommitResult, { outcome: "already-imported" }>;

function Imported({ data }: { data: TJsonSafe<TImported> }) {
  const skipped = data.skippedCount ? ` ${countOf(data.skippedCount, "skipped line")} ${data.skippedCount === 1 ? "is" : "are"} recorded with it.` : "";
  return (
    <SuccessNotice>
      Imported {countOf(data.rowCount, "deal")} as batch {data.batchId}: {data.newCount} new, {data.changedCount} changed, {data.unchangedCount} the same as before.{skipped}
    </SuccessNotice>
  );
}

/** The pipeline import: upload → map → check → import. */
export function OpportunityImportWizard({ slug, currency, timeZone }: { slug: string; currency: string; timeZone: string }) {
  return (
    <ImportWizard<TOpportunityMapping, TOpportunityImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/pipeline/import/api`}
      initialMapping={initialOpportunityMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the file",
        description: "A CSV export of opportunities from your CRM, with a header row and one row per deal (up to 50 MB). A deal whose external id is already here is updated where the row differs.",
      }}
      renderMapping={(props) => <OpportunityMappingStep {...props} />}
      renderPreview={(props) => <OpportunityPreviewStep {...props} currency={currency} />}
      renderImported={(data) => <Imported data={data} />}
      done={{ href: `/o/${slug}/pipeline`, label: "Back to the pipeline" }}
    />
  );
}
