import { OutlookBadge } from "@/components/dashboard/outlook-badge";
import { Tile } from "@/components/dashboard/tile";
import { formatRatio } from "@/lib/format";
import { FORECAST_KIND_LABELS } from "@/lib/forecast";
import { formatMoney } from "@/lib/money";
import { fiscalYearLabel, monthKey, monthLabel } from "@/lib/period";
import { throughLabel } from "@/lib/period-selection";
import type { TDashboard } from "@/server/dashboard/dashboard";

/**
 * The row of headline tiles (DESIGN.md "The numbers"). A period that reaches today reads "to date":
 * its completed months against their target, the month in progress on its own (actual so far, day d
 * of n), and what is still to book for the year. A period that has ended (or not begun) reads whole.
 * Tiles are compact, with the exact amount on hover and for screen readers; each names its months.
 */
export function HeadlineTiles({ data, locale }: { data: TDashboard; locale: string }) {
  const { resolved, organization: org, range, toDate, monthInProgress } = data;
  const money = (v: bigint | null, compact = true) =>
    v === null ? "—" : formatMoney(v, org.currency, { locale, compact });
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const fy = fiscalYearLabel(resolved.fiscalYear);
  const todayMonth = monthKey(data.today.year, data.today.month);
  const isPastAsOf = resolved.asOf.month < todayMonth;
  const asOfNote = isPastAsOf ? `, as of ${monthLabel(resolved.asOf.month)}` : "";
  const yearTiles = (
    <>
      <Tile
        testId="tile-forecast"
        label={`Forecast ${fy}`}
        value={money(data.forecast)}
        exact={money(data.forecast, false)}
        detail={
          data.forecast === null
            ? "After the first month completes"
            : `${FORECAST_KIND_LABELS[data.forecastKind]}${asOfNote}`
        }
      />
      <Tile
        testId="tile-run-rate"
        label="Required per month"
        value={money(data.requiredRunRate)}
        exact={money(data.requiredRunRate, false)}
        detail={
          data.requiredRunRate === null
            ? data.annualTarget === null
              ? `No target for ${fy}`
              : "No months left"
            : `For the rest of ${fy}${asOfNote}`
        }
      />
      <div
        className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
        data-testid="tile-outlook"
      >
        <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Outlook {fy}</dt>
        <dd className="mt-2">
          <OutlookBadge outlook={data.outlook} />
        </dd>
      </div>
    </>
  );

  if (monthInProgress) {
    const through = throughLabel(resolved.toDateMonths, todayMonth);
    const gap = toDate.gap;
    const month = monthLabel(monthInProgress.month, { long: true, withYear: false });
    return (
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7" data-testid="headline-tiles">
        <Tile
          testId="tile-to-date"
          label={gap === null ? "Plan to date" : gap > 0n ? "Behind plan to date" : "Ahead of plan to date"}
          value={gap === null ? "—" : money(abs(gap))}
          exact={gap === null ? undefined : money(abs(gap), false)}
          detail={
            !through
              ? `No month of ${resolved.label} has ended yet`
              : gap === null
                ? `No target ${through}`
                : `${through} · ${formatRatio(toDate.actual, toDate.target, locale)} of plan`
          }
        />
        <Tile
          testId="tile-actual"
          label="Actual to date"
          value={through ? money(toDate.actual) : "—"}
          exact={through ? money(toDate.actual, false) : undefined}
          detail={
            through
              ? toDate.target === null
                ? through
                : `against ${money(toDate.target)} plan ${through}`
              : "Completed months only"
          }
        />
        <Tile
          testId="tile-month"
          label={`${month} so far`}
          value={money(monthInProgress.actualMinor)}
          exact={money(monthInProgress.actualMinor, false)}
          detail={`${monthInProgress.targetMinor === null ? "No target" : `of ${money(monthInProgress.targetMinor)} target`} · day ${monthInProgress.day} of ${monthInProgress.daysInMonth}`}
        />
        <Tile
          testId="tile-still-to-book"
          label={data.stillToBook !== null && data.stillToBook <= 0n ? `${fy} target reached` : `Still to book ${fy}`}
          value={data.stillToBook === null ? "—" : money(abs(data.stillToBook))}
          exact={data.stillToBook === null ? undefined : money(data.stillToBook, false)}
          detail={
            data.annualTarget === null
              ? `No target for ${fy}`
              : data.stillToBook !== null && data.stillToBook < 0n
                ? "above the annual target"
                : `of ${money(data.annualTarget)} annual target`
          }
        />
        {yearTiles}
      </dl>
    );
  }

  const label = resolved.label;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7" data-testid="headline-tiles">
      <Tile
        testId="tile-target"
        label={`Target · ${label}`}
        value={money(range.target)}
        exact={money(range.target, false)}
        detail={range.target === null ? "Not set" : undefined}
      />
      <Tile
        testId="tile-actual"
        label={`Actual · ${label}`}
        value={resolved.isFuture ? "—" : money(range.actual)}
        exact={resolved.isFuture ? undefined : money(range.actual, false)}
        detail={resolved.isFuture ? "Not started" : undefined}
      />
      <Tile
        testId="tile-gap"
        label={range.gap !== null && range.gap < 0n ? "Ahead of target" : "Gap"}
        value={resolved.isFuture ? "—" : money(range.gap === null ? null : abs(range.gap))}
        exact={resolved.isFuture ? undefined : money(range.gap, false)}
        detail={
          range.gap === null || resolved.isFuture
            ? undefined
            : `${formatRatio(abs(range.gap), range.target, locale)} of target`
        }
      />
      <Tile
        testId="tile-attainment"
        label="Attainment"
        value={resolved.isFuture ? "—" : formatRatio(range.actual, range.target, locale)}
      />
      {yearTiles}
    </dl>
  );
}
