import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/money";
import type { MonthKey } from "@/lib/period";
import { can } from "@/lib/permissions";
import { parsePipelineFiltersWithNotices, pipelineQuery, type TPipelineFilters } from "@/lib/pipeline-filters";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { getRequestLocale } from "@/server/locale";
import { listPipeline, pipelineBoard, pipelineOptions } from "@/server/pipeline/list";
import { fiscalQuarterEnd } from "@/server/pipeline/opportunities";
import { getPipelineOverview } from "@/server/pipeline/overview";
import { snapshotDiff } from "@/server/pipeline/snapshot-diff-query";
import { weekOf } from "@/server/pipeline/snapshots";
import { getTenantContext } from "@/server/tenant-context";
import { CategoryTotals } from "../_components/category-totals";
import { ForecastHeader } from "../_components/forecast-header";
import { NewDealForm } from "../_components/new-deal-form";
import { PipelineBoard } from "../_components/pipeline-board";
import { PipelineFilters } from "../_components/pipeline-filters";
import { PipelineTable } from "../_components/pipeline-table";
import { SnapshotChanges } from "../_components/snapshot-changes";
import { CATEGORY_OPTIONS, quarterOptions, toEditOptions, toRowView } from "../view-model";
import { now } from "@/server/clock";

export const metadata: Metadata = { title: "Pipeline" };

type TSearch = Record<string, string | string[] | undefined>;

const isFiltered = (f: TPipelineFilters) =>
  Boolean(f.stageId || f.ownerId || f.category || f.from || f.to || f.quarter || f.status !== "open" || f.stale || f.q);

export default async function PipelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<TSearch>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const search = await searchParams;
  const view = search.view === "board" ? "board" : "table";
  const { filters, ignored } = parsePipelineFiltersWithNotices(search);
  // A page view only reads: the week's snapshot is taken by a pipeline import (before it writes) or
  // on demand, so "what changed" compares with the latest snapshot there is and says how old it is.
  const at = await now();
  const [overview, options, diff, locale] = await Promise.all([
    getPipelineOverview(ctx, at),
    pipelineOptions(ctx),
    snapshotDiff(ctx),
    getRequestLocale(),
  ]);
  const snapshotThisWeek =
    diff.snapshot !== null &&
    weekOf(diff.snapshot.takenAt, ctx.organization.timeZone) === weekOf(at, ctx.organization.timeZone);
  const { organization, calendar } = overview;
  const currency = organization.currency;
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  const [list, board] = await Promise.all([
    view === "table" ? listPipeline(ctx, filters, calendar) : null,
    view === "board" ? pipelineBoard(ctx, filters, calendar) : null,
  ]);
  const canWrite = can(ctx, "pipeline.write");
  const editOptions = toEditOptions(options);
  const query = pipelineQuery(filters);
  const viewHref = (v: "table" | "board") =>
    `/o/${slug}/pipeline${pipelineQuery(filters, { view: v === "board" ? "board" : null, page: null })}`;

  return (
    <>
      <PageHeader
        title="Pipeline"
        description="Open deals by forecast category, this quarter's coverage, and what changed since the last snapshot."
        actions={
          <div className="flex items-center gap-4">
            {canWrite && (
              <Link
                href={`/o/${slug}/pipeline/import`}
                className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400"
              >
                Import CSV
              </Link>
            )}
            <Link
              href={`/o/${slug}/pipeline/won`}
              className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400"
            >
              Won by month
            </Link>
            <a
              href={`/o/${slug}/export/pipeline${query}`}
              className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400"
              download
            >
              Export CSV
            </a>
          </div>
        }
      />
      <IgnoredParamsNotice names={ignored} />
      <ForecastHeader
        slug={slug}
        currency={currency}
        locale={locale}
        quarter={overview.quarter}
        staleCount={overview.staleCount}
      />
      {canWrite && (
        <div className="mb-4">
          <NewDealForm
            slug={slug}
            options={editOptions}
            defaultOwnerId={ctx.userId}
            defaultCloseDate={fiscalQuarterEnd(calendar.today.slice(0, 7) as MonthKey, calendar.fiscalYearStartMonth)}
            currency={currency}
          />
        </div>
      )}
      <PipelineFilters
        slug={slug}
        filters={filters}
        view={view}
        stages={editOptions.stages}
        owners={editOptions.owners}
        categories={CATEGORY_OPTIONS}
        quarters={quarterOptions(overview.fiscalYears, filters.quarter)}
      />
      <nav aria-label="Pipeline view" className="mt-4 mb-3 flex flex-wrap items-center gap-3 text-sm">
        {(["table", "board"] as const).map((v) => (
          <Link
            key={v}
            href={viewHref(v)}
            aria-current={view === v ? "page" : undefined}
            className={`rounded-md px-3 py-1 font-medium ${view === v ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "border border-zinc-300 dark:border-zinc-700"}`}
          >
            {v === "table" ? "Table" : "Board by stage"}
          </Link>
        ))}
        {list && (
          <p className="tabular-nums text-zinc-600 dark:text-zinc-400" data-testid="pipeline-totals">
            {list.totals.count.toLocaleString(locale)} deal{list.totals.count === 1 ? "" : "s"} ·{" "}
            {money(list.totals.amountMinor)} · weighted {money(list.totals.weightedMinor)}
          </p>
        )}
      </nav>

      {list &&
        (list.rows.length === 0 ? (
          isFiltered(filters) ? (
            <EmptyState
              title="No deals match these filters"
              action={{ href: `/o/${slug}/pipeline`, label: "Clear the filters" }}
            >
              Widen the close-date range or pick another stage, owner or status.
            </EmptyState>
          ) : (
            <EmptyState title="No deals yet">
              {canWrite
                ? "Add the first deal with “New deal” above; it starts at the stage you choose with that stage's probability."
                : "The sales team has not entered any deals yet. A sales manager or the owner adds them here."}
            </EmptyState>
          )
        ) : (
          <>
            <CategoryTotals
              categories={list.categories}
              total={list.totals}
              status={filters.stale ? "open" : filters.status}
              hrefOf={(category) => `/o/${slug}/pipeline${pipelineQuery(filters, { category, page: null })}`}
              currency={currency}
              locale={locale}
            />
            <PipelineTable
              slug={slug}
              rows={list.rows.map((r) => toRowView(r, currency, locale))}
              canEdit={canWrite}
              options={editOptions}
              currency={currency}
            />
            {list.pageCount > 1 && (
              <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
                {filters.page > 1 && (
                  <Link
                    href={`/o/${slug}/pipeline${pipelineQuery(filters, { page: String(filters.page - 1) })}`}
                    className="text-accent-700 hover:underline dark:text-accent-400"
                  >
                    ← Previous
                  </Link>
                )}
                <span className="text-zinc-600 dark:text-zinc-400">
                  Page {filters.page} of {list.pageCount.toLocaleString(locale)}
                </span>
                {filters.page < list.pageCount && (
                  <Link
                    href={`/o/${slug}/pipeline${pipelineQuery(filters, { page: String(filters.page + 1) })}`}
                    className="text-accent-700 hover:underline dark:text-accent-400"
                  >
                    Next →
                  </Link>
                )}
              </nav>
            )}
          </>
        ))}
      {board &&
        (board.length === 0 ? (
          <EmptyState title="No open stages">The owner sets up the sales stages under Settings.</EmptyState>
        ) : (
          <PipelineBoard slug={slug} columns={board} currency={currency} locale={locale} />
        ))}

      <SnapshotChanges
        slug={slug}
        diff={diff}
        snapshotThisWeek={snapshotThisWeek}
        canSnapshot={canWrite}
        currency={currency}
        locale={locale}
        timeZone={organization.timeZone}
      />
    </>
  );
}
