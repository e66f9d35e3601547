"use client";

import { useState } from "react";
import { ImportWizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import type { TOpportunityCommitResult, TOpportunityImportPreview } from "@/lib/csv/opportunity-summary";
import type { TJsonSafe } from "@/lib/csv/wire";
import type { TStageMap } from "@/lib/csv/opportunity-stage-map";
import type { TOwnerChoice } from "@/lib/csv/opportunity-value-maps";
import {
  initialOpportunityMapping,
  OpportunityMappingStep,
  type TOpportunityMapping,
  type TStageOption,
} from "./opportunity-mapping-step";
import { OpportunityPreviewStep } from "./opportunity-preview-step";

type TImported = Exclude<TOpportunityCommitResult, { outcome: "already-imported" }>;

function Imported({ data }: { data: TJsonSafe<TImported> }) {
  return (
    <SuccessNotice>
      <span data-testid="opportunity-import-result">{data.message}</span>{" "}
      <span className="text-xs">Batch {data.batchId}.</span>
    </SuccessNotice>
  );
}

/** The pipeline import: upload → map → check → import. */
type TWizardProps = {
  slug: string;
  currency: string;
  timeZone: string;
  stages: TStageOption[];
  members: TOwnerChoice[];
  remembered: { stages: TStageMap; owners: TStageMap; categories: TStageMap };
  quarterEnd: string;
  canCreateStage: boolean;
};

export function OpportunityImportWizard({
  slug,
  currency,
  timeZone,
  stages,
  members,
  remembered,
  quarterEnd,
  canCreateStage,
}: TWizardProps) {
  // Stages created in the wizard, offered at once (the page's list catches up when it refreshes).
  const [created, setCreated] = useState<TStageOption[]>([]);
  const allStages = [...stages, ...created.filter((c) => !stages.some((s) => s.id === c.id))];
  return (
    <ImportWizard<TOpportunityMapping, TOpportunityImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/pipeline/import/api`}
      initialMapping={initialOpportunityMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the file",
        description:
          "A CSV export of opportunities from your CRM, with a header row and one row per deal (up to 50 MB). A deal whose external id is already here is updated where the row differs.",
      }}
      renderMapping={(props) => (
        <OpportunityMappingStep
          {...props}
          slug={slug}
          stages={allStages}
          members={members}
          remembered={remembered}
          quarterEnd={quarterEnd}
          canCreateStage={canCreateStage}
          onStageCreated={(stage) => setCreated((list) => [...list, stage])}
        />
      )}
      renderPreview={(props) => <OpportunityPreviewStep {...props} currency={currency} slug={slug} />}
      renderImported={(data) => <Imported data={data} />}
      done={{ href: `/o/${slug}/pipeline`, label: "Back to the pipeline" }}
    />
  );
}
