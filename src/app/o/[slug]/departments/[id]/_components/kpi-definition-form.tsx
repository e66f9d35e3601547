"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { KPI_DIRECTION_LABELS, KPI_UNIT_LABELS } from "@/lib/kpi";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { useScorecardForm } from "./use-scorecard-form";

export type TKpiDefinition = { kpiId: string; version: number; name: string; unit: string; direction: string; target: string; greenAt: string; amberAt: string };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** An owner defines a KPI (new, or `kpi` to edit): unit, direction, monthly target and RAG bands. */
export function KpiDefinitionForm({ action, kpi, currency, submitLabel }: { action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>; kpi?: TKpiDefinition; currency: string; submitLabel: string }) {
  const { state, message, onSubmit, isPending, errors, formRef } = useScorecardForm(action, { resetOnSuccess: !kpi });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={kpi ? `Edit KPI ${kpi.name}` : "Add a KPI"}>
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
        <SelectField label="Unit" name="unit" defaultValue={kpi?.unit ?? "COUNT"} errors={errors?.unit} options={options(KPI_UNIT_LABELS)} hint={`Currency is in ${currency}.`} />
        <SelectField label="Direction" name="direction" defaultValue={kpi?.direction ?? "HIGHER_IS_BETTER"} errors={errors?.direction} options={options(KPI_DIRECTION_LABELS)} />
        <TextField label="Monthly target" name="target" inputMode="decimal" defaultValue={kpi?.target} errors={errors?.target} hint="Leave empty if there is no target yet." />
        <TextField label="Green at (% of target)" name="greenAt" inputMode="decimal" defaultValue={kpi?.greenAt ?? "100"} errors={errors?.greenAt} />
        <TextField label="Amber at (% of target)" name="amberAt" inputMode="decimal" defaultValue={kpi?.amberAt ?? "90"} errors={errors?.amberAt} hint="Below amber is red." />
      </div>
      <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
