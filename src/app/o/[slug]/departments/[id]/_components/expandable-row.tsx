"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useId, useState, type ReactNode } from "react";

/**
 * A table row with a disclosure button in its last cell that shows a full-width row beneath it
 * (a record's history, its edit or review form). The open state survives the refresh that follows
 * a server action, so a failed submission keeps its form in view.
 */
export function ExpandableRow({
  cells,
  actions,
  toggleLabel,
  toggleAriaLabel,
  colSpan,
  expansion,
}: {
  cells: ReactNode;
  actions?: ReactNode;
  toggleLabel: string;
  toggleAriaLabel: string;
  colSpan: number;
  expansion: ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  const Icon = isOpen ? ChevronDown : ChevronRight;
  return (
    <>
      <tr
        className={
          isOpen ? "bg-zinc-50 dark:bg-zinc-950/40" : "border-b border-zinc-100 last:border-0 dark:border-zinc-800"
        }
      >
        {cells}
        <td className="px-2 py-1.5 text-right align-top">
          <div className="flex flex-wrap items-center justify-end gap-2">
            {actions}
            <button
              type="button"
              onClick={() => setIsOpen((v) => !v)}
              aria-expanded={isOpen}
              aria-controls={id}
              aria-label={toggleAriaLabel}
              className="inline-flex items-center gap-0.5 rounded-md px-1.5 py-1 text-sm font-medium whitespace-nowrap text-accent-600 hover:bg-zinc-100 dark:text-accent-400 dark:hover:bg-zinc-800"
            >
              <Icon aria-hidden className="size-4" /> {toggleLabel}
            </button>
          </div>
        </td>
      </tr>
      {isOpen && (
        <tr id={id} className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950/40">
          <td colSpan={colSpan} className="px-3 pt-1 pb-4">
            {expansion}
          </td>
        </tr>
      )}
    </>
  );
}
