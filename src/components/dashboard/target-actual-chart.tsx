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
};

// Mid-tone colours that read on both the light and the dark surface.
const COLORS = { target: "#a1a1aa", actual: "#4f46e5", cumulativeTarget: "#8b8b96", cumulativeActual: "#6366f1", forecast: "#818cf8" };

const SERIES_NAMES: Record<string, string> = {
  target: "Target",
  actual: "Actual",
  cumulativeTarget: "Cumulative target",
  cumulativeActual: "Cumulative actual",
  forecastCumulative: "Forecast (run rate)",
};

export function TargetActualChart({ data, currency, locale, title }: { data: TChartPoint[]; currency: string; locale: string; title: string }) {
  const money = (value: number, compact = true) => formatMoney(BigInt(Math.round(value)), currency, { locale, compact });
  return (
    <figure aria-label={title}>
      <ResponsiveContainer width="100%" height={320}>
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
          />
          <Legend formatter={(name: string) => SERIES_NAMES[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
          <Bar isAnimationActive={false} dataKey="target" fill={COLORS.target} radius={[2, 2, 0, 0]} maxBarSize={22} />
          <Bar isAnimationActive={false} dataKey="actual" fill={COLORS.actual} radius={[2, 2, 0, 0]} maxBarSize={22} />
          <Line isAnimationActive={false} dataKey="cumulativeTarget" stroke={COLORS.cumulativeTarget} strokeWidth={2} dot={false} connectNulls type="linear" />
          <Line isAnimationActive={false} dataKey="cumulativeActual" stroke={COLORS.cumulativeActual} strokeWidth={2} dot={{ r: 2 }} type="linear" />
          <Line isAnimationActive={false} dataKey="forecastCumulative" stroke={COLORS.forecast} strokeWidth={2} strokeDasharray="6 4" dot={false} type="linear" />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="mt-2 text-xs text-zinc-500">{title}. Dashed: the run-rate forecast to year end. Amounts in {currency}.</figcaption>
    </figure>
  );
}
