"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export type TPeriodOption = { value: string; label: string };

const CUSTOM_SCOPE = "custom";
const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/**
 * Fiscal year, period within it, or a custom run of months; each choice is a URL (?period=…), so
 * views can be shared and reloaded.
 */
export function PeriodPicker({
  years,
  scopes,
  selectedYear,
  selectedScope,
  range,
}: {
  years: TPeriodOption[];
  scopes: TPeriodOption[];
  selectedYear: string;
  selectedScope: string;
  range?: { from: string; to: string };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [year, setYear] = useState(selectedYear);
  const [scope, setScope] = useState(selectedScope);
  const [from, setFrom] = useState(range?.from ?? "");
  const [to, setTo] = useState(range?.to ?? "");
  // The choice stays shown while the page for it loads (it used to snap back for a second), and a
  // status says the page is on its way.
  const [isPending, startTransition] = useTransition();
  const go = (value: string) => startTransition(() => router.push(`${pathname}?period=${value}`));
  const selectClass =
    "rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  const rangeError =
    !isMonth(from) || !isMonth(to)
      ? "Choose a first and a last month."
      : from > to
        ? "The first month must not be after the last."
        : null;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Period">
      <select
        aria-label="Fiscal year"
        value={year}
        onChange={(e) => {
          setYear(e.target.value);
          go(e.target.value);
        }}
        className={selectClass}
      >
        {years.map((y) => (
          <option key={y.value} value={y.value}>
            {y.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Period within the year"
        value={scope}
        onChange={(e) => {
          setScope(e.target.value);
          if (e.target.value !== CUSTOM_SCOPE) go(e.target.value);
        }}
        className={selectClass}
      >
        {scopes.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {scope === CUSTOM_SCOPE && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!rangeError) go(`r-${from}-${to}`);
          }}
        >
          <input
            type="month"
            aria-label="First month"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            className={selectClass}
          />
          <span aria-hidden className="text-sm text-zinc-500">
            –
          </span>
          <input
            type="month"
            aria-label="Last month"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            className={selectClass}
          />
          <button
            type="submit"
            disabled={rangeError !== null}
            className="rounded-md bg-accent-600 px-2.5 py-1 text-sm font-medium text-white disabled:opacity-50"
          >
            Show
          </button>
          {rangeError && from && to && <span className="text-xs text-red-700 dark:text-red-400">{rangeError}</span>}
        </form>
      )}
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {isPending ? "Loading…" : ""}
      </span>
    </div>
  );
}
