"use client";

import { ColumnFields, columnRoles, hasRequiredColumns, type TColumnSpec } from "@/components/import/column-fields";
import { DateFormatField, needsDateFormat, useDateDetection } from "@/components/import/date-format-field";
import { MappingCard, type TMappingStepProps } from "@/components/import/mapping-card";
import { TextField } from "@/components/ui/field";
import type { TDateFormat } from "@/lib/csv/date";
import type { TStageMap } from "@/lib/csv/opportunity-stage-map";
import { guessOpportunityColumns } from "@/lib/csv/opportunity-guess";
import type { TOwnerChoice } from "@/lib/csv/opportunity-value-maps";
import type { TCsvTable } from "@/lib/csv/table";
import { NameParts, parseNameParts } from "./name-parts";
import { CategoryValues, OwnerValues } from "./owner-category-values";
import { StageValues, type TStageOption } from "./stage-values";
import { parseChoices, withChoice } from "./value-mapping";

export type { TStageOption };

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

/**
 * stageMap, ownerMap, categoryMap: the user's choices as JSON (folded value → stage id, user id or
 * category, "" for none); null: none made. nameColumns: the columns a name is composed from (JSON).
 */
export type TOpportunityMapping = Record<TColumnField, number | null> & {
  dateFormat: TDateFormat | null;
  stageMap: string | null;
  ownerMap: string | null;
  categoryMap: string | null;
  unmappedOwner: string | null;
  nameColumns: string | null;
  defaultCloseDate: string | null;
};

/** What the page knows that the mapping offers: stages, members, the remembered mappings. */
export type TMappingContext = {
  slug: string;
  stages: TStageOption[];
  members: TOwnerChoice[];
  remembered: { stages: TStageMap; owners: TStageMap; categories: TStageMap };
  quarterEnd: string;
  canCreateStage: boolean;
  onStageCreated: (stage: TStageOption) => void;
};

const COLUMNS: TColumnSpec<TColumnField>[] = [
  {
    field: "externalIdColumn",
    name: "external id",
    hint: "The CRM's id: the same id again updates that deal.",
    isRequired: true,
  },
  {
    field: "nameColumn",
    name: "name",
    hint: "None in the file? Leave it out and make the name of other columns below.",
    isRequired: false,
  },
  { field: "accountColumn", name: "account", isRequired: true },
  {
    field: "amountColumn",
    name: "amount",
    hint: "In the organization's currency: 125000 or 125,000.50. Blank on an open deal: 0.",
    isRequired: true,
  },
  {
    field: "stageColumn",
    name: "stage",
    hint: "The CRM's stage; its values are mapped to stages below.",
    isRequired: true,
  },
  {
    field: "closeDateColumn",
    name: "close date",
    hint: "The expected close date. Blank on an open deal: the default below.",
    isRequired: true,
  },
  {
    field: "probabilityColumn",
    name: "probability",
    hint: "Optional: 25 or 25%. Blank: the stage's default.",
    isRequired: false,
  },
  {
    field: "categoryColumn",
    name: "forecast category",
    hint: "Optional: the CRM's categories (Best Case, Not forecasted…), mapped below. Blank: from the stage.",
    isRequired: false,
  },
  {
    field: "ownerColumn",
    name: "owner",
    hint: "Optional: a member's name or email, mapped below. Blank: you.",
    isRequired: false,
  },
  {
    field: "sourceDepartmentColumn",
    name: "source department",
    hint: "Optional: a department's name.",
    isRequired: false,
  },
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
    stageMap: null,
    ownerMap: null,
    categoryMap: null,
    unmappedOwner: null,
    nameColumns: g.name === null && g.nameParts.length ? JSON.stringify(g.nameParts) : null,
    defaultCloseDate: null,
  };
}

/** Step 2: which column holds each field of a deal. */
type TProps = TMappingStepProps<TOpportunityMapping> & TMappingContext;

export function OpportunityMappingStep({
  table,
  mapping,
  onChange,
  serverErrors,
  isBusy,
  onSubmit,
  slug,
  stages,
  members,
  remembered,
  quarterEnd,
  canCreateStage,
  onStageCreated,
}: TProps) {
  const detection = useDateDetection(table, mapping.closeDateColumn);
  const hasName = mapping.nameColumn !== null || parseNameParts(mapping.nameColumns).length > 0;
  const roles = columnRoles(COLUMNS, mapping);
  if (mapping.nameColumn === null)
    for (const c of parseNameParts(mapping.nameColumns))
      roles.set(c, roles.has(c) ? `${roles.get(c)} + name` : "name part");
  return (
    <MappingCard
      table={table}
      description="Choose the columns of the export that hold each field of a deal; other columns are ignored."
      roles={roles}
      isReady={hasRequiredColumns(COLUMNS, mapping) && hasName && !needsDateFormat(detection, mapping.dateFormat)}
      isBusy={isBusy}
      onSubmit={onSubmit}
    >
      <ColumnFields
        className="grid gap-3 sm:grid-cols-2"
        table={table}
        specs={COLUMNS}
        values={mapping}
        onChange={(field, column) =>
          onChange({ ...mapping, [field]: column, ...(field === "closeDateColumn" && { dateFormat: null }) })
        }
        serverErrors={serverErrors}
      />
      {mapping.nameColumn === null && (
        <NameParts
          table={table}
          value={mapping.nameColumns}
          onChange={(nameColumns) => onChange({ ...mapping, nameColumns })}
          errors={serverErrors?.nameColumns ?? serverErrors?.nameColumn}
        />
      )}
      {((detection !== null && detection.format !== "ISO") ||
        mapping.dateFormat !== null ||
        serverErrors?.dateFormat) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <DateFormatField
            label="Close dates"
            detection={detection}
            value={mapping.dateFormat}
            onChange={(dateFormat) => onChange({ ...mapping, dateFormat })}
            detectedHint="Read as the calendar date written."
            serverErrors={serverErrors?.dateFormat}
          />
        </div>
      )}
      {mapping.stageColumn !== null && (
        <StageValues
          table={table}
          column={mapping.stageColumn}
          stages={stages}
          remembered={remembered.stages}
          choices={parseChoices(mapping.stageMap)}
          onChoose={(key, stageId) => onChange({ ...mapping, stageMap: withChoice(mapping.stageMap, key, stageId) })}
          slug={slug}
          canCreateStage={canCreateStage}
          onStageCreated={onStageCreated}
        />
      )}
      {mapping.ownerColumn !== null && (
        <OwnerValues
          table={table}
          column={mapping.ownerColumn}
          members={members}
          remembered={remembered.owners}
          choices={parseChoices(mapping.ownerMap)}
          onChoose={(key, userId) => onChange({ ...mapping, ownerMap: withChoice(mapping.ownerMap, key, userId) })}
          unmappedOwner={mapping.unmappedOwner}
          onUnmappedOwner={(unmappedOwner) => onChange({ ...mapping, unmappedOwner })}
        />
      )}
      {mapping.categoryColumn !== null && (
        <CategoryValues
          table={table}
          column={mapping.categoryColumn}
          remembered={remembered.categories}
          choices={parseChoices(mapping.categoryMap)}
          onChoose={(key, category) =>
            onChange({ ...mapping, categoryMap: withChoice(mapping.categoryMap, key, category) })
          }
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Close date of open deals without one"
          type="date"
          value={mapping.defaultCloseDate ?? quarterEnd}
          onChange={(e) =>
            onChange({
              ...mapping,
              defaultCloseDate: e.target.value && e.target.value !== quarterEnd ? e.target.value : null,
            })
          }
          hint={`Default: ${quarterEnd}, the end of the current fiscal quarter. An open deal without an amount gets 0, marked “No amount”.`}
          errors={
            serverErrors?.defaultCloseDate ??
            serverErrors?.stageMap ??
            serverErrors?.ownerMap ??
            serverErrors?.categoryMap
          }
        />
      </div>
    </MappingCard>
  );
}
