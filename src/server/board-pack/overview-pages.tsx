import "server-only";
import { Page, View } from "@react-pdf/renderer";
import { headlineTiles, outlookText } from "@/lib/board-pack";
import { formatBp, formatDay, formatRatio } from "@/lib/format";
import { FORECAST_KIND_LABELS, formatCoverage } from "@/lib/forecast";
import { monthKey, monthLabel } from "@/lib/period";
import { throughLabel } from "@/lib/period-selection";
import { BridgePdfChart, TargetActualPdfChart } from "./charts";
import type { TBoardPack } from "./data";
import { COLORS, CONTENT_WIDTH, Footer, Heading, PageTitle, RAG_COLORS, StatusChip, styles, T, Table } from "./pdf-kit";

export type TPackMoney = {
  /** Exact, to the cent. */
  exact: (v: bigint | null, signed?: boolean) => string;
  compact: (v: bigint | null, signed?: boolean) => string;
};

type TPageProps = { pack: TBoardPack; money: TPackMoney; footer: string };

/** "62 %" from basis points, one decimal under 10 % (the dashboard's bridge headline). */
const share = (bp: number | null, locale: string) =>
  bp === null
    ? "—"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: Math.abs(bp) < 1000 ? 1 : 0 }).format(
        bp / 10_000,
      );

const BRIDGE_CHART_WIDTH = Math.round(CONTENT_WIDTH * 0.52);

const OUTLOOK_RAG = { ON_TRACK: "GREEN", AT_RISK: "AMBER", OFF_TRACK: "RED" } as const;

/** The dashboard's tiles for the range, each with its exact amount printed (a page has no hover). */
function Tiles({ pack }: { pack: TBoardPack }) {
  const tiles = headlineTiles(pack.dashboard, pack.locale);
  const gap = 6;
  const width = (CONTENT_WIDTH - gap * (tiles.length - 1)) / tiles.length;
  return (
    <View style={{ flexDirection: "row", gap, marginBottom: 10 }}>
      {tiles.map((tile) => (
        <View
          key={tile.testId}
          style={{ width, borderWidth: 0.75, borderColor: COLORS.rule, borderRadius: 3, padding: 6, minHeight: 64 }}
        >
          <T style={[styles.small, styles.bold]}>{tile.label}</T>
          {tile.outlook !== undefined ? (
            <T
              style={{
                marginTop: 4,
                fontSize: 12,
                fontFamily: "Helvetica-Bold",
                color: tile.outlook ? RAG_COLORS[OUTLOOK_RAG[tile.outlook]].text : COLORS.muted,
              }}
            >
              {outlookText(tile.outlook)}
            </T>
          ) : (
            <T style={{ marginTop: 3, fontSize: 14, fontFamily: "Helvetica-Bold" }}>{tile.value}</T>
          )}
          {tile.exact && tile.exact !== tile.value ? <T style={styles.small}>{tile.exact}</T> : null}
          {tile.detail ? <T style={[styles.small, { marginTop: 2 }]}>{tile.detail}</T> : null}
        </View>
      ))}
    </View>
  );
}

/** The outlook panel's figures: forecast against the annual target, the pipeline forecasts, coverage. */
function Outlook({ pack, money }: { pack: TBoardPack; money: TPackMoney }) {
  const d = pack.dashboard;
  const { locale } = pack;
  const row = (label: string, value: string) => (
    <View key={label} style={{ flexDirection: "row", justifyContent: "space-between", paddingVertical: 1.5 }}>
      <T style={styles.muted}>{label}</T>
      <T>{value}</T>
    </View>
  );
  const coverage = (label: string, c: { coverageBp: number | null; openMinor: bigint; gapMinor: bigint | null }) =>
    row(
      `Coverage ${label}`,
      `${formatCoverage(c.coverageBp, locale)} (${money.compact(c.openMinor)} open / ${money.compact(c.gapMinor)} to book)`,
    );
  const fy = `FY${d.resolved.fiscalYear}`;
  return (
    <View style={{ flexGrow: 1, paddingLeft: 14 }}>
      <T style={[styles.bold, { marginBottom: 4 }]}>{`Outlook ${fy}: ${outlookText(d.outlook)}`}</T>
      {row("Annual target", money.exact(d.annualTarget))}
      {row(`Forecast · ${FORECAST_KIND_LABELS[d.forecastKind].toLowerCase()}`, money.exact(d.forecast))}
      {row("Forecast / target", formatRatio(d.forecast, d.annualTarget, locale))}
      {row("Required per month", money.exact(d.requiredRunRate))}
      {d.pipeline ? (
        <View style={{ marginTop: 6 }}>
          <T
            style={styles.small}
          >{`From ${d.pipeline.openDeals} open deal${d.pipeline.openDeals === 1 ? "" : "s"} closing by year end, plus actual to date`}</T>
          {row("Commit", money.exact(d.pipeline.commit))}
          {row("Best case", money.exact(d.pipeline.bestCase))}
          {row("Weighted", money.exact(d.pipeline.weighted))}
        </View>
      ) : (
        <T style={[styles.small, { marginTop: 6 }]}>
          {`No open deals are expected to close after ${formatDay(d.asOfDate, locale)} within ${fy}: the forecast is the run rate of completed months.`}
        </T>
      )}
      <View style={{ marginTop: 6 }}>
        {d.coverage.quarter ? coverage(`Q${d.coverage.quarter.quarter} ${fy}`, d.coverage.quarter) : null}
        {coverage(fy, d.coverage.year)}
      </View>
      {d.staleDeals > 0 ? (
        <T
          style={[styles.small, { marginTop: 4 }]}
        >{`${d.staleDeals} open deal${d.staleDeals === 1 ? " is" : "s are"} past the close date.`}</T>
      ) : null}
      <T style={[styles.small, { marginTop: 6 }]}>
        {`On track at >= ${formatBp(pack.organization.onTrackThresholdBp, locale, 0)} of target, at risk at >= ${formatBp(pack.organization.atRiskThresholdBp, locale, 0)}, off track below.`}
      </T>
    </View>
  );
}

export function HeadlinePage({ pack, money, footer }: TPageProps) {
  const d = pack.dashboard;
  const chartWidth = Math.round(CONTENT_WIDTH * 0.64);
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <PageTitle
        title="The numbers"
        subtitle={`${d.resolved.label}, as of ${formatDay(d.asOfDate, pack.locale)}. Amounts in ${pack.organization.currency}.`}
      />
      <Tiles pack={pack} />
      <View style={{ flexDirection: "row" }}>
        <View style={{ width: chartWidth }}>
          <T style={[styles.bold, { marginBottom: 4 }]}>
            {`Target versus actual, ${d.resolved.label}, in ${pack.organization.currency}`}
          </T>
          <TargetActualPdfChart
            rows={d.rows}
            labels={d.rows.map((r) => monthLabel(r.month, { withYear: d.resolved.months.length > 12 }))}
            hasProjections={d.hasProjections}
            hasPipeline={d.pipeline !== null}
            currency={pack.organization.currency}
            locale={pack.locale}
            width={chartWidth}
          />
          <T style={styles.small}>
            {d.hasProjections
              ? d.pipeline
                ? "Projections: actual so far plus open deals in the month they are expected to close (commit dotted, best case dashed, weighted dash-dot)."
                : "Projection: the run rate of completed months (dash-dot)."
              : "The month in progress, if any, is drawn pale and outlined: its actual is so far."}
          </T>
        </View>
        <Outlook pack={pack} money={money} />
      </View>
      <Footer left={footer} />
    </Page>
  );
}

/** The bridge's steps as a table: amount and running total, exact, then the check row. */
export function BridgeTable({ pack, money, full }: { pack: TBoardPack; money: TPackMoney; full: boolean }) {
  const { bridge } = pack.bridge;
  if (!bridge) return null;
  const sum = bridge.targetMinor + bridge.attributedMinor + bridge.unattributedMinor;
  const difference = sum - bridge.actualMinor;
  const hasPending = bridge.steps.some((s) => (s.pendingMinor ?? 0n) !== 0n);
  const columns = [
    { header: "Step", width: 3 },
    { header: "Amount", width: 1.6, align: "right" as const },
    { header: "Running total", width: 1.6, align: "right" as const },
    ...(full
      ? [
          { header: "From contributions", width: 1.6, align: "right" as const },
          { header: "From lost and slipped deals", width: 1.8, align: "right" as const },
          ...(hasPending ? [{ header: "Claimed, awaiting finance", width: 1.6, align: "right" as const }] : []),
        ]
      : []),
  ];
  return (
    <Table
      columns={columns}
      rows={bridge.steps.map((s) => {
        const isChange = s.kind === "department" || s.kind === "unattributed";
        const note =
          s.kind === "unattributed"
            ? " (not traced to a department)"
            : s.kind === "department" && s.amountMinor !== 0n
              ? s.amountMinor < 0n
                ? " (hurt revenue)"
                : " (helped revenue)"
              : "";
        const dept = s.kind === "department";
        return {
          key: `${s.kind}-${s.departmentId ?? s.label}`,
          bold: !isChange,
          cells: [
            `${s.label}${note}`,
            money.exact(s.amountMinor, isChange),
            money.exact(s.endMinor),
            ...(full
              ? [
                  dept ? money.exact(s.contributionsMinor ?? 0n, true) : "",
                  dept ? money.exact(s.pipelineMinor ?? 0n, true) : "",
                  ...(hasPending
                    ? [dept && (s.pendingMinor ?? 0n) !== 0n ? money.exact(s.pendingMinor ?? 0n, true) : ""]
                    : []),
                ]
              : []),
          ],
        };
      })}
      footer={{
        cells: [
          "Check: target + departments + unattributed",
          money.exact(sum),
          difference === 0n
            ? "= actual, balances to the cent"
            : `differs from the actual by ${money.exact(difference, true)}`,
        ],
      }}
    />
  );
}

/** target − actual = gap, and the same gap as the departments' part and the unattributed rest, exactly. */
function BalancingLine({ pack, money }: { pack: TBoardPack; money: TPackMoney }) {
  const { bridge } = pack.bridge;
  if (!bridge) return null;
  const gap = bridge.targetMinor - bridge.actualMinor;
  return (
    <View style={{ backgroundColor: COLORS.surface, padding: 6, marginVertical: 6 }} wrap={false}>
      <T style={styles.bold}>
        {`Target ${money.exact(bridge.targetMinor)} - actual ${money.exact(bridge.actualMinor)} = gap ${money.exact(gap)}`}
      </T>
      <T style={styles.muted}>
        {`Target ${money.exact(bridge.targetMinor)} + departments ${money.exact(bridge.attributedMinor, true)} + unattributed ${money.exact(bridge.unattributedMinor, true)} = actual ${money.exact(bridge.actualMinor)}`}
      </T>
    </View>
  );
}

export function BridgePage({ pack, money, footer }: TPageProps) {
  const d = pack.dashboard;
  const b = pack.bridge;
  const through = b.months.length ? `${monthLabel(b.months[0]!)} – ${monthLabel(b.months.at(-1)!)}` : "";
  const isToDate = b.months.length < d.resolved.months.length;
  const traced = b.traced;
  // The dashboard's headline, in its words (accountability-cards.tsx TracedHeadline).
  const rangeText = isToDate
    ? `to date (${throughLabel(b.months, monthKey(d.today.year, d.today.month)) ?? ""})`
    : `in ${d.resolved.label}`;
  const what =
    traced && traced.gapMinor !== 0n
      ? traced.gapMinor > 0n
        ? `the ${money.compact(traced.gapMinor)} shortfall ${rangeText}`
        : `the ${money.compact(-traced.gapMinor)} lead over plan ${rangeText}`
      : "";
  const headline =
    !traced || traced.gapMinor === 0n || traced.totalBp === null
      ? `Actual matches plan ${rangeText}: there is no gap to explain.`
      : traced.confirmedMinor === 0n && traced.claimedMinor === 0n
        ? `No department has explained any of ${what} yet.`
        : `${share(traced.totalBp, pack.locale)} of ${what} is explained by departments (${share(traced.confirmedBp, pack.locale)} confirmed, ${share(traced.claimedBp, pack.locale)} claimed and awaiting finance).`;
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <PageTitle
        title="Gap bridge"
        subtitle={`Who explains the gap. ${d.resolved.label}${isToDate && through ? `, completed months only (${through})` : ""}: from target to actual through each department's revenue impact. Counts confirmed contributions and charged deals; claims awaiting finance are not counted.`}
      />
      {b.months.length === 0 ? (
        <T>{`No month of ${d.resolved.label} has ended yet: the bridge traces completed months only.`}</T>
      ) : !b.bridge ? (
        <T>{`No targets for ${d.resolved.label} yet: the bridge runs from the period's target to its actual.`}</T>
      ) : (
        <>
          <T style={{ fontSize: 11, fontFamily: "Helvetica-Bold", marginBottom: 4 }}>{headline}</T>
          {b.claimedMinor !== 0n ? (
            <T style={styles.muted}>
              {`Awaiting finance: ${money.exact(b.claimedMinor, true)} claimed by ${b.claimedDepartments} department${b.claimedDepartments === 1 ? "" : "s"}, not counted below.`}
            </T>
          ) : null}
          {b.unexplainedRed.length ? (
            <T style={styles.muted}>
              {`Red without a why: ${b.unexplainedRed.map((r) => `${r.name} (${r.months.map((m) => monthLabel(m, { withYear: false })).join(", ")})`).join("; ")}.`}
            </T>
          ) : null}
          <BalancingLine pack={pack} money={money} />
          {/* The waterfall beside its exact table, so a long list of departments still fits one page. */}
          <View style={{ flexDirection: "row", gap: 14, marginTop: 4 }}>
            <BridgePdfChart
              bridge={b.bridge}
              currency={pack.organization.currency}
              locale={pack.locale}
              width={BRIDGE_CHART_WIDTH}
            />
            <View style={{ flexGrow: 1, flexBasis: 0 }}>
              <BridgeTable pack={pack} money={money} full={false} />
            </View>
          </View>
        </>
      )}
      <Footer left={footer} />
    </Page>
  );
}

export function HeatMapPage({ pack, money, footer }: TPageProps) {
  const d = pack.dashboard;
  const months = d.resolved.yearMonths;
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <PageTitle
        title="Department status by month"
        subtitle={`FY${d.resolved.fiscalYear}: each department's worst KPI per month and its revenue impact that month, as of ${monthLabel(d.resolved.asOf.month)}.`}
      />
      {pack.heatMap.length === 0 ? (
        <T>No departments yet.</T>
      ) : (
        <Table
          columns={[
            { header: "Department", width: 2.4 },
            ...months.map((m) => ({ header: monthLabel(m, { withYear: false }), width: 1 })),
          ]}
          rows={pack.heatMap.map((row) => ({
            key: row.departmentId,
            cells: [
              row.name,
              ...row.cells.map((c) =>
                c.isFuture ? (
                  <T key={c.month} style={[styles.muted, { fontSize: 7.5 }]}>
                    not yet
                  </T>
                ) : (
                  <View key={c.month}>
                    <StatusChip rag={c.status} size={7.5} />
                    {c.impactMinor || c.claimedMinor ? (
                      <T style={[styles.small, { fontSize: 6.5 }]}>
                        {`${c.impactMinor ? money.compact(c.impactMinor, true) : "+/-0"}${c.claimedMinor ? "*" : ""}`}
                      </T>
                    ) : null}
                    {c.reviewed ? <T style={[styles.small, { fontSize: 6.5 }]}>reviewed</T> : null}
                  </View>
                ),
              ),
            ],
          }))}
        />
      )}
      <T style={[styles.small, { marginTop: 6 }]}>
        Status is the worst KPI of the month: Green, Amber or Red; "Not rated": no KPI value with a target that month.
        Under it, the month's revenue impact as the bridge counts it; * more is claimed, awaiting finance.
      </T>
      <Heading>Commitment accuracy</Heading>
      <T style={[styles.small, { marginBottom: 4 }]}>
        All time, per department: commitments done or missed, and the revenue impact delivered against what was
        promised.
      </T>
      {pack.accuracy.length === 0 ? (
        <T style={styles.muted}>No commitments yet.</T>
      ) : (
        <Table
          columns={[
            { header: "Department", width: 2.4 },
            { header: "Done", width: 0.8, align: "right" },
            { header: "Missed", width: 0.8, align: "right" },
            { header: "Hit rate", width: 1, align: "right" },
            { header: "Delivered", width: 1.6, align: "right" },
            { header: "Promised", width: 1.6, align: "right" },
            { header: "Open", width: 0.8, align: "right" },
            { header: "Overdue", width: 0.8, align: "right" },
          ]}
          rows={pack.accuracy.map((r) => ({
            key: r.departmentId,
            cells: [
              r.name,
              String(r.accuracy.done),
              String(r.accuracy.missed),
              formatBp(r.accuracy.hitRateBp, pack.locale, 0),
              money.exact(r.accuracy.deliveredMinor),
              money.exact(r.accuracy.promisedMinor),
              String(r.accuracy.open),
              String(r.accuracy.overdue),
            ],
          }))}
        />
      )}
      <Footer left={footer} />
    </Page>
  );
}
