"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { Rectangle } from "recharts";
import { formatMoney } from "@/lib/money";

/** Values are minor units as plain numbers (exact below 2^53); formatting turns them back into money. */
export type TChartPoint = {
  label: string;
  target: number | null;
  actual: number | null;
  /** D's month: its actual is so far, drawn hatched and labelled. */
  inProgress: boolean;
  cumulativeTarget: number | null;
  cumulativeActual: number | null;
  forecastCumulative: number | null;
  commitCumulative: number | null;
  bestCaseCumulative: number | null;
  weightedCumulative: number | null;
};

// Mid-tone colours that read on both the light and the dark surface; none of them is a status
// colour. The projections also differ by dash pattern and carry end labels, so hue is never needed.
const COLORS = {
  target: "#a1a1aa",
  actual: "#4f46e5",
  cumulativeTarget: "#71717a",
  cumulativeActual: "#4f46e5",
  forecast: "#0284c7",
  commit: "#7c3aed",
  bestCase: "#c026d3",
  weighted: "#0284c7",
};

const SERIES_NAMES: Record<string, string> = {
  target: "Target",
  actual: "Actual",
  cumulativeTarget: "Cumulative target",
  cumulativeActual: "Cumulative actual",
  forecastCumulative: "Forecast (run rate)",
  commitCumulative: "Commit",
  bestCaseCumulative: "Best case",
  weightedCumulative: "Weighted",
};

/** Dash patterns a reader tells apart without colour: dots, long dashes, dash-dot. */
const DASHES = { commit: "2 4", bestCase: "10 4", weighted: "8 3 2 3", forecast: "8 3 2 3" };
const IN_PROGRESS_HATCH = "chart-in-progress-hatch";

const ORDER = Object.keys(SERIES_NAMES);
const byOrder = (item: { dataKey?: unknown }) => ORDER.indexOf(String(item.dataKey));

type TEndLabel = { dataKey: keyof TChartPoint; name: string };

/**
 * Labels at the right end of the projection lines ("Commit $12.1M"), pushed apart vertically when
 * two lines end close together. Positions are collected per render in `taken`.
 */
type TLabelProps = { x?: number | string; y?: number | string; index?: number; value?: unknown };

function EndLabel({
  series,
  lastIndex,
  money,
  taken,
  ...props
}: TLabelProps & { series: TEndLabel; lastIndex: number; money: (v: number) => string; taken: number[] }) {
  if (props.index !== lastIndex || typeof props.value !== "number") return null;
  let y = Number(props.y);
  for (const other of taken.toSorted((a, b) => a - b)) if (Math.abs(other - y) < 13) y = other + 13;
  taken.push(y);
  return (
    <text x={Number(props.x) + 6} y={y} dy={4} fontSize={11} fill="currentColor" data-end-label={series.name}>
      {series.name} {money(props.value)}
    </text>
  );
}

/** The line's `label` renderer: recharts calls it with each point's position and value. */
const endLabel =
  (series: TEndLabel, lastIndex: number, money: (v: number) => string, taken: number[]) => (props: TLabelProps) => (
    <EndLabel {...props} series={series} lastIndex={lastIndex} money={money} taken={taken} />
  );

function ActualShape(props: BarShapeProps) {
  const point = props.payload as TChartPoint | undefined;
  if (!point?.inProgress) return <Rectangle {...props} fill={COLORS.actual} />;
  return <Rectangle {...props} fill={`url(#${IN_PROGRESS_HATCH})`} stroke={COLORS.actual} strokeWidth={1.5} />;
}

/**
 * Two panels on their own scales, one above the other: the months' target and actual as bars (so a
 * 10 % miss in a month is visible), then the cumulative lines with the projections to year end. The
 * month in progress is hatched and labelled "so far"; projections differ by dash and end label.
 */
export function TargetActualChart({
  data,
  currency,
  locale,
  title,
  hasPipeline,
  hasProjections = true,
}: {
  data: TChartPoint[];
  currency: string;
  locale: string;
  title: string;
  hasPipeline: boolean;
  hasProjections?: boolean;
}) {
  const money = (value: number, compact = true) =>
    formatMoney(BigInt(Math.round(value)), currency, { locale, compact });
  const lastIndex = data.length - 1;
  const taken: number[] = [];
  const inProgress = data.find((p) => p.inProgress);
  const axis = {
    tickFormatter: (v: number) => money(v),
    tick: { fontSize: 12, fill: "currentColor" },
    tickLine: false,
    axisLine: false,
    width: 60,
  } as const;
  const xAxis = {
    dataKey: "label",
    tick: { fontSize: 12, fill: "currentColor" },
    tickLine: false,
    interval: "preserveStartEnd" as const,
  };
  const tooltip = {
    formatter: (value: unknown, name: unknown) =>
      [typeof value === "number" ? money(value, false) : "—", SERIES_NAMES[String(name)] ?? String(name)] as [
        string,
        string,
      ],
    contentStyle: { fontSize: 12, fontVariantNumeric: "tabular-nums", color: "#18181b" },
    itemSorter: byOrder,
  };
  const projections: (TEndLabel & { stroke: string; dash: string })[] = !hasProjections
    ? []
    : hasPipeline
      ? [
          { dataKey: "commitCumulative", name: "Commit", stroke: COLORS.commit, dash: DASHES.commit },
          { dataKey: "bestCaseCumulative", name: "Best case", stroke: COLORS.bestCase, dash: DASHES.bestCase },
          { dataKey: "weightedCumulative", name: "Weighted", stroke: COLORS.weighted, dash: DASHES.weighted },
        ]
      : [{ dataKey: "forecastCumulative", name: "Forecast", stroke: COLORS.forecast, dash: DASHES.forecast }];
  return (
    <figure aria-label={title}>
      <svg width="0" height="0" aria-hidden className="absolute">
        <defs>
          <pattern
            id={IN_PROGRESS_HATCH}
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" fill={COLORS.actual} fillOpacity={0.15} />
            <line x1="0" y1="0" x2="0" y2="5" stroke={COLORS.actual} strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Each month</p>
      <ResponsiveContainer width="100%" height={170}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} syncId="target-actual">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
          <XAxis {...xAxis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Legend
            formatter={(name: string) => SERIES_NAMES[name] ?? name}
            wrapperStyle={{ fontSize: 12, lineHeight: "18px" }}
            itemSorter={byOrder}
          />
          <Bar isAnimationActive={false} dataKey="target" fill={COLORS.target} radius={[2, 2, 0, 0]} maxBarSize={20} />
          <Bar
            isAnimationActive={false}
            dataKey="actual"
            fill={COLORS.actual}
            radius={[2, 2, 0, 0]}
            maxBarSize={20}
            shape={(props: BarShapeProps) => <ActualShape {...props} />}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="mt-3 text-xs font-medium text-zinc-500 dark:text-zinc-400">
        Cumulative{projections.length ? ", with the projections to year end" : ""}
      </p>
      <ResponsiveContainer width="100%" height={190}>
        <LineChart
          data={data}
          margin={{ top: 8, right: projections.length ? 112 : 12, bottom: 0, left: 0 }}
          syncId="target-actual"
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
          <XAxis {...xAxis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Line
            isAnimationActive={false}
            dataKey="cumulativeTarget"
            stroke={COLORS.cumulativeTarget}
            strokeWidth={2}
            dot={false}
            connectNulls
            type="linear"
          />
          <Line
            isAnimationActive={false}
            dataKey="cumulativeActual"
            stroke={COLORS.cumulativeActual}
            strokeWidth={2.5}
            dot={{ r: 2 }}
            type="linear"
          />
          {projections.map((p) => (
            <Line
              key={p.dataKey}
              isAnimationActive={false}
              dataKey={p.dataKey}
              stroke={p.stroke}
              strokeWidth={2}
              strokeDasharray={p.dash}
              dot={false}
              type="linear"
              label={endLabel(p, lastIndex, (v) => money(v), taken)}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul
        className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400"
        aria-label="Cumulative lines"
      >
        <LineKey color={COLORS.cumulativeTarget} label="Cumulative target" />
        <LineKey color={COLORS.cumulativeActual} label="Cumulative actual" width={2.5} />
        {projections.map((p) => (
          <LineKey
            key={p.dataKey}
            color={p.stroke}
            dash={p.dash}
            label={p.name === "Forecast" ? "Forecast (run rate)" : p.name}
          />
        ))}
      </ul>
      <figcaption className="mt-2 text-xs text-zinc-500">
        {title}.{inProgress ? ` ${inProgress.label}: so far (hatched), the month is in progress.` : ""}{" "}
        {projections.length === 0
          ? ""
          : hasPipeline
            ? "Projections: actual so far plus open deals in the month they are expected to close (commit dotted, best case dashed, weighted dash-dot). "
            : "Projection: the run rate of completed months (dash-dot). "}
        Amounts in {currency}.
      </figcaption>
    </figure>
  );
}

function LineKey({ color, label, dash, width = 2 }: { color: string; label: string; dash?: string; width?: number }) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg aria-hidden width="28" height="8">
        <line x1="0" y1="4" x2="28" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      </svg>
      {label}
    </li>
  );
}
