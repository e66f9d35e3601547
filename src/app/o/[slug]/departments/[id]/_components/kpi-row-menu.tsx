"use client";

import { MoreHorizontal } from "lucide-react";
import { useId, useRef, type ReactNode, type ToggleEvent } from "react";
import { Dialog, type TDialogHandle } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";
import { ActionButton } from "./action-button";

/**
 * The owner's controls for one KPI, folded into a menu on its row: edit the definition (in a
 * dialog) and archive it (with a confirmation). Rendered for owners only: nobody else gets it.
 * The menu is a native popover: it sits in the top layer (a scrolling table cannot clip it), and
 * the browser closes it on Escape or a click elsewhere.
 */
export function KpiRowMenu({
  kpiName,
  archive,
  editForm,
}: {
  kpiName: string;
  archive: () => Promise<ActionResult<unknown>>;
  editForm: ReactNode;
}) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const dialog = useRef<TDialogHandle>(null);
  // Placed under its button, kept inside the viewport (the top layer positions against it).
  const place = (event: ToggleEvent<HTMLDivElement>) => {
    const button = trigger.current?.getBoundingClientRect();
    const panel = menu.current;
    if (event.newState !== "open" || !button || !panel) return;
    const width = panel.offsetWidth;
    panel.style.left = `${Math.max(8, Math.min(button.right - width, window.innerWidth - width - 8))}px`;
    panel.style.top = `${button.bottom + 4}px`;
  };
  const item =
    "block w-full rounded-md px-2 py-1.5 text-left text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800";
  return (
    <>
      <button
        ref={trigger}
        type="button"
        popoverTarget={id}
        aria-label={`Options for KPI ${kpiName}`}
        title="Options"
        className="inline-flex shrink-0 rounded-md p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <MoreHorizontal aria-hidden className="size-4" />
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        onToggle={place}
        className="fixed m-0 w-56 space-y-1 rounded-md border border-zinc-200 bg-white p-1.5 text-left text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <button
          type="button"
          className={item}
          aria-haspopup="dialog"
          aria-label={`Edit KPI ${kpiName}`}
          onClick={() => {
            menu.current?.hidePopover();
            dialog.current?.open();
          }}
        >
          Edit KPI
        </button>
        <div className="border-t border-zinc-100 px-1 pt-1.5 dark:border-zinc-800">
          <ActionButton
            scope="kpis"
            action={archive}
            label="Archive"
            confirm="Confirm archive"
            ariaLabel={`Archive KPI ${kpiName}`}
            variant="danger"
          />
          <p className="mt-1 text-xs font-normal text-zinc-600 dark:text-zinc-400">
            Keeps its values; it counts in no status until restored.
          </p>
        </div>
      </div>
      <Dialog ref={dialog} title={`Edit KPI ${kpiName}`}>
        {editForm}
      </Dialog>
    </>
  );
}
