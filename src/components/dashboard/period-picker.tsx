"use client";

import { usePathname, useRouter } from "next/navigation";

export type TPeriodOption = { value: string; label: string };

/** Fiscal year and period within it; each choice is a URL (?period=…), so views can be shared. */
export function PeriodPicker({ years, scopes, selectedYear, selectedScope }: { years: TPeriodOption[]; scopes: TPeriodOption[]; selectedYear: string; selectedScope: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (value: string) => router.push(`${pathname}?period=${value}`);
  const selectClass = "rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Period">
      <select aria-label="Fiscal year" value={selectedYear} onChange={(e) => go(e.target.value)} className={selectClass}>
        {years.map((y) => (
          <option key={y.value} value={y.value}>
            {y.label}
          </option>
        ))}
      </select>
      <select aria-label="Period within the year" value={selectedScope} onChange={(e) => go(e.target.value)} className={selectClass}>
        {scopes.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}
