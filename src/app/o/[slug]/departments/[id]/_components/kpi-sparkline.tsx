"use client";

import { Line, LineChart, YAxis } from "recharts";

export type TSparkPoint = { label: string; value: number | null; target: number | null };

// Mid-tone colours that read on both the light and the dark surface (as the dashboard's chart).
const COLORS = { value: "#6366f1", target: "#a1a1aa" };

/**
 * A KPI's fiscal year at a glance: the value per month, the target dashed. The picture is one
 * image whose label lists the months' values; the KPI table carries the period's numbers.
 */
export function KpiSparkline({ points, label }: { points: TSparkPoint[]; label: string }) {
  if (points.every((p) => p.value === null)) return <span className="text-xs text-zinc-500">No values yet</span>;
  return (
    <div role="img" aria-label={label} title={label} className="inline-block align-middle">
      <LineChart
        width={112}
        height={32}
        data={points}
        margin={{ top: 4, right: 3, bottom: 4, left: 3 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          isAnimationActive={false}
          dataKey="target"
          stroke={COLORS.target}
          strokeWidth={1}
          strokeDasharray="3 3"
          dot={false}
          connectNulls
        />
        <Line
          isAnimationActive={false}
          dataKey="value"
          stroke={COLORS.value}
          strokeWidth={2}
          dot={{ r: 1.5, fill: COLORS.value }}
          connectNulls={false}
        />
      </LineChart>
    </div>
  );
}
