"use client";

import { ChevronRight } from "lucide-react";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { buttonClass } from "@/components/ui/button";
import { Dialog, type TDialogHandle } from "@/components/ui/dialog";

/**
 * One month's narrative: read first, written in a dialog. `folded` months sit in a disclosure; a
 * link to `#narrative-<month>` (My work's "Write the narrative") unfolds the month and opens its
 * dialog straight away.
 */
export function NarrativeMonth({
  month,
  label,
  summary,
  body,
  form,
  writeLabel,
  folded,
}: {
  month: string;
  label: string;
  summary: ReactNode;
  body: ReactNode;
  form: ReactNode | null;
  writeLabel: string;
  folded: boolean;
}) {
  const root = useRef<HTMLElement>(null);
  const dialog = useRef<TDialogHandle>(null);
  const anchor = `narrative-${month}`;
  useEffect(() => {
    if (window.location.hash !== `#${anchor}`) return;
    // Unfold the month and any disclosure around it ("Other months"), so its dialog can show.
    for (
      let el = root.current?.querySelector("details") ?? root.current?.closest("details");
      el;
      el = el.parentElement?.closest("details")
    )
      el.open = true;
    dialog.current?.open();
  }, [anchor]);
  const content = (
    <div className="space-y-3">
      {body}
      {form && (
        <>
          <button
            type="button"
            onClick={() => dialog.current?.open()}
            aria-haspopup="dialog"
            aria-label={`${writeLabel} for ${label}`}
            className={buttonClass("primary")}
          >
            {writeLabel}
          </button>
          <Dialog
            ref={dialog}
            title={`Narrative for ${label}`}
            description="Why the month went as it did, and what the department does next. A red month needs both before it is marked reviewed."
          >
            {form}
          </Dialog>
        </>
      )}
    </div>
  );
  if (!folded) {
    return (
      <div
        ref={root as RefObject<HTMLDivElement>}
        id={anchor}
        aria-label={`Narrative ${label}`}
        role="group"
        data-testid={anchor}
        className="scroll-mt-4"
      >
        <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">{summary}</div>
        {content}
      </div>
    );
  }
  return (
    <li
      ref={root as RefObject<HTMLLIElement>}
      id={anchor}
      aria-label={`Narrative ${label}`}
      data-testid={anchor}
      className="scroll-mt-4 rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
          {summary}
        </summary>
        <div className="px-4 pb-4">{content}</div>
      </details>
    </li>
  );
}
