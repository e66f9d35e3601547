"use client";

import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { formatMoney } from "@/lib/money";

/**
 * One step of the waterfall. Amounts are minor units as plain numbers (exact below 2^53); the labels
 * are formatted on the server, so server and browser never disagree on a number.
 */
export type TBridgePoint = {
  kind: "target" | "department" | "unattributed" | "actual";
  label: string;
  start: number;
  end: number;
  /** The step's compact amount, signed for changes: "−$42K", "+$8.5K", "$3.2M". */
  amountLabel: string;
  /** Exact amounts for the tooltip. */
  exactLabel: string;
  runningLabel: string;
  href?: string;
  /**
   * A department's two parts (minor units): its contributions and its lost and slipped deals
   * (pipeline causes). The bar draws them as two segments, the pipeline one hatched.
   */
  contributions?: number;
  pipeline?: number;
  contributionsLabel?: string;
  pipelineLabel?: string;
  /**
   * A department's claims awaiting finance (minor units), not counted: drawn beyond the bar's end as
   * a provisional, outlined extension that does not move the running total.
   */
  pending?: number;
  pendingLabel?: string;
};

// Red and green mean status (DESIGN.md), so the bridge's direction gets its own pair of hues, and
// every bar carries its value as text besides.
export const BRIDGE_COLORS = {
  total: "#a1a1aa",
  actual: "#4f46e5",
  purifies: "#0891b2",
  taints: "#c026d3",
  unattributed: "#71717a",
};
const HATCH_ID = "bridge-unattributed-hatch";
const PENDING_ID = "bridge-pending-dots";
// The pipeline part of a department's bar: its direction's hue, hatched.
const PIPELINE_HATCH = { taints: "bridge-pipeline-taints", purifies: "bridge-pipeline-purifies" };
const signColor = (v: number) => (v < 0 ? BRIDGE_COLORS.taints : BRIDGE_COLORS.purifies);
const pipelineFill = (v: number) => `url(#${v < 0 ? PIPELINE_HATCH.taints : PIPELINE_HATCH.purifies})`;

/**
 * The parts of a department step as a waterfall of their own: contributions first, then the deals,
 * then (provisional, beyond the end) its claims awaiting finance.
 */
const hasParts = (p: TBridgePoint) => p.kind === "department" && ((p.pipeline ?? 0) !== 0 || (p.pending ?? 0) !== 0);
/** The values the step's bar spans: with parts of opposite signs, the bar spans every segment. */
const extentOf = (p: TBridgePoint): [number, number] => {
  if (p.kind === "target" || p.kind === "actual") return [Math.min(0, p.end), Math.max(0, p.end)];
  const values = hasParts(p)
    ? [p.start, p.start + (p.contributions ?? 0), p.end, p.end + (p.pending ?? 0)]
    : [p.start, p.end];
  return [Math.min(...values), Math.max(...values)];
};

const fillOf = (p: TBridgePoint) =>
  p.kind === "target"
    ? BRIDGE_COLORS.total
    : p.kind === "actual"
      ? BRIDGE_COLORS.actual
      : p.kind === "unattributed"
        ? `url(#${HATCH_ID})`
        : p.end < p.start
          ? BRIDGE_COLORS.taints
          : BRIDGE_COLORS.purifies;

/** Where the value axis starts: zero, unless the steps would be slivers on two tall totals. */
function axisFloor(points: TBridgePoint[]): number {
  const values = points.flatMap((p) => (p.kind === "target" || p.kind === "actual" ? [p.end] : extentOf(p)));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo <= 0 || hi - lo >= lo / 2) return 0;
  // Half the steps' span again below the lowest total, on a round number.
  const below = lo - Math.max((hi - lo) / 2, lo / 20);
  const step = 10 ** Math.floor(Math.log10(below)) / 2;
  return Math.max(0, Math.floor(below / step) * step);
}

/** Columns on a wide screen; on a phone the steps become rows, so names and labels never collide. */
function useIsWide() {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia("(min-width: 640px)");
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia("(min-width: 640px)").matches,
    () => true,
  );
}

/**
 * A department with pipeline causes: two segments inside the bar's extent, contributions (solid)
 * from the running total, then the deals (hatched, with an outline) to the step's end. Values map
 * linearly onto the bar's pixels, since the extent is exactly what the bar spans.
 */
function SplitShape({
  props,
  point,
  isHorizontal,
}: {
  props: BarShapeProps;
  point: TBridgePoint;
  isHorizontal: boolean;
}) {
  const [lo, hi] = extentOf(point);
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const w = Number(props.width ?? 0);
  const h = Number(props.height ?? 0);
  const left = Math.min(x, x + w);
  const top = Math.min(y, y + h);
  const width = Math.abs(w);
  const height = Math.abs(h);
  const span = hi - lo || 1;
  const mid = point.start + (point.contributions ?? 0);
  // Pixel rectangle of the values from a to b.
  const segment = (a: number, b: number) => {
    const [from, to] = [Math.min(a, b), Math.max(a, b)];
    return isHorizontal
      ? { x: left + ((from - lo) / span) * width, y: top, width: ((to - from) / span) * width, height }
      : { x: left, y: top + ((hi - to) / span) * height, width, height: ((to - from) / span) * height };
  };
  const contributions = point.contributions ?? 0;
  const pipeline = point.pipeline ?? 0;
  const pending = point.pending ?? 0;
  return (
    <g cursor={point.href ? "pointer" : undefined}>
      {/* The whole extent, transparent, so a click anywhere on the step opens it. */}
      <rect x={left} y={top} width={width} height={height} fill="transparent" />
      {contributions !== 0 && (
        <rect {...segment(point.start, mid)} fill={signColor(contributions)} data-part="contributions" />
      )}
      {pipeline !== 0 && (
        <rect
          {...segment(mid, point.end)}
          fill={pipelineFill(pipeline)}
          stroke={signColor(pipeline)}
          strokeWidth={1.5}
          data-part="pipeline"
        />
      )}
      {pending !== 0 && (
        <rect
          {...segment(point.end, point.end + pending)}
          fill={`url(#${PENDING_ID})`}
          stroke={signColor(pending)}
          strokeWidth={1.5}
          strokeDasharray="3 2"
          data-part="claimed"
        />
      )}
    </g>
  );
}

function StepShape(props: BarShapeProps & { isHorizontal?: boolean }) {
  const point = props.payload as TBridgePoint;
  if (hasParts(point)) return <SplitShape props={props} point={point} isHorizontal={Boolean(props.isHorizontal)} />;
  const isUnattributed = point.kind === "unattributed";
  return (
    <Rectangle
      {...props}
      fill={fillOf(point)}
      stroke={isUnattributed ? BRIDGE_COLORS.unattributed : undefined}
      strokeDasharray={isUnattributed ? "4 3" : undefined}
      strokeWidth={isUnattributed ? 1.5 : undefined}
      cursor={point.href ? "pointer" : undefined}
    />
  );
}

function StepTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = payload?.[0]?.payload as TBridgePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-sm tabular-nums">
      <p className="font-medium">{point.label}</p>
      <p>
        {point.kind === "department" || point.kind === "unattributed" ? `Impact ${point.exactLabel}` : point.exactLabel}
      </p>
      {point.kind === "department" && point.contributionsLabel && point.pipelineLabel && (
        <p className="text-zinc-500">
          Confirmed contributions {point.contributionsLabel} · lost and slipped deals {point.pipelineLabel}
        </p>
      )}
      {point.kind === "department" && point.pendingLabel && (
        <p className="text-zinc-500">Claimed, awaiting finance (not counted) {point.pendingLabel}</p>
      )}
      {(point.kind === "department" || point.kind === "unattributed") && (
        <p className="text-zinc-500">Running total {point.runningLabel}</p>
      )}
    </div>
  );
}

type TTickProps = { x?: number | string; y?: number | string; width?: number | string; payload?: { value: string } };

/** A category tick that wraps long department names onto two lines within their column's band. */
function WrappedTick({ x, y, width, payload, count }: TTickProps & { count: number }) {
  const band = Math.max(48, Number(width) / count - 6);
  return (
    <Text
      x={Number(x)}
      y={Number(y) + 4}
      width={band}
      textAnchor="middle"
      verticalAnchor="start"
      maxLines={2}
      fontSize={12}
      fill="currentColor"
    >
      {payload?.value ?? ""}
    </Text>
  );
}

export function GapBridgeChart({
  data,
  currency,
  locale,
  title,
}: {
  data: TBridgePoint[];
  currency: string;
  locale: string;
  title: string;
}) {
  const router = useRouter();
  const isWide = useIsWide();
  const money = (value: number) => formatMoney(BigInt(Math.round(value)), currency, { locale, compact: true });
  const floor = axisFloor(data);
  const rows = data.map((p) => ({ ...p, range: extentOf(p) }));
  const valueAxis = {
    type: "number" as const,
    domain: [floor === 0 ? "auto" : floor, "auto"] as [number | "auto", "auto"],
    allowDataOverflow: floor !== 0,
    tickFormatter: (v: number) => money(v),
    tick: { fontSize: 12, fill: "currentColor" },
    tickLine: false,
  };
  const open = (index: number) => {
    const href = data[index]?.href;
    if (href) router.push(href);
  };
  const height = isWide ? 280 : 64 + data.length * 40;
  return (
    <figure aria-label={title}>
      <svg width="0" height="0" aria-hidden className="absolute">
        <defs>
          <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BRIDGE_COLORS.unattributed} fillOpacity={0.12} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={BRIDGE_COLORS.unattributed} strokeWidth="2" strokeOpacity={0.6} />
          </pattern>
          <pattern id={PENDING_ID} width="5" height="5" patternUnits="userSpaceOnUse">
            <circle cx="2.5" cy="2.5" r="1.1" fill={BRIDGE_COLORS.unattributed} />
          </pattern>
          {(["taints", "purifies"] as const).map((direction) => (
            <pattern
              key={direction}
              id={PIPELINE_HATCH[direction]}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(-45)"
            >
              <rect width="6" height="6" fill={BRIDGE_COLORS[direction]} fillOpacity={0.25} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={BRIDGE_COLORS[direction]} strokeWidth="2.5" />
            </pattern>
          ))}
        </defs>
      </svg>
      <ResponsiveContainer width="100%" height={height}>
        {isWide ? (
          <BarChart data={rows} margin={{ top: 24, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
            <XAxis
              dataKey="label"
              interval={0}
              tickLine={false}
              height={44}
              tick={(props: TTickProps) => <WrappedTick {...props} count={data.length} />}
            />
            <YAxis
              {...valueAxis}
              axisLine={false}
              width={72}
              label={{
                value: currency,
                angle: -90,
                position: "insideLeft",
                fontSize: 11,
                fill: "currentColor",
                dy: 20,
              }}
            />
            <Tooltip content={StepTooltip} cursor={{ fillOpacity: 0.06 }} />
            <Bar
              isAnimationActive={false}
              dataKey="range"
              shape={(props: BarShapeProps) => <StepShape {...props} />}
              maxBarSize={56}
              minPointSize={2}
              onClick={(_, index) => open(index)}
            >
              <LabelList dataKey="amountLabel" position="top" fontSize={12} fill="currentColor" />
            </Bar>
          </BarChart>
        ) : (
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 56, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="currentColor" strokeOpacity={0.12} />
            <YAxis
              type="category"
              dataKey="label"
              width={104}
              interval={0}
              tickLine={false}
              tick={{ fontSize: 11, fill: "currentColor" }}
            />
            <XAxis {...valueAxis} tickCount={3} />
            <Tooltip content={StepTooltip} cursor={{ fillOpacity: 0.06 }} />
            <Bar
              isAnimationActive={false}
              dataKey="range"
              shape={(props: BarShapeProps) => <StepShape {...props} isHorizontal />}
              maxBarSize={22}
              minPointSize={2}
              onClick={(_, index) => open(index)}
            >
              <LabelList dataKey="amountLabel" position="right" fontSize={11} fill="currentColor" />
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Legend">
        <LegendItem color={BRIDGE_COLORS.total} label="Target" />
        <LegendItem color={BRIDGE_COLORS.taints} label="Hurt revenue (taints)" />
        <LegendItem color={BRIDGE_COLORS.purifies} label="Helped revenue (purifies)" />
        {data.some((p) => (p.pipeline ?? 0) !== 0) && (
          <LegendItem
            color={BRIDGE_COLORS.taints}
            label="Hatched part: lost and slipped deals (pipeline causes)"
            hatched
            outlined
          />
        )}
        {data.some((p) => (p.pending ?? 0) !== 0) && (
          <LegendItem
            color={BRIDGE_COLORS.unattributed}
            label="Dotted, outlined: claimed, awaiting finance (provisional, not counted)"
            dotted
          />
        )}
        <LegendItem color={BRIDGE_COLORS.unattributed} label="Unattributed (not traced to a department)" hatched />
        <LegendItem color={BRIDGE_COLORS.actual} label="Actual" />
      </ul>
      <figcaption className="mt-2 text-xs text-zinc-500">
        {title}. Amounts in {currency}
        {floor !== 0 ? `; the value axis starts at ${money(floor)}, not at zero, so that the steps show` : ""}.
      </figcaption>
    </figure>
  );
}

function LegendItem({
  color,
  label,
  hatched = false,
  outlined = false,
  dotted = false,
}: {
  color: string;
  label: string;
  hatched?: boolean;
  outlined?: boolean;
  dotted?: boolean;
}) {
  const style = dotted
    ? {
        border: `1.5px dashed ${color}`,
        backgroundImage: `radial-gradient(${color} 1px, transparent 1.2px)`,
        backgroundSize: "4px 4px",
      }
    : hatched
      ? {
          border: `1.5px ${outlined ? "solid" : "dashed"} ${color}`,
          backgroundImage: `repeating-linear-gradient(45deg, ${color}99 0 2px, transparent 2px 5px)`,
        }
      : { backgroundColor: color };
  return (
    <li className="inline-flex items-center gap-1.5">
      <span aria-hidden className="inline-block size-3 rounded-sm" style={style} />
      {label}
    </li>
  );
}
