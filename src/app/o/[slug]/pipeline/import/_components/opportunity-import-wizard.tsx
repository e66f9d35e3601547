"use client";

import { ImportWizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import type { TOpportunityCommitResult, TOpportunityImportPreview } from "@/lib/csv/opportunity-summary";
import type { TJsonSafe } from "@/lib/csv/wire";
import type { TStageMap } from "@/lib/csv/opportunity-stage-map";
import { initialOpportunityMapping, OpportunityMappingStep, type TOpportunityMapping, type TStageOption } from "./opportunity-mapping-step";
import { OpportunityPreviewStep } from "./opportunity-preview-step";

type TImported = Exclude<TOpportunityCommitResult, { outcome: "already-imported" }>;

function Imported({ data }: { data: TJsonSafe<TImported> }) {
  return (
    <SuccessNotice>
      <span data-testid="opportunity-import-result">{data.message}</span> <span className="text-xs">Batch {data.batchId}.</span>
    </SuccessNotice>
  );
}

/** The pipeline import: upload → map → check → import. */
type TWizardProps = { slug: string; currency: string; timeZone: string; stages: TStageOption[]; rememberedStageMap: TStageMap; quarterEnd: string };

export function OpportunityImportWizard({ slug, currency, timeZone, stages, rememberedStageMap, quarterEnd }: TWizardProps) {
  return (
    <ImportWizard<TOpportunityMapping, TOpportunityImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/pipeline/import/api`}
      initialMapping={initialOpportunityMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the file",
        description: "A CSV export of opportunities from your CRM, with a header row and one row per deal (up to 50 MB). A deal whose external id is already here is updated where the row differs.",
      }}
      renderMapping={(props) => <OpportunityMappingStep {...props} slug={slug} stages={stages} rememberedStageMap={rememberedStageMap} quarterEnd={quarterEnd} />}
      renderPreview={(props) => <OpportunityPreviewStep {...props} currency={currency} slug={slug} />}
      renderImported={(data) => <Imported data={data} />}
      done={{ href: `/o/${slug}/pipeline`, label: "Back to the pipeline" }}
    />
  );
}
