"use client";

import { SelectField } from "@/components/ui/field";
import { proposeOwner, resolveCategory, type TOwnerChoice, type TValueMap } from "@/lib/csv/opportunity-value-maps";
import { FORECAST_CATEGORY_LABELS } from "@/lib/pipeline-filters";
import type { TCsvTable } from "@/lib/csv/table";
import { mappedValues, ValueMapping } from "./value-mapping";

type TOwnerProps = {
  table: TCsvTable;
  column: number;
  members: TOwnerChoice[];
  remembered: TValueMap;
  choices: TValueMap;
  onChoose: (key: string, userId: string) => void;
  /** "importer": unmapped owners' deals go to the importer; else their rows are refused. */
  unmappedOwner: string | null;
  onUnmappedOwner: (choice: string) => void;
};

/** One row per distinct owner of the file (a name or an email), pre-filled by a member's email or name. */
export function OwnerValues({
  table,
  column,
  members,
  remembered,
  choices,
  onChoose,
  unmappedOwner,
  onUnmappedOwner,
}: TOwnerProps) {
  const values = mappedValues(table, column, choices, (v) => proposeOwner(v, members, remembered)?.userId ?? "");
  const toMe = unmappedOwner === "importer";
  const options = [
    { value: "", label: toMe ? "Not mapped: deals go to you" : "Not mapped: rows refused" },
    ...members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
  ];
  return (
    <ValueMapping
      id="owner-values"
      title="Owners in the file"
      what="owner"
      description="Each owner of the file (a name or an email) goes to a member, matched by email or name in any case; the mapping is remembered for the next import."
      values={values}
      options={options}
      onChoose={onChoose}
      unmappedOutcome={toMe ? "go to you" : "are refused (unknown owner)"}
    >
      <div className="sm:w-1/2 sm:pr-1.5">
        <SelectField
          label="Deals whose owner is not mapped"
          options={[
            { value: "refuse", label: "Refuse the rows (unknown owner)" },
            { value: "importer", label: "Assign new deals to me (a known deal keeps its owner)" },
          ]}
          value={toMe ? "importer" : "refuse"}
          onChange={(e) => onUnmappedOwner(e.target.value)}
        />
      </div>
    </ValueMapping>
  );
}

type TCategoryProps = {
  table: TCsvTable;
  column: number;
  remembered: TValueMap;
  choices: TValueMap;
  onChoose: (key: string, category: string) => void;
};

/** One row per distinct forecast category of the file, pre-filled by the usual CRM names (Best Case, Not forecasted…). */
export function CategoryValues({ table, column, remembered, choices, onChoose }: TCategoryProps) {
  const values = mappedValues(table, column, choices, (v) => resolveCategory(v, {}, remembered) ?? "");
  const options = [
    { value: "", label: "Not mapped: rows refused" },
    ...Object.entries(FORECAST_CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
  ];
  return (
    <ValueMapping
      id="category-values"
      title="Forecast categories in the file"
      what="forecast category"
      description="Each category value of the file goes to one of the forecast categories; the mapping is remembered for the next import."
      values={values}
      options={options}
      onChoose={onChoose}
      unmappedOutcome="are refused"
    />
  );
}
