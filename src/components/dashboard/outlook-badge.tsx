import { CircleAlert, CircleCheck, CircleX, CircleHelp } from "lucide-react";
import type { TOutlook } from "@/lib/metrics";
import { cn } from "@/lib/cn";

const STYLES: Record<TOutlook, { label: string; className: string; Icon: typeof CircleCheck }> = {
  ON_TRACK: {
    label: "On track",
    className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
    Icon: CircleCheck,
  },
  AT_RISK: {
    label: "At risk",
    className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
    Icon: CircleAlert,
  },
  OFF_TRACK: {
    label: "Off track",
    className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300",
    Icon: CircleX,
  },
};

/** Status always carries a text label and an icon: never colour alone. */
export function OutlookBadge({ outlook }: { outlook: TOutlook | null }) {
  if (!outlook) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-zinc-100 px-2 py-0.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300">
        <CircleHelp aria-hidden className="size-4" /> Not yet known
      </span>
    );
  }
  const { label, className, Icon } = STYLES[outlook];
  return (
    <span
      className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-medium ring-1", className)}
    >
      <Icon aria-hidden className="size-4" /> {label}
    </span>
  );
}
