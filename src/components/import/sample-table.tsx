import { ScrollRegion } from "@/components/ui/scroll-region";
import { cn } from "@/lib/cn";
import type { TCsvTable } from "@/lib/csv/table";

const SAMPLE_ROWS = 5;

/** The first rows of the file as they were read, with the mapped columns marked by their role. */
export function SampleTable({ table, roles }: { table: TCsvTable; roles: ReadonlyMap<number, string> }) {
  const rows = table.rows.slice(0, SAMPLE_ROWS);
  return (
    <ScrollRegion
      label="File sample"
      className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <table className="min-w-full text-left text-xs tabular-nums">
        <caption className="sr-only">The first {rows.length} rows of the file</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-800/50">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium text-zinc-500">
              Line
            </th>
            {table.header.map((name, i) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file; columns never move.
                key={i}
                scope="col"
                className={cn("px-2 py-1.5 font-medium whitespace-nowrap", roles.has(i) && "bg-accent-500/10")}
              >
                {name || `Column ${i + 1}`}
                {roles.has(i) && (
                  <span className="ml-1 rounded bg-accent-600 px-1 text-[10px] font-semibold text-white uppercase">
                    {roles.get(i)}
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.line}>
              <td className="px-2 py-1 text-zinc-500">{row.line}</td>
              {table.header.map((_, i) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file; columns never move.
                  key={i}
                  className={cn("px-2 py-1 whitespace-nowrap", roles.has(i) && "bg-accent-500/5 font-medium")}
                >
                  {row.cells[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
