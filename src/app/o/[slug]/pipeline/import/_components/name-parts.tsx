"use client";

import { SelectField } from "@/components/ui/field";
import { composeName, MAX_NAME_PARTS, NAME_SEPARATOR } from "@/lib/csv/opportunity-value-maps";
import type { TCsvTable } from "@/lib/csv/table";

/** The wizard's nameColumns field (JSON array of column indexes) as a list; broken or null: none. */
export function parseNameParts(json: string | null): number[] {
  if (!json) return [];
  try {
    const parts = JSON.parse(json) as unknown;
    return Array.isArray(parts) ? parts.filter((p): p is number => Number.isInteger(p)) : [];
  } catch {
    return [];
  }
}

type TProps = { table: TCsvTable; value: string | null; onChange: (json: string | null) => void; errors?: string[] };

/** Without a name column: up to three columns whose cells, joined with " — ", name each deal (account + product). */
export function NameParts({ table, value, onChange, errors }: TProps) {
  const parts = parseNameParts(value);
  const options = [
    { value: "", label: "— none —" },
    ...table.header.map((name, i) => ({ value: String(i), label: name || `Column ${i + 1}` })),
  ];
  const set = (index: number, column: string) => {
    const next = [...parts];
    if (column === "") next.splice(index, 1);
    else next[index] = Number(column);
    const clean = [...new Set(next.filter((c) => c !== undefined))];
    onChange(clean.length ? JSON.stringify(clean) : null);
  };
  const example = table.rows[0] ? composeName(table.rows[0].cells, parts) : "";
  return (
    <section
      aria-labelledby="name-parts-title"
      className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid="name-parts"
    >
      <h3 id="name-parts-title" className="text-sm font-semibold">
        Deal name made of
      </h3>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The file has no name column: each deal is named by up to {MAX_NAME_PARTS} columns joined with “
        {NAME_SEPARATOR.trim()}”, remembered with the import.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {Array.from({ length: Math.min(parts.length + 1, MAX_NAME_PARTS) }, (_, i) => (
          <SelectField
            // biome-ignore lint/suspicious/noArrayIndexKey: the fields are name part 1, 2, 3: their position is what they are.
            key={i}
            label={`Name part ${i + 1}`}
            options={options}
            value={parts[i] === undefined ? "" : String(parts[i])}
            onChange={(e) => set(i, e.target.value)}
          />
        ))}
      </div>
      {errors?.length ? (
        <p className="text-sm text-red-700 dark:text-red-400">{errors[0]}</p>
      ) : parts.length === 0 ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          Choose the name column, or the columns a name is made of.
        </p>
      ) : (
        example && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="name-parts-example">
            First deal: {example}
          </p>
        )
      )}
    </section>
  );
}
