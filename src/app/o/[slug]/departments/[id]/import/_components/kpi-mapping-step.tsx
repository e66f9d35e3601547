"use client";

import { ColumnFields, columnRoles, hasRequiredColumns, type TColumnSpec } from "@/components/import/column-fields";
import { DateFormatField, needsDateFormat, useDateDetection } from "@/components/import/date-format-field";
import { MappingCard, type TMappingStepProps } from "@/components/import/mapping-card";
import type { TDateFormat } from "@/lib/csv/date";
import { guessKpiColumns } from "@/lib/csv/guess";
import type { TCsvTable } from "@/lib/csv/table";

type TColumnField = "kpiColumn" | "monthColumn" | "valueColumn";

export type TKpiMapping = Record<TColumnField, number | null> & {
  /** How full dates in the month column are written; null: detected (and not needed for "2026-03" or "Mar 2026"). */
  monthFormat: TDateFormat | null;
};

const COLUMNS: TColumnSpec<TColumnField>[] = [
  { field: "kpiColumn", name: "KPI", hint: "The KPI's name as on the scorecard, in any case.", isRequired: true },
  { field: "monthColumn", name: "month", hint: "2026-03, Mar 2026, or any date in the month.", isRequired: true },
  { field: "valueColumn", name: "value", hint: "In the KPI's unit: 1250, 142.50 or 12.5%.", isRequired: true },
];

export function initialKpiMapping(table: TCsvTable): TKpiMapping {
  const guess = guessKpiColumns(table.header);
  return { kpiColumn: guess.kpi, monthColumn: guess.month, valueColumn: guess.value, monthFormat: null };
}

/** Step 2: which column holds the KPI, the month and the value. */
export function KpiMappingStep({
  table,
  mapping,
  onChange,
  serverErrors,
  isBusy,
  onSubmit,
}: TMappingStepProps<TKpiMapping>) {
  const detection = useDateDetection(table, mapping.monthColumn);
  // Months written as "2026-03" or "Mar 2026" (or year-first dates) need no reading order: the
  // choice only appears for a column of day/month dates.
  const hasNumericDates = detection !== null && detection.format !== "ISO";
  return (
    <MappingCard
      table={table}
      description="Choose the columns that hold the KPI, the month and the value; other columns are ignored."
      roles={columnRoles(COLUMNS, mapping)}
      isReady={hasRequiredColumns(COLUMNS, mapping) && !needsDateFormat(detection, mapping.monthFormat)}
      isBusy={isBusy}
      onSubmit={onSubmit}
    >
      <ColumnFields
        className="grid gap-3 sm:grid-cols-3"
        table={table}
        specs={COLUMNS}
        values={mapping}
        onChange={(field, column) =>
          onChange({ ...mapping, [field]: column, ...(field === "monthColumn" && { monthFormat: null }) })
        }
        serverErrors={serverErrors}
      />
      {(hasNumericDates || mapping.monthFormat !== null || serverErrors?.monthFormat) && (
        <div className="grid gap-3 sm:grid-cols-3">
          <DateFormatField
            label="Dates in the month column"
            detection={detection}
            value={mapping.monthFormat}
            onChange={(monthFormat) => onChange({ ...mapping, monthFormat })}
            detectedHint="Only the month of each date is used."
            serverErrors={serverErrors?.monthFormat}
          />
        </div>
      )}
    </MappingCard>
  );
}
