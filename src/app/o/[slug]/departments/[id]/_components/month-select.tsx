"use client";

import { useId, type SelectHTMLAttributes } from "react";

export type TMonthOption = { month: string; label: string; isClosed: boolean };

/**
 * A month of the fiscal year that has started. Closed months are listed, marked and disabled (the
 * kit's SelectField has no disabled options): a closed month takes no change until it is reopened.
 */
export function MonthSelect({
  months,
  errors,
  label = "Month",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { months: TMonthOption[]; errors?: string[]; label?: string }) {
  const id = useId();
  const hasError = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={hasError ? true : undefined}
        aria-describedby={hasError ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-accent-500 focus:outline-none aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
        {...props}
      >
        {months.map((m) => (
          <option key={m.month} value={m.month} disabled={m.isClosed}>
            {m.isClosed ? `${m.label} (closed)` : m.label}
          </option>
        ))}
      </select>
      {hasError && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors?.[0]}
        </p>
      )}
    </div>
  );
}
