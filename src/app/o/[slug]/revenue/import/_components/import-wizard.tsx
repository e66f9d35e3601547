"use client";

import { useState } from "react";
import { ImportWizard as Wizard } from "@/components/import/import-wizard";
import { SuccessNotice } from "@/components/import/notices";
import { countOf } from "@/components/import/preview-card";
import type { TCommitResult, TImportPreview } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import { initialMapping, MappingStep, type TMapping } from "./mapping-step";
import { PreviewStep, type TDuplicateChoice, type TReplaceableBatch } from "./preview-step";

type TImported = Exclude<TCommitResult, { outcome: "already-imported" }>;
type TProps = { slug: string; currency: string; timeZone: string; replaceable: TReplaceableBatch[] };

const SKIP: TDuplicateChoice = { duplicates: "skip", replaceBatchId: null };

/** The revenue import: upload → map → check (rows already imported, replace a batch) → import. */
export function ImportWizard({ slug, currency, timeZone, replaceable }: TProps) {
  const [choice, setChoice] = useState<TDuplicateChoice>(SKIP);
  const commitFields = { duplicates: choice.duplicates, replaceBatchId: choice.replaceBatchId ?? "" };
  return (
    <Wizard<TMapping, TImportPreview, TImported>
      url={`/o/${encodeURIComponent(slug)}/revenue/import/api`}
      initialMapping={initialMapping}
      timeZone={timeZone}
      file={{
        title: "1. Choose the export",
        description:
          "A CSV file with a header row and one row per order or invoice line, with at least a date and an amount column (up to 50 MB). Other columns are ignored.",
      }}
      renderMapping={(props) => <MappingStep {...props} />}
      renderPreview={(props) => (
        <PreviewStep
          {...props}
          currency={currency}
          choice={choice}
          onChoiceChange={setChoice}
          replaceable={replaceable}
        />
      )}
      commitFields={commitFields}
      renderImported={(data) => (
        <SuccessNotice>
          {data.replaced
            ? `Replaced batch ${data.replaced.batchId} (${data.replaced.fileName}, ${countOf(data.replaced.rowCount, "row")} removed). `
            : ""}
          Imported {countOf(data.rowCount, "row")} totalling {formatMoney(BigInt(data.totalMinor), currency)} as batch{" "}
          {data.batchId}.
          {data.duplicateCount
            ? data.duplicatesImported
              ? ` ${countOf(data.duplicateCount, "row")} already imported ${data.duplicateCount === 1 ? "was" : "were"} imported again, as you chose.`
              : ` ${countOf(data.duplicateCount, "row")} already imported ${data.duplicateCount === 1 ? "was" : "were"} skipped.`
            : ""}
          {data.skippedCount
            ? ` ${countOf(data.skippedCount, "skipped line")} ${data.skippedCount === 1 ? "is" : "are"} recorded with it.`
            : ""}
        </SuccessNotice>
      )}
      done={{ href: `/o/${slug}/revenue`, label: "Back to revenue" }}
    />
  );
}
