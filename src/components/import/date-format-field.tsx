"use client";

import { useMemo } from "react";
import { SelectField } from "@/components/ui/field";
import {
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  detectDateFormat,
  type TDateDetection,
  type TDateFormat,
} from "@/lib/csv/date";
import type { TCsvTable } from "@/lib/csv/table";

// How a date column is written. Detected in the browser over the rows read (the server detects again
// over every row); a column whose dates read both ways waits for the user's choice.

export function useDateDetection(table: TCsvTable, column: number | null): TDateDetection | null {
  return useMemo(
    () => (column === null ? null : detectDateFormat(table.rows.map((r) => r.cells[column] ?? ""))),
    [table, column],
  );
}

/** Whether the import cannot go on before the user chooses a format. */
export const needsDateFormat = (detection: TDateDetection | null, chosen: TDateFormat | null) =>
  detection !== null && detection.format === null && chosen === null;

function options(detected: TDateFormat | null | undefined) {
  const formats = DATE_FORMATS.map((f) => ({ value: f, label: DATE_FORMAT_LABELS[f] }));
  if (detected === undefined) return formats;
  return [{ value: "", label: detected ? `Detected: ${DATE_FORMAT_LABELS[detected]}` : "Choose…" }, ...formats];
}

type TProps = {
  label: string;
  detection: TDateDetection | null;
  value: TDateFormat | null;
  onChange: (format: TDateFormat | null) => void;
  /** Shown under a detected format. */
  detectedHint: string;
  serverErrors?: string[];
};

export function DateFormatField({ label, detection, value, onChange, detectedHint, serverErrors }: TProps) {
  const ambiguousHint = detection?.ambiguousExample
    ? `Dates like "${detection.ambiguousExample}" can be read either way.`
    : "The column mixes both orders.";
  return (
    <SelectField
      label={label}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value === "" ? null : (e.target.value as TDateFormat))}
      hint={detection?.format ? detectedHint : ambiguousHint}
      errors={
        serverErrors ??
        (needsDateFormat(detection, value) ? [`${ambiguousHint} Choose how the dates are written.`] : undefined)
      }
      options={options(detection?.format)}
    />
  );
}
