import { CircleAlert, CircleCheck, CircleDashed, CircleX } from "lucide-react";
import { cn } from "@/lib/cn";
import { RAG_LABELS, type TRag } from "@/lib/kpi";

const STYLES: Record<TRag, { className: string; Icon: typeof CircleCheck }> = {
  GREEN: {
    className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
    Icon: CircleCheck,
  },
  AMBER: {
    className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
    Icon: CircleAlert,
  },
  RED: { className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300", Icon: CircleX },
};

/**
 * A KPI's or a department's RAG status: always a text label and an icon, never colour alone.
 * `empty` is what an unrated status says ("No KPI values yet", "Not rated").
 */
export function RagBadge({
  rag,
  empty = "Not rated",
  size = "md",
}: {
  rag: TRag | null;
  empty?: string;
  size?: "sm" | "md";
}) {
  const sizeClass = size === "sm" ? "gap-0.5 px-1.5 text-xs" : "gap-1 px-2 text-sm";
  const iconClass = size === "sm" ? "size-3.5" : "size-4";
  if (!rag) {
    return (
      <span
        className={cn(
          "inline-flex items-center rounded-full bg-zinc-100 py-0.5 font-medium whitespace-nowrap text-zinc-600 ring-1 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-400",
          sizeClass,
        )}
      >
        <CircleDashed aria-hidden className={iconClass} /> {empty}
      </span>
    );
  }
  const { className, Icon } = STYLES[rag];
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full py-0.5 font-medium whitespace-nowrap ring-1",
        sizeClass,
        className,
      )}
    >
      <Icon aria-hidden className={iconClass} /> {RAG_LABELS[rag]}
    </span>
  );
}
