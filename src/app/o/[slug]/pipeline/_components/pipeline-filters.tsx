import Link from "next/link";
import type { TPipelineFilters } from "@/lib/pipeline-filters";
import type { TOption } from "./types";

const control =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm focus:border-accent-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950";

function Select({
  label,
  name,
  value,
  options,
  all,
  allValue = "",
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: TOption[];
  all: string;
  allValue?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? allValue} className={control}>
        <option value={allValue}>{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters, as a plain GET form: they live in the URL, work before the page hydrates, and the
 * CSV export link carries the same query.
 */
export function PipelineFilters({
  slug,
  filters,
  view,
  stages,
  owners,
  categories,
  quarters,
}: {
  slug: string;
  filters: TPipelineFilters;
  view: "table" | "board";
  stages: TOption[];
  owners: TOption[];
  categories: TOption[];
  quarters: TOption[];
}) {
  return (
    <form
      method="get"
      action={`/o/${slug}/pipeline`}
      role="search"
      aria-label="Filter deals"
      className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {view === "board" && <input type="hidden" name="view" value="board" />}
      <label className="col-span-2 block text-xs font-medium text-zinc-600 sm:col-span-3 lg:col-span-2 dark:text-zinc-400">
        Search deal or account
        <input type="search" name="q" defaultValue={filters.q ?? ""} className={control} />
      </label>
      <Select label="Stage" name="stage" value={filters.stageId} options={stages} all="All stages" />
      <Select label="Owner" name="owner" value={filters.ownerId} options={owners} all="All owners" />
      <Select
        label="Forecast category"
        name="category"
        value={filters.category}
        options={categories}
        all="All categories"
      />
      <Select
        label="Status"
        name="status"
        value={filters.status}
        options={[
          { value: "won", label: "Won" },
          { value: "lost", label: "Lost" },
          { value: "all", label: "Open, won and lost" },
        ]}
        all="Open"
        allValue="open"
      />
      <Select label="Fiscal quarter" name="quarter" value={filters.quarter} options={quarters} all="Any close date" />
      <label className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Closing from
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Closing by
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <Select
        label="Sort by"
        name="sort"
        value={filters.sort === "updated" ? undefined : filters.sort}
        options={[
          { value: "close", label: "Expected close" },
          { value: "amount", label: "Amount, largest first" },
          { value: "name", label: "Deal name" },
        ]}
        all="Recently changed"
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale} className="size-4" />
        Stale only
      </label>
      <div className="col-span-2 flex items-end gap-3 sm:col-span-1">
        <button
          type="submit"
          className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
        >
          Apply
        </button>
        <Link
          href={`/o/${slug}/pipeline${view === "board" ? "?view=board" : ""}`}
          className="py-1.5 text-sm text-zinc-600 hover:underline dark:text-zinc-400"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
