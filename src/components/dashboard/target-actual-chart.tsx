"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";

/** Values are minor units as plain numbers (exact below 2^53); formatting turns them back into money. */
export type TChartPoint = {
  label: string;
  target: number | null;
  actual: number | null;
  cumulativeTarget: number | null;
  cumulativeActual: number | null;
  forecastCumulative: number | null;
  commitCumulative: number | null;
  bestCaseCumulative: number | null;
  weightedCumulative: number | null;
};

// Mid-tone colours that read on both the light and the dark surface; none of them is a status
// colour. The three pipeline projections also differ by dash pattern, so they never rely on hue.
const COLORS = {
  target: "#a1a1aa",
  actual: "#4f46e5",
  cumulativeTarget: "#8b8b96",
  cumulativeActual: "#6366f1",
  forecast: "#818cf8",
  commit: "#7c3aed",
  bestCase: "#d946ef",
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

// Legend and tooltip in reading order (recharts sorts them by name otherwise).
const ORDER = Object.keys(SERIES_NAMES);
const byOrder = (item: { dataKey?: unknown }) => ORDER.indexOf(String(item.dataKey));

const projection = (dataKey: keyof TChartPoint, stroke: string, strokeDasharray: string) => (
  <Line key={dataKey} isAnimationActive={false} dataKey={dataKey} stroke={stroke} strokeWidth={2} strokeDasharray={strokeDasharray} dot={false} type="linear" legendType="plainline" />
);

/**
 * Monthly target and actual bars with cumulative lines. With open deals, the projections to year end
 * are the pipeline's commit, best case and weighted; without, the run rate of completed months.
 */
export function TargetActualChart({ data, currency, locale, title, hasPipeline }: { data: TChartPoint[]; currency: string; locale: string; title: string; hasPipeline: boolean }) {
  const money = (value: number, compact = true) => formatMoney(BigInt(Math.round(value)), currency, { locale, compact });
  return (
    <figure aria-label={title}>
      <ResponsiveContainer width="100%" height={340}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "currentColor" }} tickLine={false} interval="preserveStartEnd" />
          <YAxis
            tickFormatter={(v: number) => money(v)}
            tick={{ fontSize: 12, fill: "currentColor" }}
            tickLine={false}
            axisLine={false}
            width={64}
            label={{ value: currency, angle: -90, position: "insideLeft", fontSize: 11, fill: "currentColor", dy: 20 }}
          />
          <Tooltip
            formatter={(value, name) => [typeof value === "number" ? money(value, false) : "—", SERIES_NAMES[String(name)] ?? String(name)]}
            contentStyle={{ fontSize: 12, fontVariantNumeric: "tabular-nums", color: "#18181b" }}
            itemSorter={byOrder}
          />
          <Legend formatter={(name: string) => SERIES_NAMES[name] ?? name} wrapperStyle={{ fontSize: 12, lineHeight: "18px" }} itemSorter={byOrder} />
          <Bar isAnimationActive={false} dataKey="target" fill={COLORS.target} radius={[2, 2, 0, 0]} maxBarSize={22} />
          <Bar isAnimationActive={false} dataKey="actual" fill={COLORS.actual} radius={[2, 2, 0, 0]} maxBarSize={22} />
          <Line isAnimationActive={false} dataKey="cumulativeTarget" stroke={COLORS.cumulativeTarget} strokeWidth={2} dot={false} connectNulls type="linear" />
          <Line isAnimationActive={false} dataKey="cumulativeActual" stroke={COLORS.cumulativeActual} strokeWidth={2} dot={{ r: 2 }} type="linear" />
          {hasPipeline
            ? [
                projection("commitCumulative", COLORS.commit, "2 3"),
                projection("bestCaseCumulative", COLORS.bestCase, "9 3 2 3"),
                projection("weightedCumulative", COLORS.weighted, "6 3"),
              ]
            : projection("forecastCumulative", COLORS.forecast, "6 4")}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="mt-2 text-xs text-zinc-500">
        {title}.{" "}
        {hasPipeline
          ? "Dashed: the commit, best-case and weighted projections to year end — actual so far plus open deals in the month they are expected to close."
          : "Dashed: the run-rate forecast to year end."}{" "}
        Amounts in {currency}.
      </figcaption>
    </figure>
  );
}
