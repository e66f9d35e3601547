"use client";

import { ColumnFields, columnRoles, hasRequiredColumns, type TColumnSpec } from "@/components/import/column-fields";
import { DateFormatField, needsDateFormat, useDateDetection } from "@/components/import/date-format-field";
import { MappingCard, type TMappingStepProps } from "@/components/import/mapping-card";
import { SelectField, TextField } from "@/components/ui/field";
import type { TDateFormat } from "@/lib/csv/date";
import { distinctStageValues, proposeStage, stageKey, type TStageChoice, type TStageMap } from "@/lib/csv/opportunity-stage-map";
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

/** stageMap: the user's stage choices as JSON (folded value → stage id, "" for none); null: none made. */
export type TOpportunityMapping = Record<TColumnField, number | null> & { dateFormat: TDateFormat | null; stageMap: string | null; defaultCloseDate: string | null };

export type TStageOption = TStageChoice & { probabilityBp: number };

const COLUMNS: TColumnSpec<TColumnField>[] = [
  { field: "externalIdColumn", name: "external id", hint: "The CRM's id: the same id again updates that deal.", isRequired: true },
  { field: "nameColumn", name: "name", isRequired: true },
  { field: "accountColumn", name: "account", isRequired: true },
  { field: "amountColumn", name: "amount", hint: "In the organization's currency: 125000 or 125,000.50. Blank on an open deal: 0.", isRequired: true },
  { field: "stageColumn", name: "stage", hint: "The CRM's stage; its values are mapped to stages below.", isRequired: true },
  { field: "closeDateColumn", name: "close date", hint: "The expected close date. Blank on an open deal: the default below.", isRequired: true },
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
    stageMap: null,
    defaultCloseDate: null,
  };
}

const parseChoices = (json: string | null): TStageMap => (json ? (JSON.parse(json) as TStageMap) : {});

type TStageProps = { table: TCsvTable; column: number; stages: TStageOption[]; remembered: TStageMap; choices: TStageMap; onChoose: (key: string, stageId: string) => void; slug: string };

/** One row per distinct stage value of the file, pre-filled (remembered, same name, won/lost), each mapped to a stage. */
function StageValues({ table, column, stages, remembered, choices, onChoose, slug }: TStageProps) {
  const values = distinctStageValues(table.rows, column);
  const options = [{ value: "", label: "Not mapped: rows refused" }, ...stages.map((s) => ({ value: s.id, label: `${s.name} (${s.probabilityBp / 100} %)` }))];
  const chosen = values.map((v) => {
    const key = stageKey(v.value);
    return { ...v, key, stageId: Object.hasOwn(choices, key) ? choices[key] : (proposeStage(v.value, stages, remembered)?.id ?? "") };
  });
  const unmapped = chosen.filter((v) => !v.stageId);
  return (
    <section aria-labelledby="stage-values-title" className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="stage-values">
      <h3 id="stage-values-title" className="text-sm font-semibold">
        Stages in the file
      </h3>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Each stage value of the file goes to one of your stages; the mapping is remembered for the next import. Missing a stage?{" "}
        <a href={`/o/${encodeURIComponent(slug)}/settings`} className="text-accent-700 hover:underline dark:text-accent-400">
          Add it in settings
        </a>
        .
      </p>
      {values.length > 100 ? (
        <p className="text-sm text-red-700 dark:text-red-400">The stage column has {values.length.toLocaleString("en-US")} different values: it is probably not the stage column.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {chosen.map((v) => (
            <SelectField
              key={v.key}
              label={`“${v.value}” (${v.count.toLocaleString("en-US")} ${v.count === 1 ? "row" : "rows"})`}
              options={options}
              value={v.stageId}
              onChange={(e) => onChoose(v.key, e.target.value)}
            />
          ))}
        </div>
      )}
      {unmapped.length > 0 && values.length <= 100 && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="stage-values-unmapped">
          Not mapped: {unmapped.map((v) => `“${v.value}”`).join(", ")}. Their {unmapped.reduce((n, v) => n + v.count, 0).toLocaleString("en-US")} rows are refused.
        </p>
      )}
    </section>
  );
}

/** Step 2: which column holds each field of a deal. */
type TProps = TMappingStepProps<TOpportunityMapping> & { slug: string; stages: TStageOption[]; rememberedStageMap: TStageMap; quarterEnd: string };

export function OpportunityMappingStep({ table, mapping, onChange, serverErrors, isBusy, onSubmit, slug, stages, rememberedStageMap, quarterEnd }: TProps) {
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
      {mapping.stageColumn !== null && (
        <StageValues
          table={table}
          column={mapping.stageColumn}
          stages={stages}
          remembered={rememberedStageMap}
          choices={parseChoices(mapping.stageMap)}
          onChoose={(key, stageId) => onChange({ ...mapping, stageMap: JSON.stringify({ ...parseChoices(mapping.stageMap), [key]: stageId }) })}
          slug={slug}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Close date of open deals without one"
          type="date"
          value={mapping.defaultCloseDate ?? quarterEnd}
          onChange={(e) => onChange({ ...mapping, defaultCloseDate: e.target.value && e.target.value !== quarterEnd ? e.target.value : null })}
          hint={`Default: ${quarterEnd}, the end of the current fiscal quarter. An open deal without an amount gets 0.`}
          errors={serverErrors?.defaultCloseDate ?? serverErrors?.stageMap}
        />
      </div>
    </MappingCard>
  );
}
