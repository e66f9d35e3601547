"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/action-result";
import { proposeStage, type TStageChoice, type TStageMap } from "@/lib/csv/opportunity-stage-map";
import type { TCsvTable } from "@/lib/csv/table";
import { createImportStageAction } from "../actions";
import { mappedValues, ValueMapping, type TMappedValue } from "./value-mapping";

export type TStageOption = TStageChoice & { probabilityBp: number };

const OUTCOMES = [
  { value: "OPEN", label: "Open" },
  { value: "WON", label: "Won" },
  { value: "LOST", label: "Lost" },
];

/** A stage named after a file's value, made without leaving the wizard; the value then maps to it. */
function CreateStage({
  slug,
  value,
  onCreated,
}: {
  slug: string;
  value: TMappedValue;
  onCreated: (stage: TStageOption) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState(value.value.slice(0, 60));
  const [probability, setProbability] = useState("");
  const [outcome, setOutcome] = useState("OPEN");
  const [failure, setFailure] = useState<{ message: string; fieldErrors?: FieldErrors } | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!isOpen) {
    return (
      <button
        type="button"
        className="mt-1 text-xs font-medium text-accent-700 hover:underline dark:text-accent-400"
        onClick={() => setOpen(true)}
      >
        Create a stage “{value.value}”
      </button>
    );
  }
  const create = () =>
    startTransition(async () => {
      const result = await createImportStageAction(slug, { name, probability, outcome });
      if (!result.ok) return setFailure({ message: result.message, fieldErrors: result.fieldErrors });
      setFailure(null);
      setOpen(false);
      const probabilityBp = Math.round(Number(probability.replace(/\s*%$/, "")) * 100);
      onCreated({
        id: result.data.stageId,
        name: name.trim(),
        outcome: outcome as TStageOption["outcome"],
        probabilityBp,
      });
    });
  return (
    <fieldset
      className="mt-2 space-y-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-900"
      aria-label={`New stage for “${value.value}”`}
      // Enter creates the stage here; it must not submit the mapping form around it.
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          create();
        }
      }}
    >
      {failure && !failure.fieldErrors && <p className="text-sm text-red-700 dark:text-red-400">{failure.message}</p>}
      <TextField
        label="Stage name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={failure?.fieldErrors?.name}
      />
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label="Default %"
          inputMode="decimal"
          value={probability}
          onChange={(e) => setProbability(e.target.value)}
          errors={failure?.fieldErrors?.probability}
        />
        <SelectField
          label="Outcome"
          options={OUTCOMES}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          errors={failure?.fieldErrors?.outcome}
        />
      </div>
      <div className="flex gap-2">
        <Button type="button" onClick={create} disabled={isPending}>
          {isPending ? "Creating…" : "Create stage"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}

type TProps = {
  table: TCsvTable;
  column: number;
  stages: TStageOption[];
  remembered: TStageMap;
  choices: TStageMap;
  onChoose: (key: string, stageId: string) => void;
  slug: string;
  /** Whether this user may add stages (owners: "pipeline.configure"); others get the settings link. */
  canCreateStage: boolean;
  onStageCreated: (stage: TStageOption) => void;
};

/** One row per distinct stage value of the file, pre-filled (remembered, same name, won/lost), each mapped to a stage. */
export function StageValues({
  table,
  column,
  stages,
  remembered,
  choices,
  onChoose,
  slug,
  canCreateStage,
  onStageCreated,
}: TProps) {
  const values = mappedValues(table, column, choices, (v) => proposeStage(v, stages, remembered)?.id ?? "");
  const options = [
    { value: "", label: "Not mapped: rows refused" },
    ...stages.map((s) => ({ value: s.id, label: `${s.name} (${s.probabilityBp / 100} %)` })),
  ];
  const settings = `/o/${encodeURIComponent(slug)}/settings/pipeline`;
  return (
    <ValueMapping
      id="stage-values"
      title="Stages in the file"
      what="stage"
      description={
        <>
          Each stage value of the file goes to one of your stages; the mapping is remembered for the next import.{" "}
          {canCreateStage
            ? "Missing a stage? Create it from an unmapped value below, or "
            : "Missing a stage? An owner adds it in "}
          <a href={settings} className="text-accent-700 hover:underline dark:text-accent-400">
            {canCreateStage ? "open the stage settings" : "the stage settings"}
          </a>
          .
        </>
      }
      values={values}
      options={options}
      onChoose={onChoose}
      unmappedOutcome="are refused"
      renderExtra={(v) =>
        canCreateStage && !v.target ? (
          <CreateStage
            slug={slug}
            value={v}
            onCreated={(stage) => {
              onStageCreated(stage);
              onChoose(v.key, stage.id);
            }}
          />
        ) : null
      }
    />
  );
}
