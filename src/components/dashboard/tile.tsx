import type { ReactNode } from "react";

/** A headline figure: compact on the tile, the exact amount on hover and for screen readers. */
export function Tile({
  label,
  value,
  exact,
  detail,
  testId,
}: {
  label: string;
  value: string;
  exact?: string;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid={testId}
    >
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight" title={exact}>
        {value}
        {exact && exact !== value && <span className="sr-only"> ({exact})</span>}
      </dd>
      {detail && <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd>}
    </div>
  );
}
