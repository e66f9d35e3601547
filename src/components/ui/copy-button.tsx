"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard and says so (a polite status, so a screen reader hears it too).
 * Where the browser refuses the clipboard, it says to select the text instead.
 */
export function CopyButton({ text, label, ariaLabel }: { text: string; label: string; ariaLabel?: string }) {
  const [outcome, setOutcome] = useState<"copied" | "refused" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome("refused");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy} aria-label={ariaLabel}>
        {outcome === "copied" ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
        {label}
      </Button>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {outcome === "copied"
          ? "Copied."
          : outcome === "refused"
            ? "The browser did not allow copying: select the text and copy it."
            : ""}
      </span>
    </span>
  );
}
