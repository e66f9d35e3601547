import "server-only";
import { currencyDigits, formatMoney, minorToDecimalString } from "@/lib/money";
import { withYear } from "@/lib/fiscal-years";
import { fiscalYearLabel } from "@/lib/period";
import { FORECAST_CATEGORY_LABELS } from "@/lib/pipeline-filters";
import { FORECAST_CATEGORIES } from "@/lib/schemas/pipeline";
import type { TPipelineOptions, TPipelineRow } from "@/server/pipeline/list";
import type { TEditOptions, TOption, TRowView } from "./_components/types";

// Server rows and options turned into what the client components show: strings only.

/** Basis points as the percentage a person types: 7250 → "72.5". */
export const percentText = (bp: number) => String(bp / 100);

export function toRowView(row: TPipelineRow, currency: string, locale: string): TRowView {
  return {
    id: row.id,
    name: row.name,
    account: row.account,
    amountLabel: row.amountMissing ? "No amount" : formatMoney(row.amountMinor, currency, { locale }),
    // Blank in the edit box: typing any amount, 0 included, sets it.
    amountText: row.amountMissing ? "" : minorToDecimalString(row.amountMinor, currencyDigits(currency)),
    amountMissing: row.amountMissing,
    stageId: row.stageId,
    stageName: row.stageName,
    outcome: row.outcome,
    probabilityText: percentText(row.probabilityBp),
    forecastCategory: row.forecastCategory,
    forecastCategoryLabel: FORECAST_CATEGORY_LABELS[row.forecastCategory],
    expectedCloseDate: row.expectedCloseDate,
    isStale: row.isStale,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    sourceDepartmentName: row.sourceDepartmentName,
    version: row.version,
  };
}

export const CATEGORY_OPTIONS: TOption[] = FORECAST_CATEGORIES.map((c) => ({
  value: c,
  label: FORECAST_CATEGORY_LABELS[c],
}));

export function toEditOptions(options: TPipelineOptions): TEditOptions {
  return {
    stages: options.stages.map((s) => ({
      value: s.id,
      label: s.name,
      probabilityText: percentText(s.probabilityBp),
      outcome: s.outcome,
    })),
    categories: CATEGORY_OPTIONS,
    owners: options.owners.map((u) => ({ value: u.id, label: u.name })),
    departments: options.departments.map((d) => ({ value: d.id, label: d.name })),
    lossCauses: options.lossCauses.map((c) => ({ value: c.id, label: c.name })),
  };
}

/**
 * The quarter filter's choices: the fiscal quarters of every fiscal year with data and the next
 * (server/periods/fiscal-years.ts), and of the year of the quarter a link already filters on.
 */
export function quarterOptions(fiscalYears: number[], selected?: string): TOption[] {
  return withYear(fiscalYears, selected ? Number(selected.slice(0, 4)) : undefined).flatMap((fy) =>
    [1, 2, 3, 4].map((q) => ({ value: `${fy}-Q${q}`, label: `Q${q} ${fiscalYearLabel(fy)}` })),
  );
}
