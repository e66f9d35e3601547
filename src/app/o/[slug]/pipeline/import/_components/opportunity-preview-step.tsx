"use client";

import { countOf, PreviewCard, type TPreviewStepProps } from "@/components/import/preview-card";
import { DATE_FORMAT_LABELS } from "@/lib/csv/date";
import {
  PREVIEW_ROWS_SHOWN,
  type TOpportunityImportPreview,
  type TOpportunityImportSummary,
  type TReasonHint,
} from "@/lib/csv/opportunity-summary";
import type { TJsonSafe } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";

type TProps = TPreviewStepProps<TOpportunityImportPreview> & { currency: string; slug: string };

const HINTS: Record<TReasonHint, string> = {
  "map-stage": "Map this value to a stage in step 2 (Change the mapping), or add the stage in settings.",
  "map-owner":
    "Map this owner to a member in step 2 (Change the mapping), or choose there to assign such deals to you.",
  "map-category": "Map this value to a forecast category in step 2 (Change the mapping).",
  "open-default": "",
  "closed-needs-values":
    "Only an open deal gets a default; a won or lost deal, or one whose stage is not mapped, needs its close date and amount.",
  column: "Check that the right column is chosen for it in step 2.",
  "on-page": "Do this on the deal's page, where the cause and responsible department are given.",
  "fix-file": "Fix these rows in the file, or skip them.",
};

/** "812 rows: empty close date", most frequent first, with what to do. */
function BadReasons({ summary, slug }: { summary: TJsonSafe<TOpportunityImportSummary>; slug: string }) {
  return (
    <ul className="mt-2 space-y-1 text-sm" data-testid="bad-reasons">
      {summary.reasons.map((r) => (
        <li key={r.reason}>
          <span className="font-medium">
            {countOf(r.count, "row")}: {r.reason}
          </span>
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            {HINTS[r.hint]}
            {r.hint === "map-stage" && (
              <>
                {" "}
                <a
                  href={`/o/${encodeURIComponent(slug)}/settings/pipeline`}
                  className="text-accent-700 hover:underline dark:text-accent-400"
                >
                  Stage settings
                </a>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

const KIND_LABELS = { new: "New", changed: "Changed", unchanged: "Same as now" } as const;
const HEADINGS = [
  ["Line", ""],
  ["External id", ""],
  ["Deal", ""],
  ["Stage", ""],
  ["Close", ""],
  ["Amount", "text-right"],
  ["Import does", ""],
] as const;

function DealsTable({ summary, currency }: { summary: TJsonSafe<TOpportunityImportSummary>; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Deals in the file</caption>
        <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
          <tr>
            {HEADINGS.map(([label, align]) => (
              <th key={label} scope="col" className={`py-1.5 pr-3 font-medium last:pr-0 ${align}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {summary.rows.map((row) => (
            <tr key={row.line}>
              <td className="py-1.5 pr-3 text-zinc-500">{row.line}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{row.externalId}</td>
              <th scope="row" className="min-w-40 py-1.5 pr-3 text-left font-normal">
                {row.name}
                <span className="block text-xs text-zinc-500">{row.account}</span>
              </th>
              <td className="py-1.5 pr-3 whitespace-nowrap">{row.stageName}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{row.expectedCloseDate}</td>
              <td className="py-1.5 pr-3 text-right font-medium whitespace-nowrap">
                {row.amountMissing ? (
                  <span className="text-xs font-normal text-sky-800 dark:text-sky-300">No amount</span>
                ) : (
                  formatMoney(BigInt(row.amountMinor), currency)
                )}
              </td>
              <td className="py-1.5 text-zinc-600 dark:text-zinc-400">
                {KIND_LABELS[row.kind]}
                {row.changedFields.length > 0 && <span className="block text-xs">{row.changedFields.join(", ")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "12 deals: 3 new, 2 changed, 7 the same as now." */
function changeSummary(summary: TJsonSafe<TOpportunityImportSummary>): string {
  const parts = [
    summary.newCount && `${summary.newCount.toLocaleString("en-US")} new`,
    summary.changedCount && `${summary.changedCount.toLocaleString("en-US")} changed`,
    summary.unchangedCount && `${summary.unchangedCount.toLocaleString("en-US")} the same as now`,
  ].filter(Boolean);
  return `${countOf(summary.acceptedCount, "deal")}: ${parts.join(", ")}.`;
}

/** Step 3 of the opportunity import: every deal as read, and what the import does to it. */
export function OpportunityPreviewStep(props: TProps) {
  const { preview, currency, slug } = props;
  const { summary } = preview;
  const dates =
    preview.dateFormat === "ISO"
      ? ""
      : ` Dates read as ${DATE_FORMAT_LABELS[preview.dateFormat]}${preview.isDateFormatDetected ? ", detected" : ""}.`;
  return (
    <PreviewCard
      description={`${preview.fileName}: ${countOf(summary.dataRowCount, "row")}.${dates}`}
      {...props}
      badReasons={summary.reasons.length > 0 && <BadReasons summary={summary} slug={slug} />}
    >
      <p className="text-sm" data-testid="opportunity-import-counts">
        {changeSummary(summary)}
      </p>
      {(summary.closeDateDefaultCount > 0 || summary.amountDefaultCount > 0) && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="opportunity-import-defaults">
          Open deals without a value get a default:{" "}
          {[
            summary.closeDateDefaultCount > 0 &&
              `${countOf(summary.closeDateDefaultCount, "deal")} close on ${summary.defaultCloseDate}`,
            summary.amountDefaultCount > 0 &&
              `${countOf(summary.amountDefaultCount, "deal")} get amount 0, marked “No amount” and left out of coverage`,
          ]
            .filter(Boolean)
            .join("; ")}
          .
        </p>
      )}
      <DealsTable summary={summary} currency={currency} />
      {summary.rows.length < summary.acceptedCount && (
        <p className="text-xs text-zinc-500">
          Showing the first {PREVIEW_ROWS_SHOWN.toLocaleString("en-US")} of{" "}
          {summary.acceptedCount.toLocaleString("en-US")} deals, new and changed first; all of them are imported.
        </p>
      )}
    </PreviewCard>
  );
}
