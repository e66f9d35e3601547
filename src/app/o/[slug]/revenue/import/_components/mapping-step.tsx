"use client";

import { useMemo, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/action-result";
import type { TDecimalSeparator } from "@/lib/csv/amount";
import { DATE_FORMAT_LABELS, DATE_FORMATS, detectDateFormat, type TDateFormat } from "@/lib/csv/date";
import type { TCsvTable } from "@/lib/csv/table";
import { SampleTable } from "./sample-table";

export type TMapping = {
  dateColumn: number | null;
  amountColumn: number | null;
  referenceColumn: number | null;
  customerColumn: number | null;
  /** null: detected from the column (the server detects again over every row). */
  dateFormat: TDateFormat | null;
  decimalSeparator: TDecimalSeparator;
};

type TProps = {
  table: TCsvTable;
  mapping: TMapping;
  onChange: (mapping: TMapping) => void;
  serverErrors?: FieldErrors;
  isBusy: boolean;
  onSubmit: () => void;
};

const toColumn = (value: string) => (value === "" ? null : Number(value));

function useDateDetection(table: TCsvTable, column: number | null) {
  return useMemo(() => (column === null ? null : detectDateFormat(table.rows.map((r) => r.cells[column] ?? ""))), [table, column]);
}

function dateFormatOptions(detected: TDateFormat | null | undefined) {
  const formats = DATE_FORMATS.map((f) => ({ value: f, label: DATE_FORMAT_LABELS[f] }));
  if (detected === undefined) return formats;
  return [{ value: "", label: detected ? `Detected: ${DATE_FORMAT_LABELS[detected]}` : "Choose…" }, ...formats];
}

type TColumnKey = "dateColumn" | "amountColumn" | "referenceColumn" | "customerColumn";

const COLUMNS: { key: TColumnKey; label: string; hint?: string; isRequired: boolean }[] = [
  { key: "dateColumn", label: "Date column", isRequired: true },
  { key: "amountColumn", label: "Amount column", hint: "Refunds negative or in parentheses.", isRequired: true },
  { key: "referenceColumn", label: "Reference column", hint: "Order or invoice number.", isRequired: false },
  { key: "customerColumn", label: "Customer column", isRequired: false },
];

function ColumnFields({ table, mapping, onChange, serverErrors }: Omit<TProps, "isBusy" | "onSubmit">) {
  const options = [{ value: "", label: "— not in this file —" }, ...table.header.map((name, i) => ({ value: String(i), label: name || `Column ${i + 1}` }))];
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {COLUMNS.map(({ key, label, hint, isRequired }) => (
        <SelectField
          key={key}
          label={label}
          hint={hint}
          value={mapping[key] === null ? "" : String(mapping[key])}
          // A new date column is detected afresh.
          onChange={(e) => onChange({ ...mapping, [key]: toColumn(e.target.value), ...(key === "dateColumn" && { dateFormat: null }) })}
          errors={serverErrors?.[key] ?? (isRequired && mapping[key] === null ? [`Choose the ${label.toLowerCase()}.`] : undefined)}
          options={options}
        />
      ))}
    </div>
  );
}

function FormatFields({ table, mapping, onChange, serverErrors }: Omit<TProps, "isBusy" | "onSubmit">) {
  const detection = useDateDetection(table, mapping.dateColumn);
  const needsDateFormat = detection !== null && detection.format === null && mapping.dateFormat === null;
  const ambiguousHint = detection?.ambiguousExample ? `Dates like "${detection.ambiguousExample}" can be read either way.` : "The column mixes both orders.";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Date format"
        value={mapping.dateFormat ?? ""}
        onChange={(e) => onChange({ ...mapping, dateFormat: e.target.value === "" ? null : (e.target.value as TDateFormat) })}
        hint={detection?.format ? "Dates without a time are read as midnight in the organization's time zone." : ambiguousHint}
        errors={serverErrors?.dateFormat ?? (needsDateFormat ? [`${ambiguousHint} Choose how the dates are written.`] : undefined)}
        options={dateFormatOptions(detection?.format)}
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
  );
}

/** Step 2: which column is which, and how dates and amounts are written. */
export function MappingStep(props: TProps) {
  const { table, mapping, isBusy, onSubmit } = props;
  const detection = useDateDetection(table, mapping.dateColumn);
  const needsDateFormat = detection !== null && detection.format === null && mapping.dateFormat === null;
  const isReady = mapping.dateColumn !== null && mapping.amountColumn !== null && !needsDateFormat;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isReady) onSubmit();
  };
  return (
    <Card title="2. Map the columns" description={`${table.rows.length.toLocaleString("en-US")} rows found. Choose the date and amount columns; the reference and customer are optional.`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <ColumnFields {...props} />
        <FormatFields {...props} />
        <SampleTable table={table} mapping={mapping} />
        <Button type="submit" disabled={!isReady || isBusy}>
          {isBusy ? "Checking…" : "Check the file"}
        </Button>
      </form>
    </Card>
  );
}
