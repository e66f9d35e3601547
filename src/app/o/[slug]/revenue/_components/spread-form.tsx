"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { percentToBasisPoints } from "@/lib/targets-spread";
import { spreadAnnualTargetAction } from "../actions";

/** Annual target spread evenly or by percentages that must add up to exactly 100 %. */
export function SpreadForm({
  slug,
  fiscalYear,
  monthLabels,
  currency,
}: {
  slug: string;
  fiscalYear: number;
  monthLabels: string[];
  currency: string;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(spreadAnnualTargetAction.bind(null, slug, fiscalYear));
  const [distribution, setDistribution] = useState<"even" | "percentages">("even");
  const [percentages, setPercentages] = useState<string[]>(() => Array(12).fill(""));
  const basisPoints = percentages.map((p) => (p.trim() === "" ? 0 : percentToBasisPoints(p)));
  const total = basisPoints.reduce<number>((a, b) => a + (b ?? 0), 0);
  const hasBad = basisPoints.some((b) => b === null);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Spread an annual target">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={`Annual target (${currency})`}
          name="annual"
          inputMode="decimal"
          errors={errors?.annual}
          placeholder="1,200,000"
        />
        <SelectField
          label="Remainder cents go to"
          name="remainderMonth"
          defaultValue="11"
          errors={errors?.remainderMonth}
          options={monthLabels.map((label, i) => ({ value: String(i), label }))}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Distribution</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["even", "percentages"] as const).map((d) => (
            <label key={d} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name="distribution"
                value={d}
                checked={distribution === d}
                onChange={() => setDistribution(d)}
              />
              {d === "even" ? "Even (1/12 each)" : "Percentages per month"}
            </label>
          ))}
        </div>
      </fieldset>
      {distribution === "percentages" && (
        <div>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {monthLabels.map((label, i) => (
              <label key={label} className="text-xs">
                <span className="text-zinc-600 dark:text-zinc-400">{label} %</span>
                <input
                  name={`percentage:${i}`}
                  inputMode="decimal"
                  value={percentages[i]}
                  onChange={(e) => setPercentages((p) => p.map((v, j) => (j === i ? e.target.value : v)))}
                  aria-invalid={basisPoints[i] === null || errors?.[`percentages.${i}`] ? true : undefined}
                  className="mt-0.5 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-right text-sm tabular-nums aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
                />
              </label>
            ))}
          </div>
          <p
            className={
              total === 10_000 && !hasBad ? "mt-2 text-xs text-zinc-600" : "mt-2 text-xs text-red-700 dark:text-red-400"
            }
            aria-live="polite"
          >
            {hasBad
              ? "Use percentages with at most two decimals."
              : `Total ${(total / 100).toFixed(2)} % — must be exactly 100.00 %.`}
          </p>
          {errors?.percentages && (
            <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.percentages[0]}</p>
          )}
        </div>
      )}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Spreading…" : "Spread over the year"}
      </Button>
    </form>
  );
}
