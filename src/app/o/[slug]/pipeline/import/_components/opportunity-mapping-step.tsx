"use client";

import { ColumnFields, columnRoles, hasRequiredColumns, type TColumnSpec } from "@/components/import/column-fields";
import { DateFormatField, needsDateFormat, useDateDetection } from "@/components/import/date-format-field";
import { MappingCard, type TMappingStepProps } from "@/components/import/mapping-card";
import type { TDateFormat } from "@/lib/csv/date";
import { guessOpportunityColumns } from "@/lib/csv/opportunity-guess";
import type { TCsvTable } from "@/lib/csv/table";

type TColumnField =
  | "externalIdColumn"
  | "nameColumn"
  | "accountColumn"
  | "amountColumn"
  | "stageColumn"
  | "closeDateColumn"
  | "probabilityColumn"
  | "categoryColumn"
  | "ownerColumn"
  | "sourceDepartmentColumn";

export type TOpportunityMapping = Record<TColumnField, number | null> & { dateFormat: TDateFormat | null };

const COLUMNS: TColumnSpec<TColumnField>[] = [
  { field: "externalIdColumn", name: "external id", hint: "The CRM's id: the same id again updates that deal.", isRequired: true },
  { field: "nameColumn", name: "name", isRequired: true },
  { field: "accountColumn", name: "account", isRequired: true },
  { field: "amountColumn", name: "amount", hint: "In the organization's currency: 125000 or 125,000.50.", isRequired: true },
  { field: "stageColumn", name: "stage", hint: "A stage's name, in any case.", isRequired: true },
  { field: "closeDateColumn", name: "close date", hint: "The expected close date.", isRequired: true },
  { field: "probabilityColumn", name: "probability", hint: "Optional: 25 or 25%. Blank: the stage's default.", isRequired: false },
  { field: "categoryColumn", name: "forecast category", hint: "Optional: Pipeline, Best case, Commit, Closed, Omitted.", isRequired: false },
  { field: "ownerColumn", name: "owner email", hint: "Optional: a member's email. Blank: you.", isRequired: false },
  { field: "sourceDepartmentColumn", name: "source department", hint: "Optional: a department's name.", isRequired: false },
];

export function initialOpportunityMapping(table: TCsvTable): TOpportunityMapping {
  const g = guessOpportunityColumns(table.header);
  return {
    externalIdColumn: g.externalId,
    nameColumn: g.name,
    accountColumn: g.account,
    amountColumn: g.amount,
    stageColumn: g.stage,
    closeDateColumn: g.closeDate,
    probabilityColumn: g.probability,
    categoryColumn: g.category,
    ownerColumn: g.owner,
    sourceDepartmentColumn: g.sourceDepartment,
    dateFormat: null,
  };
}

/** Step 2: which column holds each field of a deal. */
export function OpportunityMappingStep({ table, mapping, onChange, serverErrors, isBusy, onSubmit }: TMappingStepProps<TOpportunityMapping>) {
  const detection = useDateDetection(table, mapping.closeDateColumn);
  return (
    <MappingCard
      table={table}
      description="Choose the columns of the export that hold each field of a deal; other columns are ignored."
      roles={columnRoles(COLUMNS, mapping)}
      isReady={hasRequiredColumns(COLUMNS, mapping) && !needsDateFormat(detection, mapping.dateFormat)}
      isBusy={isBusy}
      onSubmit={onSubmit}
    >
      <ColumnFields
        className="grid gap-3 sm:grid-cols-2"
        table={table}
        specs={COLUMNS}
        values={mapping}
        onChange={(field, column) => onChange({ ...mapping, [field]: column, ...(field === "closeDateColumn" && { dateFormat: null }) })}
        serverErrors={serverErrors}
      />
      {((detection !== null && detection.format !== "ISO") || mapping.dateFormat !== null || serverErrors?.dateFormat) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <DateFormatField label="Close dates" detection={detection} value={mapping.dateFormat} onChange={(dateFormat) => onChange({ ...mapping, dateFormat })} detectedHint="Read as the calendar date written." serverErrors={serverErrors?.dateFormat} />
        </div>
      )}
    </MappingCard>
  );
}
