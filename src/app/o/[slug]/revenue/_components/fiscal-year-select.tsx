"use client";

import { usePathname, useRouter } from "next/navigation";

/** Jumps to any fiscal year with targets, actuals or deals (?fy=…); the arrows beside it step by one. */
export function FiscalYearSelect({ years, selected }: { years: { value: number; label: string }[]; selected: number }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <select
      aria-label="Fiscal year shown"
      value={selected}
      onChange={(e) => router.push(`${pathname}?fy=${e.target.value}`)}
      className="rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm font-semibold dark:border-zinc-700 dark:bg-zinc-900"
    >
      {years.map((y) => (
        <option key={y.value} value={y.value}>
          {y.label}
        </option>
      ))}
    </select>
  );
}
