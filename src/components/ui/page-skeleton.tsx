import { cn } from "@/lib/cn";

/**
 * What a page shows while it loads (a route's loading.tsx): its heading area, then neutral blocks
 * roughly where its cards and tables will be, so the page does not jump when they arrive. Busy for
 * assistive technology, with one status line naming what is on its way; the blocks themselves are
 * hidden from it. No headings or text of the page, so nothing reads as data.
 */
export function PageSkeleton({
  label,
  actions = false,
  backLink = false,
  blocks,
}: {
  /** What is loading, e.g. "the pipeline": said as "Loading the pipeline…". */
  label: string;
  /** Whether the heading area has controls on its right (a period picker, links). */
  actions?: boolean;
  /** Whether a "← back" line sits above the heading. */
  backLink?: boolean;
  /** The blocks under the heading, as rows; each row is a list of block classes (height, column span). */
  blocks: { grid?: string; items: string[] }[];
}) {
  const bar = "rounded-md bg-zinc-200 dark:bg-zinc-800";
  return (
    <div aria-busy="true" data-testid="page-skeleton">
      <p role="status" className="sr-only">
        Loading {label}…
      </p>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        {backLink && <div className={cn(bar, "mb-2 h-5 w-24")} />}
        <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
          <div className="w-full max-w-xl">
            <div className={cn(bar, "h-8 w-48")} />
            <div className={cn(bar, "mt-1 h-5 w-full")} />
          </div>
          {actions && <div className={cn(bar, "h-8 w-64")} />}
        </div>
        <div className="space-y-4">
          {blocks.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed placeholder layout that never reorders.
            <div key={i} className={cn("grid gap-4", row.grid)}>
              {row.items.map((item, j) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed placeholder layout that never reorders.
                  key={j}
                  className={cn(
                    "rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
                    item,
                  )}
                />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
