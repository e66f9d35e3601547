"use client";

import { ColumnFields, columnRoles, hasRequiredColumns, type TColumnSpec } from "@/components/import/column-fields";
import { DateFormatField, needsDateFormat, useDateDetection } from "@/components/import/date-format-field";
import { MappingCard, type TMappingStepProps } from "@/components/import/mapping-card";
import { SelectField } from "@/components/ui/field";
import type { TDecimalSeparator } from "@/lib/csv/amount";
import type { TDateFormat } from "@/lib/csv/date";
import { guessColumns, guessDecimalSeparator } from "@/lib/csv/guess";
import type { TCsvTable } from "@/lib/csv/table";

type TColumnField = "dateColumn" | "amountColumn" | "referenceColumn" | "customerColumn";

export type TMapping = Record<TColumnField, number | null> & {
  /** null: detected from the column (the server detects again over every row). */
  dateFormat: TDateFormat | null;
  decimalSeparator: TDecimalSeparator;
};

const COLUMNS: TColumnSpec<TColumnField>[] = [
  { field: "dateColumn", name: "date", isRequired: true },
  { field: "amountColumn", name: "amount", hint: "Refunds negative or in parentheses.", isRequired: true },
  { field: "referenceColumn", name: "reference", hint: "Order or invoice number.", isRequired: false },
  { field: "customerColumn", name: "customer", isRequired: false },
];

export function initialMapping(table: TCsvTable): TMapping {
  const guess = guessColumns(table.header);
  const amounts = guess.amount === null ? [] : table.rows.slice(0, 500).map((r) => r.cells[guess.amount ?? 0] ?? "");
  return {
    dateColumn: guess.date,
    amountColumn: guess.amount,
    referenceColumn: guess.reference,
    customerColumn: guess.customer,
    dateFormat: null,
    decimalSeparator: guessDecimalSeparator(amounts),
  };
}

/** Step 2: which column is which, and how dates and amounts are written. */
export function MappingStep({ table, mapping, onChange, serverErrors, isBusy, onSubmit }: TMappingStepProps<TMapping>) {
  const detection = useDateDetection(table, mapping.dateColumn);
  return (
    <MappingCard
      table={table}
      description="Choose the date and amount columns; the reference and customer are optional."
      roles={columnRoles(COLUMNS, mapping)}
      isReady={hasRequiredColumns(COLUMNS, mapping) && !needsDateFormat(detection, mapping.dateFormat)}
      isBusy={isBusy}
      onSubmit={onSubmit}
    >
      <ColumnFields
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        table={table}
        specs={COLUMNS}
        values={mapping}
        // A new date column is detected afresh.
        onChange={(field, column) =>
          onChange({ ...mapping, [field]: column, ...(field === "dateColumn" && { dateFormat: null }) })
        }
        serverErrors={serverErrors}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateFormatField
          label="Date format"
          detection={detection}
          value={mapping.dateFormat}
          onChange={(dateFormat) => onChange({ ...mapping, dateFormat })}
          detectedHint="Dates without a time are read as midnight in the organization's time zone."
          serverErrors={serverErrors?.dateFormat}
        />
        <SelectField
          label="Decimal separator"
          value={mapping.decimalSeparator}
          onChange={(e) => onChange({ ...mapping, decimalSeparator: e.target.value === "," ? "," : "." })}
          errors={serverErrors?.decimalSeparator}
          options={[
            { value: ".", label: "Point: 1,234.56" },
            { value: ",", label: "Comma: 1.234,56 (European exports)" },
          ]}
        />
      </div>
    </MappingCard>
  );
}
