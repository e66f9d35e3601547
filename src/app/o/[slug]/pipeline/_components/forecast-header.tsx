import Link from "next/link";
import { formatCoverage, type TRangeCoverage } from "@/lib/forecast";
import { formatMoney } from "@/lib/money";

type TProps = {
  slug: string;
  currency: string;
  locale: string;
  quarter: { key: string; label: string; coverage: TRangeCoverage };
  staleCount: number;
};

const tile = "min-w-0 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
const link = "font-medium text-accent-700 underline dark:text-accent-400";

/**
 * What a sales manager acts on, above the deals: whether this quarter's open deals cover what is
 * still to book, and which open deals are past their close date. The year's forecast (actual YTD,
 * commit, best case, weighted) is the dashboard's; the table below totals the deals per category.
 */
export function ForecastHeader({ slug, currency, locale, quarter, staleCount }: TProps) {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  const { openMinor, gapMinor, coverageBp, noAmountCount } = quarter.coverage;
  const detail =
    gapMinor === null
      ? `No target for ${quarter.label}: ${money(openMinor)} open closes in it`
      : gapMinor <= 0n
        ? `Target reached; ${money(openMinor)} still open closes in it`
        : `${money(openMinor)} open closing in it against ${money(gapMinor)} still to book`;
  return (
    <section aria-label="What to act on" className="mb-6">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className={tile} data-testid="pipeline-coverage">
          <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{quarter.label} coverage</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{formatCoverage(coverageBp, locale)}</dd>
          <dd className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {detail}
            {noAmountCount > 0 &&
              ` (${noAmountCount.toLocaleString(locale)} ${noAmountCount === 1 ? "deal" : "deals"} without an amount left out)`}
            .{" "}
            <Link href={`/o/${slug}/pipeline?quarter=${quarter.key}&sort=close`} className={link}>
              The quarter&apos;s deals
            </Link>
          </dd>
        </div>
        <div className={tile} data-testid="pipeline-stale">
          <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Stale deals</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">
            {staleCount > 0 ? (
              <Link
                href={`/o/${slug}/pipeline?stale=1&sort=close`}
                className="text-amber-800 underline dark:text-amber-300"
              >
                {staleCount.toLocaleString(locale)} stale
              </Link>
            ) : (
              "None"
            )}
          </dd>
          <dd className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            Open, with a close date already passed: move the date, win or lose them.
          </dd>
        </div>
      </dl>
    </section>
  );
}
