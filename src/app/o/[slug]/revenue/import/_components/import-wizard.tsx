"use client";

import { ImportWizard as Wizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import type { TCommitResult, TImportPreview } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import { initialMapping, MappingStep, type TMapping } from "./mapping-step";
import { PreviewStep } from "./preview-step";

type TImported = Exclude<TCommitResult, { outcome: "already-imported" }>;
type TProps = { slug: string; currency: string; timeZone: string };

/** The revenue import: upload → map → check → import. */
export function ImportWizard({ slug, currency, timeZone }: TProps) {
  return (
    <Wizard<TMapping, TImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/revenue/import/api`}
      initialMapping={initialMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the export",
        description: "A CSV file with a header row and one row per order or invoice line, with at least a date and an amount column (up to 50 MB). Other columns are ignored.",
      }}
      renderMapping={(props) => <MappingStep {...props} />}
      renderPreview={(props) => <PreviewStep {...props} currency={currency} />}
      renderImported={(data) => (
        <SuccessNotice>
          Imported {data.rowCount.toLocaleString("en-US")} rows totalling {formatMoney(BigInt(data.totalMinor), currency)} as batch {data.batchId}.
          {data.skippedCount ? ` ${data.skippedCount.toLocaleString("en-US")} skipped line${data.skippedCount === 1 ? " is" : "s are"} recorded with it.` : ""}
        </SuccessNotice>
      )}
      done={{ href: `/o/${slug}/revenue`, label: "Back to revenue" }}
    />
  );
}
