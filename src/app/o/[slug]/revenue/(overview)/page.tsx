import { ScrollRegion } from "@/components/ui/scroll-region";
import { parseFiscalYearParam, readParam, type TSearchParams } from "@/lib/search-params";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { currencyDigits, formatMoney, groupThousands, minorToDecimalString } from "@/lib/money";
import { can } from "@/lib/permissions";
import { fiscalYearLabel, fiscalYearMonths, fiscalYearOfMonth, monthKey, monthLabel, monthOf } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { getRequestLocale } from "@/server/locale";
import { getOrganization } from "@/server/organizations/queries";
import { listClosedMonths } from "@/server/periods/open-months";
import { closedMonths, getMonthFigures, listRecentEntries, targetCells } from "@/server/revenue/queries";
import { getTenantContext } from "@/server/tenant-context";
import { listFiscalYears } from "@/server/periods/fiscal-years";
import { withYear } from "@/lib/fiscal-years";
import { DeleteEntryButton } from "../_components/delete-entry-button";
import { EntryForm } from "../_components/entry-form";
import { FiscalYearSelect } from "../_components/fiscal-year-select";
import { ImportBatches } from "../_components/import-batches";
import { SpreadForm } from "../_components/spread-form";
import { TargetsGrid } from "../_components/targets-grid";
import { now } from "@/server/clock";

export const metadata: Metadata = { title: "Revenue" };

export default async function RevenuePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [organization, locale] = await Promise.all([getOrganization(ctx), getRequestLocale()]);
  const { currency, timeZone, fiscalYearStartMonth } = organization;
  const at = await now();
  const today = todayIn(timeZone, at);
  const currentFy = fiscalYearOfMonth(monthKey(today.year, today.month), fiscalYearStartMonth);
  const requestedText = readParam(await searchParams, "fy");
  const requested = parseFiscalYearParam(requestedText);
  const fy = requested ?? currentFy;
  const months = fiscalYearMonths(fy, fiscalYearStartMonth);
  const [figures, cells, closed, allClosed, entries, fiscalYears] = await Promise.all([
    getMonthFigures(ctx, timeZone, months),
    targetCells(ctx, months),
    closedMonths(ctx, months),
    // The latest entries may lie outside the year shown: their months decide whether Delete shows.
    listClosedMonths(ctx),
    listRecentEntries(ctx),
    listFiscalYears(ctx, at, organization),
  ]);
  const digits = currencyDigits(currency);
  const money = (v: bigint) => formatMoney(v, currency, { locale });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const canWriteActuals = can(ctx, "actuals.write");
  const rows = figures.map((f) => {
    const close = closed.get(f.month);
    return {
      month: f.month,
      label: monthLabel(f.month),
      // The grid's value and version come from one read of the target row.
      target: cells.has(f.month)
        ? groupThousands(minorToDecimalString(cells.get(f.month)?.amountMinor ?? 0n, digits))
        : "",
      version: cells.get(f.month)?.token ?? "",
      actual: f.month > monthKey(today.year, today.month) ? "—" : money(f.actualMinor),
      closedNote: close
        ? `Closed ${dateFormat.format(close.closedAt)}${close.closedBy ? ` by ${close.closedBy}` : ""}`
        : null,
      isOver: f.month < monthKey(today.year, today.month),
    };
  });
  const yearLink = (y: number) => `/o/${slug}/revenue?fy=${y}`;
  return (
    <>
      <PageHeader
        title="Targets and actuals"
        description={`Monthly revenue targets and actuals in ${currency}; months are read in ${timeZone}.`}
        actions={
          <nav aria-label="Fiscal year" className="flex items-center gap-2 text-sm">
            <Link
              href={yearLink(fy - 1)}
              className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              ← {fiscalYearLabel(fy - 1)}
            </Link>
            <FiscalYearSelect
              years={withYear(fiscalYears, fy).map((y) => ({ value: y, label: fiscalYearLabel(y) }))}
              selected={fy}
            />
            <Link
              href={yearLink(fy + 1)}
              className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {fiscalYearLabel(fy + 1)} →
            </Link>
          </nav>
        }
      />
      <IgnoredParamsNotice names={requestedText !== undefined && requested === undefined ? ["fy"] : []} />
      <div className="grid gap-6 xl:grid-cols-5">
        <Card
          title={`${fiscalYearLabel(fy)} by month`}
          description="Targets stay editable until a month is closed; a closed month accepts no change until an owner reopens it."
          className="min-w-0 xl:col-span-3"
        >
          <TargetsGrid
            slug={slug}
            fiscalYear={fy}
            rows={rows}
            currency={currency}
            digits={digits}
            actualTotal={money(figures.reduce((sum, f) => sum + f.actualMinor, 0n))}
            canEdit={can(ctx, "targets.write")}
            canClose={can(ctx, "period.close")}
            canReopen={can(ctx, "period.reopen")}
          />
        </Card>
        <div className="min-w-0 space-y-6 xl:col-span-2">
          {can(ctx, "targets.write") && (
            <Card
              title="Spread an annual target"
              description={`Sets all 12 months of ${fiscalYearLabel(fy)}; the months always add up to the annual amount.`}
            >
              {closed.size > 0 ? (
                <p className="text-sm" data-testid="spread-refused">
                  {closed.size === 12
                    ? `Every month of ${fiscalYearLabel(fy)} is closed`
                    : `${closed.size} of the 12 months of ${fiscalYearLabel(fy)} ${closed.size === 1 ? "is" : "are"} closed`}
                  , and a spread would change {closed.size === 1 ? "it" : "them"}. Set the open months in the table
                  instead{can(ctx, "period.reopen") ? ", or reopen the closed ones first" : ""}.
                </p>
              ) : (
                <SpreadForm
                  slug={slug}
                  fiscalYear={fy}
                  currency={currency}
                  monthLabels={months.map((m) => monthLabel(m))}
                />
              )}
            </Card>
          )}
          {canWriteActuals && (
            <Card
              title="Add revenue"
              description={
                <>
                  One dated amount. For many rows,{" "}
                  <Link
                    href={`/o/${slug}/revenue/import`}
                    className="font-medium text-accent-600 dark:text-accent-400 hover:underline"
                  >
                    import a CSV export
                  </Link>
                  .
                </>
              }
            >
              <EntryForm
                slug={slug}
                currency={currency}
                today={`${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`}
              />
            </Card>
          )}
        </div>
      </div>
      <div className="mt-6">
        <ImportBatches slug={slug} ctx={ctx} organization={organization} />
      </div>
      <Card
        className="mt-6"
        title="Latest entries"
        description="The 20 most recent actuals. Imported rows are undone with their batch."
      >
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-500">No revenue recorded yet.</p>
        ) : (
          <ScrollRegion label="Latest entries table" className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
                <tr>
                  <th scope="col" className="px-2 py-2 text-left font-medium">
                    Date
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    Amount
                  </th>
                  <th scope="col" className="px-2 py-2 text-left font-medium">
                    Reference
                  </th>
                  <th scope="col" className="px-2 py-2 text-left font-medium">
                    Customer
                  </th>
                  <th scope="col" className="px-2 py-2 text-left font-medium">
                    Source
                  </th>
                  <th scope="col" className="px-2 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <td className="px-2 py-1.5 whitespace-nowrap">{dateFormat.format(e.occurredAt)}</td>
                    <td className="px-2 py-1.5 text-right whitespace-nowrap">{money(e.amountMinor)}</td>
                    <td className="px-2 py-1.5">{e.reference ?? "—"}</td>
                    <td className="px-2 py-1.5">{e.customer ?? "—"}</td>
                    <td className="px-2 py-1.5 text-xs text-zinc-500">
                      {e.source === "MANUAL"
                        ? `Manual${e.createdBy ? `, ${e.createdBy.name}` : ""}`
                        : e.source === "IMPORT"
                          ? "Import"
                          : "API"}
                    </td>
                    <td className="px-2 py-1.5 text-right">
                      {canWriteActuals && e.source === "MANUAL" && !allClosed.has(monthOf(e.occurredAt, timeZone)) && (
                        <DeleteEntryButton
                          slug={slug}
                          entryId={e.id}
                          label={`entry of ${money(e.amountMinor)} on ${dateFormat.format(e.occurredAt)}`}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </>
  );
}
