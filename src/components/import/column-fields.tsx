"use client";

import { SelectField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/action-result";
import type { TCsvTable } from "@/lib/csv/table";

// The mapping step's column choices: one select per column an import reads, offering every column
// of the file (by index, so duplicate header names still work).

/** `name` reads in "Date column" and "Choose the date column."; `field` is the form field. */
export type TColumnSpec<F extends string> = { field: F; name: string; hint?: string; isRequired: boolean };

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Column index → role name, for SampleTable. */
export function columnRoles<F extends string>(
  specs: TColumnSpec<F>[],
  values: Record<F, number | null>,
): Map<number, string> {
  const roles = new Map<number, string>();
  for (const { field, name } of specs) {
    const column = values[field];
    if (column !== null) roles.set(column, name);
  }
  return roles;
}

export const hasRequiredColumns = <F extends string>(specs: TColumnSpec<F>[], values: Record<F, number | null>) =>
  specs.every((s) => !s.isRequired || values[s.field] !== null);

type TProps<F extends string> = {
  table: TCsvTable;
  specs: TColumnSpec<F>[];
  values: Record<F, number | null>;
  onChange: (field: F, column: number | null) => void;
  serverErrors?: FieldErrors;
  className?: string;
};

export function ColumnFields<F extends string>({ table, specs, values, onChange, serverErrors, className }: TProps<F>) {
  const options = [
    { value: "", label: "— not in this file —" },
    ...table.header.map((name, i) => ({ value: String(i), label: name || `Column ${i + 1}` })),
  ];
  return (
    <div className={className}>
      {specs.map(({ field, name, hint, isRequired }) => (
        <SelectField
          key={field}
          label={`${capitalize(name)} column`}
          hint={hint}
          value={values[field] === null ? "" : String(values[field])}
          onChange={(e) => onChange(field, e.target.value === "" ? null : Number(e.target.value))}
          errors={
            serverErrors?.[field] ?? (isRequired && values[field] === null ? [`Choose the ${name} column.`] : undefined)
          }
          options={options}
        />
      ))}
    </div>
  );
}
