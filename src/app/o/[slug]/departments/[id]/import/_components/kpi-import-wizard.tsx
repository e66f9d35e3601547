"use client";

import { ImportWizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import { countOf } from "@/components/import/preview-card";
import { monthSpanLabel } from "@/lib/csv/kpi-summary";
import type { TKpiCommitResult, TKpiImportPreview } from "@/lib/csv/kpi-wire";
import type { TJsonSafe } from "@/lib/csv/wire";
import { initialKpiMapping, KpiMappingStep, type TKpiMapping } from "./kpi-mapping-step";
import { KpiPreviewStep } from "./kpi-preview-step";

type TImported = Exclude<TKpiCommitResult, { outcome: "already-imported" }>;
type TProps = { slug: string; departmentId: string; departmentName: string; currency: string; timeZone: string };

function Imported({ data, departmentName }: { data: TJsonSafe<TImported>; departmentName: string }) {
  const changes = [data.newCount && `${data.newCount} new`, data.changedCount && `${data.changedCount} changed`]
    .filter(Boolean)
    .join(", ");
  const skipped = data.skippedCount
    ? ` ${countOf(data.skippedCount, "skipped line")} ${data.skippedCount === 1 ? "is" : "are"} recorded with it.`
    : "";
  return (
    <SuccessNotice>
      Imported {countOf(data.rowCount, "value")} for {departmentName} ({monthSpanLabel(data.months)}) as batch{" "}
      {data.batchId}
      {changes ? `: ${changes}` : ""}.{skipped}
    </SuccessNotice>
  );
}

/** The KPI import of one department: upload → map → check → import. */
export function KpiImportWizard({ slug, departmentId, departmentName, currency, timeZone }: TProps) {
  return (
    <ImportWizard<TKpiMapping, TKpiImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/departments/${encodeURIComponent(departmentId)}/import/api`}
      initialMapping={initialKpiMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the file",
        description:
          "A CSV file with a header row and one row per KPI and month: the KPI's name, the month, and the value (up to 50 MB). A value the scorecard already has for that month is replaced.",
      }}
      renderMapping={(props) => <KpiMappingStep {...props} />}
      renderPreview={(props) => <KpiPreviewStep {...props} currency={currency} />}
      renderImported={(data) => <Imported data={data} departmentName={departmentName} />}
      done={{ href: `/o/${slug}/departments/${departmentId}`, label: `Back to the ${departmentName} scorecard` }}
    />
  );
}
