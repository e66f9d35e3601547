"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import { MonthSelect, type TMonthOption } from "./month-select";
import { useScorecardForm } from "./use-scorecard-form";

export type TValueMonth = TMonthOption;
/** `versions`: month → the value's version token as loaded ("" when the month had none). */
export type TValueKpi = {
  id: string;
  name: string;
  unitHint: string;
  values: Record<string, string>;
  versions: Record<string, string>;
};

/**
 * The head enters one month's values, one input per KPI. Only months that have started can be
 * chosen; a closed month is listed but cannot be picked. An empty input removes that month's value.
 */
export function KpiValuesForm({
  action,
  months,
  defaultMonth,
  kpis,
  importHref,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  months: TValueMonth[];
  defaultMonth: string;
  kpis: TValueKpi[];
  importHref: string;
}) {
  // Only the values the user changed are sent, each with the version it was loaded with: a value
  // someone else saved meanwhile is refused and named, and no untouched value is written back.
  const { message, onSubmit, isPending, errors } = useScorecardForm(action, {
    prepare: (formData) => {
      const month = String(formData.get("month") ?? "");
      for (const kpi of kpis) {
        if (String(formData.get(`value:${kpi.id}`) ?? "").trim() === (kpi.values[month] ?? ""))
          formData.delete(`value:${kpi.id}`);
        else formData.set(`version:${kpi.id}`, kpi.versions[month] ?? "");
      }
    },
  });
  const [month, setMonth] = useState(defaultMonth);
  const label = months.find((m) => m.month === month)?.label ?? month;
  const isClosed = months.find((m) => m.month === month)?.isClosed ?? false;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Enter KPI values">
      <h3 className="text-sm font-semibold">Enter values for {label}</h3>
      <FormMessage state={message} />
      <MonthSelect
        name="month"
        value={month}
        onChange={(e) => setMonth(e.target.value)}
        months={months}
        errors={errors?.month}
      />
      {isClosed && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {label} is closed: its values cannot change until an owner reopens it.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {kpis.map((kpi) => (
          // Keyed by month and stored value: a new month, or a save, shows the server's values.
          <TextField
            key={`${kpi.id}|${month}|${kpi.values[month] ?? ""}`}
            label={kpi.name}
            name={`value:${kpi.id}`}
            inputMode="decimal"
            defaultValue={kpi.values[month] ?? ""}
            disabled={isClosed}
            hint={kpi.unitHint}
            errors={errors?.[`values.${kpi.id}`]}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending || isClosed}>
          {isPending ? "Saving…" : `Save ${label}`}
        </Button>
        <Link href={importHref} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
          Import values from CSV
        </Link>
      </div>
      <p className="text-xs text-zinc-500">Leave a field empty to remove that month&apos;s value.</p>
    </form>
  );
}
