import "server-only";
import { Circle, Line, Path, Rect, Svg, View } from "@react-pdf/renderer";
import { axisTicks, bridgeAxisFloor } from "@/lib/board-pack";
import type { TBridge } from "@/lib/bridge";
import type { TMonthRow } from "@/lib/dashboard-rows";
import { formatMoney } from "@/lib/money";
import { COLORS, T } from "./pdf-kit";

// The dashboard's two charts as vector graphics, from the same rows and bridge the dashboard draws:
// shapes in an Svg, labels as real text laid over it (so they extract and use the page's font).

const LABEL = { fontSize: 7, color: COLORS.muted } as const;
const AXIS_WIDTH = 52;

type TMoney = (v: number) => string;

/** A label at (x, y) over a chart: anchored at its start, middle or end. */
function Label({
  x,
  y,
  text,
  anchor = "start",
  width = 80,
  bold,
}: {
  x: number;
  y: number;
  text: string;
  anchor?: "start" | "middle" | "end";
  width?: number;
  bold?: boolean;
}) {
  const left = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  const align = anchor === "start" ? "left" : anchor === "middle" ? "center" : "right";
  return (
    <View style={{ position: "absolute", left, top: y - 4, width }}>
      <T style={[LABEL, { textAlign: align }, bold ? { fontFamily: "Helvetica-Bold", color: COLORS.text } : {}]}>
        {text}
      </T>
    </View>
  );
}

/** A value axis: gridlines across the plot and tick labels in the organization's currency. */
function scaleOf(values: number[], top: number, height: number) {
  const ticks = axisTicks(Math.min(0, ...values), Math.max(0, ...values), 4);
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  const y = (v: number) => top + height - ((v - lo) / (hi - lo || 1)) * height;
  return { ticks, y };
}

const pathOf = (points: [number, number][]) =>
  points.map(([x, y], i) => `${i === 0 ? "M" : "L"} ${x.toFixed(2)} ${y.toFixed(2)}`).join(" ");

const num = (v: bigint | null) => (v === null ? null : Number(v));

/**
 * Target versus actual, as on the dashboard: each month's target and actual as bars, then the
 * cumulative lines (with the projections to year end on a full year). The month in progress is drawn
 * pale and outlined, and labelled "so far".
 */
export function TargetActualPdfChart({
  rows,
  labels,
  hasProjections,
  hasPipeline,
  currency,
  locale,
  width,
}: {
  rows: TMonthRow[];
  labels: string[];
  hasProjections: boolean;
  hasPipeline: boolean;
  currency: string;
  locale: string;
  width: number;
}) {
  const money: TMoney = (v) => formatMoney(BigInt(Math.round(v)), currency, { locale, compact: true });
  const projections = !hasProjections
    ? []
    : hasPipeline
      ? [
          { key: "commitCumulative" as const, name: "Commit", color: COLORS.commit, dash: "2 3" },
          { key: "bestCaseCumulative" as const, name: "Best case", color: COLORS.bestCase, dash: "8 3" },
          { key: "weightedCumulative" as const, name: "Weighted", color: COLORS.forecast, dash: "6 2 2 2" },
        ]
      : [{ key: "forecastCumulative" as const, name: "Forecast", color: COLORS.forecast, dash: "6 2 2 2" }];
  const right = projections.length ? 96 : 8;
  const plotW = width - AXIS_WIDTH - right;
  const band = plotW / Math.max(1, rows.length);
  const xMid = (i: number) => AXIS_WIDTH + band * (i + 0.5);
  const barW = Math.min(12, band * 0.32);

  const barsH = 110;
  const bars = scaleOf(
    rows.flatMap((r) => [num(r.target), num(r.actual)].filter((v): v is number => v !== null)),
    8,
    barsH,
  );
  const linesTop = barsH + 44;
  const linesH = 120;
  const series = (key: keyof TMonthRow) => rows.map((r) => num(r[key] as bigint | null));
  const lineKeys = ["cumulativeTarget", "cumulativeActual", ...projections.map((p) => p.key)] as const;
  const lines = scaleOf(
    lineKeys.flatMap((k) => series(k).filter((v): v is number => v !== null)),
    linesTop,
    linesH,
  );
  const height = linesTop + linesH + 16;
  const polyline = (values: (number | null)[]) =>
    pathOf(values.flatMap((v, i) => (v === null ? [] : [[xMid(i), lines.y(v)] as [number, number]])));
  // End labels of the projections, pushed apart when two lines end close together.
  const taken: number[] = [];
  const endLabels = projections.flatMap((p) => {
    const last = series(p.key).at(-1);
    if (last === null || last === undefined) return [];
    let y = lines.y(last);
    for (const other of [...taken].sort((a, b) => a - b)) if (Math.abs(other - y) < 9) y = other + 9;
    taken.push(y);
    return [{ ...p, y, text: `${p.name} ${money(last)}` }];
  });

  return (
    <View style={{ width, height, position: "relative" }}>
      <Svg width={width} height={height}>
        {[
          { name: "bars", s: bars },
          { name: "lines", s: lines },
        ].flatMap(({ name, s }) =>
          s.ticks.map((t) => (
            <Line
              key={`grid-${name}-${t}`}
              x1={AXIS_WIDTH}
              x2={AXIS_WIDTH + plotW}
              y1={s.y(t)}
              y2={s.y(t)}
              stroke={t === 0 ? COLORS.faint : COLORS.rule}
              strokeWidth={0.5}
            />
          )),
        )}
        {rows.map((r, i) => {
          const target = num(r.target);
          const actual = num(r.actual);
          const zero = bars.y(0);
          return [
            target === null ? null : (
              <Rect
                key={`t-${r.month}`}
                x={xMid(i) - barW - 0.5}
                y={Math.min(zero, bars.y(target))}
                width={barW}
                height={Math.abs(zero - bars.y(target))}
                fill={COLORS.target}
              />
            ),
            actual === null ? null : (
              <Rect
                key={`a-${r.month}`}
                x={xMid(i) + 0.5}
                y={Math.min(zero, bars.y(actual))}
                width={barW}
                height={Math.abs(zero - bars.y(actual))}
                fill={COLORS.accent}
                fillOpacity={r.isInProgress ? 0.3 : 1}
                stroke={r.isInProgress ? COLORS.accent : undefined}
                strokeWidth={r.isInProgress ? 1 : 0}
              />
            ),
          ];
        })}
        {[
          { key: "cumulativeTarget" as const, color: COLORS.cumulativeTarget, width: 1.5, dash: undefined },
          { key: "cumulativeActual" as const, color: COLORS.accent, width: 2, dash: undefined },
          ...projections.map((p) => ({ key: p.key, color: p.color, width: 1.5, dash: p.dash })),
        ].map((line) => {
          const d = polyline(series(line.key));
          // A line needs two points; a lone month is its dot.
          return d.includes("L") ? (
            <Path
              key={line.key}
              d={d}
              stroke={line.color}
              strokeWidth={line.width}
              strokeDasharray={line.dash}
              fill="none"
            />
          ) : null;
        })}
        {series("cumulativeActual").map((v, i) =>
          v === null ? null : (
            <Circle key={`dot-${rows[i]?.month}`} cx={xMid(i)} cy={lines.y(v)} r={1.8} fill={COLORS.accent} />
          ),
        )}
      </Svg>
      <Label x={AXIS_WIDTH} y={2} text="Each month: target (grey) and actual (indigo)" width={plotW} bold />
      <Label x={AXIS_WIDTH} y={linesTop - 8} text="Cumulative: target (grey) and actual (indigo)" width={plotW} bold />
      {[
        { name: "bars", s: bars },
        { name: "lines", s: lines },
      ].flatMap(({ name, s }) =>
        s.ticks.map((t) => (
          <Label key={`tick-${name}-${t}`} x={AXIS_WIDTH - 4} y={s.y(t)} text={money(t)} anchor="end" width={48} />
        )),
      )}
      {rows.map((r, i) => [
        <Label
          key={`m1-${r.month}`}
          x={xMid(i)}
          y={8 + barsH + 8}
          text={r.isInProgress ? `${labels[i]} so far` : (labels[i] ?? "")}
          anchor="middle"
          width={band + 6}
        />,
        <Label
          key={`m2-${r.month}`}
          x={xMid(i)}
          y={linesTop + linesH + 8}
          text={labels[i] ?? ""}
          anchor="middle"
          width={band + 6}
        />,
      ])}
      {endLabels.map((l) => (
        <Label key={l.key} x={AXIS_WIDTH + plotW + 4} y={l.y} text={l.text} width={right - 4} />
      ))}
    </View>
  );
}

/**
 * The gap bridge as a waterfall of horizontal bars: target, each department's net impact (hurt in
 * magenta, helped in cyan), the unattributed rest, actual; each row with its signed amount.
 */
export function BridgePdfChart({
  bridge,
  currency,
  locale,
  width,
}: {
  bridge: TBridge;
  currency: string;
  locale: string;
  width: number;
}) {
  const compact = (v: bigint, signed: boolean) =>
    formatMoney(v, currency, { locale, compact: true, signDisplay: signed ? "exceptZero" : "auto" });
  const labelW = 100;
  const amountW = 52;
  const plotW = width - labelW - amountW;
  const rowH = 18;
  const steps = bridge.steps;
  const floor = bridgeAxisFloor(
    steps.filter((s) => s.kind === "target" || s.kind === "actual").map((s) => Number(s.endMinor)),
    steps
      .filter((s) => s.kind === "department" || s.kind === "unattributed")
      .flatMap((s) => [Number(s.startMinor), Number(s.endMinor)]),
  );
  const values = steps.flatMap((s) => [Number(s.startMinor), Number(s.endMinor)]);
  const ticks = axisTicks(floor, Math.max(...values), 5).filter((t) => t >= floor);
  const lo = Math.min(floor, ...values.filter((v) => v < floor), ticks[0] ?? 0);
  const hi = Math.max(...values, ticks.at(-1) ?? 0);
  const x = (v: number) => labelW + ((v - lo) / (hi - lo || 1)) * plotW;
  const height = steps.length * rowH + 20;
  const fill = (kind: string, start: bigint, end: bigint) =>
    kind === "target"
      ? COLORS.target
      : kind === "actual"
        ? COLORS.accent
        : kind === "unattributed"
          ? COLORS.faint
          : end < start
            ? COLORS.taints
            : COLORS.purifies;
  return (
    <View style={{ width, height, position: "relative" }}>
      <Svg width={width} height={height}>
        {ticks.map((t) => (
          <Line
            key={`g-${t}`}
            x1={x(t)}
            x2={x(t)}
            y1={0}
            y2={steps.length * rowH}
            stroke={COLORS.rule}
            strokeWidth={0.5}
          />
        ))}
        {steps.map((s, i) => {
          const from = s.kind === "target" || s.kind === "actual" ? Math.max(lo, 0) : Number(s.startMinor);
          const a = x(Math.min(from, Number(s.endMinor)));
          const b = x(Math.max(from, Number(s.endMinor)));
          return (
            <Rect
              key={`${s.kind}-${s.departmentId ?? s.label}`}
              x={a}
              y={i * rowH + 3}
              width={Math.max(0.75, b - a)}
              height={rowH - 6}
              fill={fill(s.kind, s.startMinor, s.endMinor)}
            />
          );
        })}
      </Svg>
      {steps.map((s, i) => {
        const isChange = s.kind === "department" || s.kind === "unattributed";
        return [
          <Label
            key={`l-${s.kind}-${s.departmentId ?? s.label}`}
            x={0}
            y={i * rowH + rowH / 2}
            text={s.label}
            width={labelW - 6}
            bold={!isChange}
          />,
          <Label
            key={`v-${s.kind}-${s.departmentId ?? s.label}`}
            x={width}
            y={i * rowH + rowH / 2}
            text={compact(s.amountMinor, isChange)}
            anchor="end"
            width={amountW - 4}
          />,
        ];
      })}
      {ticks.map((t) => (
        <Label
          key={`t-${t}`}
          x={x(t)}
          y={steps.length * rowH + 10}
          text={formatMoney(BigInt(Math.round(t)), currency, { locale, compact: true })}
          anchor="middle"
          width={56}
        />
      ))}
    </View>
  );
}
