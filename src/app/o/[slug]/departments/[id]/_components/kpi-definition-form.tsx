"use client";

import { useState } from "react";
import type { KpiAggregation, KpiUnit } from "@db/enums";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import {
  defaultAggregation,
  KPI_AGGREGATION_HELP,
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_UNIT_LABELS,
} from "@/lib/kpi";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { useScorecardForm } from "./use-scorecard-form";

export type TKpiDefinition = {
  kpiId: string;
  version: number;
  name: string;
  unit: KpiUnit;
  direction: string;
  aggregation: KpiAggregation;
  target: string;
  greenAt: string;
  amberAt: string;
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const KINDS: Record<KpiAggregation, string> = { SUM: "a flow", AVERAGE: "a rate", LAST: "a stock" };
const AGGREGATION_OPTIONS = (Object.keys(KPI_AGGREGATION_LABELS) as KpiAggregation[]).map((value) => ({
  value,
  label: `${KPI_AGGREGATION_LABELS[value]} (${KINDS[value]})`,
}));
const CHOOSE = { value: "", label: "Choose…" };
// Plain words for all three, so the choice can be made without knowing the terms.
const HELP = (Object.keys(KPI_AGGREGATION_HELP) as KpiAggregation[]).map((a) => KPI_AGGREGATION_HELP[a]).join(" / ");

/**
 * An owner defines a KPI (new, or `kpi` to edit): unit, direction, how its months combine over a
 * period, monthly target and RAG bands. A count, percentage or days KPI starts on its unit's
 * aggregation; a currency KPI has none until the owner chooses (a cost per lead is a rate, sourced
 * pipeline a flow), and the server refuses it unchosen.
 */
export function KpiDefinitionForm({
  action,
  kpi,
  currency,
  submitLabel,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  kpi?: TKpiDefinition;
  currency: string;
  submitLabel: string;
}) {
  const { state, message, onSubmit, isPending, errors, formRef } = useScorecardForm(action, { resetOnSuccess: !kpi });
  const initialUnit: KpiUnit = kpi?.unit ?? "COUNT";
  const initialAggregation = kpi?.aggregation ?? defaultAggregation(initialUnit) ?? "";
  const [unit, setUnit] = useState<KpiUnit>(initialUnit);
  const [aggregation, setAggregation] = useState<KpiAggregation | "">(initialAggregation);
  // Once the owner picks an aggregation, a change of unit no longer overrides it.
  const [isChosen, setIsChosen] = useState(kpi !== undefined);
  const onUnit = (next: KpiUnit) => {
    setUnit(next);
    if (!isChosen) setAggregation(defaultAggregation(next) ?? "");
  };
  const mustChoose = unit === "CURRENCY" && aggregation === "";
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onReset={() => {
        setUnit(initialUnit);
        setAggregation(initialAggregation);
        setIsChosen(kpi !== undefined);
      }}
      noValidate
      className="space-y-3"
      aria-label={kpi ? `Edit KPI ${kpi.name}` : "Add a KPI"}
    >
      <FormMessage state={message} />
      {kpi ? (
        <>
          <input type="hidden" name="kpiId" value={kpi.kpiId} />
          <input type="hidden" name="version" value={kpi.version} />
        </>
      ) : (
        <SubmissionIdField state={state} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="KPI name" name="name" defaultValue={kpi?.name} errors={errors?.name} />
        <SelectField
          label="Unit"
          name="unit"
          value={unit}
          onChange={(e) => onUnit(e.target.value as KpiUnit)}
          errors={errors?.unit}
          options={options(KPI_UNIT_LABELS)}
          hint={`Currency is in ${currency}. Counts are whole numbers.`}
        />
        <SelectField
          label="Direction"
          name="direction"
          defaultValue={kpi?.direction ?? "HIGHER_IS_BETTER"}
          errors={errors?.direction}
          options={options(KPI_DIRECTION_LABELS)}
        />
        <SelectField
          label="Over several months"
          name="aggregation"
          value={aggregation}
          onChange={(e) => {
            setAggregation(e.target.value as KpiAggregation | "");
            setIsChosen(true);
          }}
          errors={errors?.aggregation}
          options={aggregation === "" ? [CHOOSE, ...AGGREGATION_OPTIONS] : AGGREGATION_OPTIONS}
          hint={
            mustChoose
              ? `Required for currency: ${HELP}.`
              : `How a quarter's or a year's figure and target come from the months: ${HELP}.`
          }
        />
        <TextField
          label="Monthly target"
          name="target"
          inputMode="decimal"
          defaultValue={kpi?.target}
          errors={errors?.target}
          hint="Leave empty if there is no target yet."
        />
        <TextField
          label="Green at (% of target)"
          name="greenAt"
          inputMode="decimal"
          defaultValue={kpi?.greenAt ?? "100"}
          errors={errors?.greenAt}
        />
        <TextField
          label="Amber at (% of target)"
          name="amberAt"
          inputMode="decimal"
          defaultValue={kpi?.amberAt ?? "90"}
          errors={errors?.amberAt}
          hint="Below amber is red."
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
