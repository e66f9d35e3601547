"use client";

import type { ReactNode } from "react";
import { SelectField } from "@/components/ui/field";
import { distinctStageValues, stageKey, type TStageMap } from "@/lib/csv/opportunity-stage-map";
import type { TCsvTable } from "@/lib/csv/table";

// One row per distinct value of a column (stages, owners, forecast categories), each mapped to one
// of the organization's targets: the user's choice, else the proposal (remembered, same name…).

export type TMappedValue = { key: string; value: string; count: number; target: string };

/** The column's distinct values with the target each maps to now ("" for none). */
export function mappedValues(
  table: TCsvTable,
  column: number,
  choices: TStageMap,
  propose: (value: string) => string,
): TMappedValue[] {
  return distinctStageValues(table.rows, column).map((v) => {
    const key = stageKey(v.value);
    return { ...v, key, target: Object.hasOwn(choices, key) ? (choices[key] ?? "") : propose(v.value) };
  });
}

/** A mapping field's JSON (folded value → target) as an object; null or broken: no choice made. */
export function parseChoices(json: string | null): TStageMap {
  if (!json) return {};
  try {
    return JSON.parse(json) as TStageMap;
  } catch {
    return {};
  }
}

export const withChoice = (json: string | null, key: string, target: string) =>
  JSON.stringify({ ...parseChoices(json), [key]: target });

const rows = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;

type TProps = {
  id: string;
  title: string;
  description: ReactNode;
  what: string;
  values: TMappedValue[];
  options: { value: string; label: string }[];
  onChoose: (key: string, target: string) => void;
  /** What the unmapped values' rows become ("are refused", "go to you"). */
  unmappedOutcome: string;
  /** Shown under a value's select (e.g. "create a stage" for an unmapped stage). */
  renderExtra?: (value: TMappedValue) => ReactNode;
  children?: ReactNode;
};

export function ValueMapping({
  id,
  title,
  description,
  what,
  values,
  options,
  onChoose,
  unmappedOutcome,
  renderExtra,
  children,
}: TProps) {
  const unmapped = values.filter((v) => !v.target);
  const tooMany = values.length > 100;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid={id}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h3>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{description}</p>
      {tooMany ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          The {what} column has {values.length.toLocaleString("en-US")} different values: it is probably not the {what}{" "}
          column.
        </p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {values.map((v) => (
            <div key={v.key} className="min-w-0">
              <SelectField
                label={`“${v.value}” (${rows(v.count)})`}
                options={options}
                value={v.target}
                onChange={(e) => onChoose(v.key, e.target.value)}
              />
              {renderExtra?.(v)}
            </div>
          ))}
        </div>
      )}
      {children}
      {unmapped.length > 0 && !tooMany && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid={`${id}-unmapped`}>
          Not mapped: {unmapped.map((v) => `“${v.value}”`).join(", ")}. Their{" "}
          {rows(unmapped.reduce((n, v) => n + v.count, 0))} {unmappedOutcome}.
        </p>
      )}
    </section>
  );
}
