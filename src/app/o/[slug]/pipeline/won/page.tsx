import type { Metadata } from "next";
import Link from "next/link";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { periodOptions } from "@/components/dashboard/period-options";
import { Amount } from "@/components/ui/amount";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IgnoredParamsNotice } from "@/components/ui/ignored-params-notice";
import { can } from "@/lib/permissions";
import { fiscalYearOfMonth, monthKey } from "@/lib/period";
import { periodParam } from "@/lib/period-selection";
import { isIgnoredPeriod, readParam, type TSearchParams } from "@/lib/search-params";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { getWonByMonth } from "@/server/pipeline/won";
import { getTenantContext } from "@/server/tenant-context";
import { WonTable } from "./_components/won-table";

export const metadata: Metadata = { title: "Won by month" };

const link = "text-sm font-medium text-accent-700 hover:underline dark:text-accent-400";

/** Deals and amount won per close month and owner, for a fiscal year or quarter. Whoever sees the pipeline sees this. */
export default async function WonByMonthPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const given = readParam(await searchParams, "period");
  const [data, locale] = await Promise.all([getWonByMonth(ctx, given, await now()), getRequestLocale()]);
  const { organization, resolved, table } = data;
  const currency = organization.currency;
  const currentFy = fiscalYearOfMonth(monthKey(data.today.year, data.today.month), organization.fiscalYearStartMonth);
  const options = periodOptions(resolved, currentFy, data.fiscalYears);
  // This view reads a fiscal year or one of its quarters: no year-to-date, single months or ranges.
  const picker = { ...options, scopes: options.scopes.filter((s) => /^(fy|q)-/.test(s.value)) };
  const param = periodParam(resolved.period);
  const canWrite = can(ctx, "pipeline.write");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/pipeline`} className={link}>
          ← Pipeline
        </Link>
      </p>
      <PageHeader
        title="Won by month"
        description={`Deals won in ${resolved.label}, by close date and owner, in ${currency}. A deal counts in the month of its close date (for a CRM import, the CRM's close date).`}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <PeriodPicker key={param} {...picker} />
            <a href={`/o/${slug}/export/pipeline/won?period=${param}`} className={link} download>
              Export CSV
            </a>
          </div>
        }
      />
      <IgnoredParamsNotice names={isIgnoredPeriod(given, resolved.period) ? ["period"] : []} />
      {table.owners.length === 0 ? (
        <EmptyState
          title={`No deals won in ${resolved.label}`}
          action={
            canWrite
              ? { href: `/o/${slug}/pipeline/import`, label: "Import deals from your CRM" }
              : { href: `/o/${slug}/pipeline`, label: "Open the pipeline" }
          }
        >
          A deal appears here once it is at a won stage with a close date in {resolved.label}. Pick another fiscal year
          or quarter above
          {canWrite
            ? ", mark deals won on the pipeline, or import a CRM export with its won deals."
            : "; a sales manager marks deals won on the pipeline or imports them from the CRM."}
        </EmptyState>
      ) : (
        <Card
          title={`${resolved.label} by close month`}
          description={
            <span data-testid="won-summary">
              {table.total.count.toLocaleString(locale)} deal{table.total.count === 1 ? "" : "s"} won,{" "}
              <Amount minor={table.total.amountMinor} currency={currency} locale={locale} /> by close date; amounts in
              whole {currency}, the exact amount on hover and in the CSV.
            </span>
          }
        >
          <WonTable
            table={table}
            currency={currency}
            locale={locale}
            caption={`Deals and amount won in ${resolved.label} by owner and close month, in ${currency}`}
          />
        </Card>
      )}
    </>
  );
}
