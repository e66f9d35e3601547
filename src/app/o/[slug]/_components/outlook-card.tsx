import Link from "next/link";
import { Card } from "@/components/ui/card";
import { OutlookBadge } from "@/components/dashboard/outlook-badge";
import { formatBp, formatDay, formatRatio } from "@/lib/format";
import { FORECAST_KIND_LABELS, formatCoverage, type TRangeCoverage, type TForecastKind } from "@/lib/forecast";
import { formatMoney } from "@/lib/money";
import type { TDashboard } from "@/server/dashboard/dashboard";

const dt = "text-zinc-500 dark:text-zinc-400";
const dd = "text-right font-medium tabular-nums";

/** One coverage line: the multiple, then what it is made of, in words. */
function CoverageRow({
  label,
  coverage,
  money,
  locale,
  testId,
}: {
  label: string;
  coverage: TRangeCoverage;
  money: (v: bigint | null) => string;
  locale: string;
  testId: string;
}) {
  const { openMinor, gapMinor, coverageBp, noAmountCount } = coverage;
  const base =
    gapMinor === null
      ? "No target to cover"
      : gapMinor <= 0n
        ? `Target already reached; ${money(openMinor)} still open`
        : `${money(openMinor)} open against ${money(gapMinor)} still to book`;
  const detail =
    noAmountCount > 0
      ? `${base} (${noAmountCount.toLocaleString(locale)} ${noAmountCount === 1 ? "deal" : "deals"} without an amount left out)`
      : base;
  return (
    <div className="flex items-baseline justify-between gap-3" data-testid={testId}>
      <div>
        <div className={dt}>{label}</div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">{detail}</div>
      </div>
      <div className={dd}>{formatCoverage(coverageBp, locale)}</div>
    </div>
  );
}

/**
 * The outlook panel: the headline forecast against the annual target, the three pipeline forecasts,
 * pipeline coverage of the quarter and year, and how many open deals are past their close date.
 */
export function OutlookCard({
  slug,
  data,
  locale,
  fy,
  asOfText,
}: {
  slug: string;
  data: TDashboard;
  locale: string;
  fy: string;
  asOfText: string;
}) {
  const { organization: org, pipeline, coverage } = data;
  // Whole currency units, as in every CEO table; the exact amount is on hover.
  const money = (v: bigint | null, compact = false) =>
    v === null ? "—" : formatMoney(v, org.currency, { locale, compact, whole: !compact });
  const exact = (v: bigint | null) => (v === null ? undefined : formatMoney(v, org.currency, { locale }));
  const ofTarget = (v: bigint) => formatRatio(v, data.annualTarget, locale);
  const rows: [string, bigint, string, TForecastKind][] = pipeline
    ? [
        ["Commit", pipeline.commit, "forecast-commit", "COMMIT"],
        ["Best case", pipeline.bestCase, "forecast-best-case", "BEST_CASE"],
        ["Weighted", pipeline.weighted, "forecast-weighted", "WEIGHTED"],
      ]
    : [];
  return (
    <Card title="Outlook" description={`${fy} full year, ${asOfText}`}>
      <div className="space-y-4 text-sm">
        <OutlookBadge outlook={data.outlook} />
        <dl className="grid grid-cols-2 gap-y-2">
          <dt className={dt}>Annual target</dt>
          <dd className={dd} title={exact(data.annualTarget)}>
            {money(data.annualTarget)}
          </dd>
          <dt className={dt}>Forecast · {FORECAST_KIND_LABELS[data.forecastKind].toLowerCase()}</dt>
          <dd className={dd} data-testid="outlook-forecast" title={exact(data.forecast)}>
            {money(data.forecast)}
          </dd>
          <dt className={dt}>Forecast / target</dt>
          <dd className={dd}>{formatRatio(data.forecast, data.annualTarget, locale)}</dd>
          <dt className={dt}>Required per month</dt>
          <dd className={dd} title={exact(data.requiredRunRate)}>
            {money(data.requiredRunRate)}
          </dd>
        </dl>

        {pipeline ? (
          <table className="w-full" data-testid="pipeline-forecasts">
            <caption className="mb-1 text-left text-xs font-medium text-zinc-500 dark:text-zinc-400">
              From {pipeline.openDeals === 1 ? "1 open deal" : `${pipeline.openDeals} open deals`} closing by year end,
              plus actual to date
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Forecast</th>
                <th scope="col">Amount</th>
                <th scope="col">Of target</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value, testId, kind]) => (
                <tr key={label} data-testid={testId}>
                  <th scope="row" className={`py-0.5 text-left font-normal ${dt}`}>
                    {label}
                    {kind === data.forecastKind && <span className="text-xs"> (headline)</span>}
                  </th>
                  <td className={dd} title={exact(value)}>
                    {money(value)}
                  </td>
                  <td className={`w-16 ${dd} text-zinc-500`}>{ofTarget(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            No open deals are expected to close after {formatDay(data.asOfDate, locale)} within {fy}, so the forecast is
            the run rate of completed months.{" "}
            <Link
              href={`/o/${slug}/pipeline`}
              className="font-medium text-accent-600 hover:underline dark:text-accent-400"
            >
              Add deals to the pipeline
            </Link>{" "}
            to forecast from them.
          </p>
        )}

        <div className="space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <div className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Pipeline coverage</div>
          {coverage.quarter && (
            <CoverageRow
              label={`Q${coverage.quarter.quarter} ${fy}`}
              coverage={coverage.quarter}
              money={money}
              locale={locale}
              testId="coverage-quarter"
            />
          )}
          <CoverageRow label={fy} coverage={coverage.year} money={money} locale={locale} testId="coverage-year" />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Open deals expected to close in the range, divided by what is still to book: its target minus its actual so
            far.
          </p>
        </div>

        {data.staleDeals > 0 && (
          <p data-testid="stale-deals">
            <Link
              href={`/o/${slug}/pipeline?stale=1`}
              className="font-medium text-accent-600 hover:underline dark:text-accent-400"
            >
              {data.staleDeals === 1 ? "1 open deal is" : `${data.staleDeals} open deals are`} past the close date
            </Link>{" "}
            <span className="text-zinc-500">— update them to keep the forecast honest.</span>
          </p>
        )}

        <p className="text-xs text-zinc-500">
          On track at ≥ {formatBp(org.onTrackThresholdBp, locale, 0)} of target, at risk at ≥{" "}
          {formatBp(org.atRiskThresholdBp, locale, 0)}, off track below, judged on the{" "}
          {FORECAST_KIND_LABELS[data.forecastKind].toLowerCase()} forecast.
        </p>
      </div>
    </Card>
  );
}
