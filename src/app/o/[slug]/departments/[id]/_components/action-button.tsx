"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { announce } from "./section-flash";

/**
 * A one-click action on a record (withdraw, archive, reopen). With `confirm`, the first click asks
 * and a second one acts, for changes a stray click should not make. Success is announced to the
 * section (the button may disappear with it); a failure is shown beside the button.
 */
export function ActionButton({
  action,
  label,
  ariaLabel,
  confirm,
  scope,
  variant = "secondary",
}: {
  action: () => Promise<ActionResult<unknown>>;
  label: string;
  ariaLabel: string;
  confirm?: string;
  scope: string;
  variant?: "secondary" | "danger";
}) {
  const [isPending, startTransition] = useTransition();
  const [isAsking, setIsAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    startTransition(async () => {
      const result = await action();
      setIsAsking(false);
      if (result.ok) announce(scope, result.message);
      setError(result.ok ? null : result.message);
    });
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
      {isAsking ? (
        <>
          <Button
            type="button"
            variant={variant}
            onClick={run}
            disabled={isPending}
            aria-label={`${confirm} (${ariaLabel})`}
          >
            {confirm}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setIsAsking(false)} disabled={isPending}>
            Cancel
          </Button>
        </>
      ) : (
        <Button
          type="button"
          variant={variant}
          onClick={confirm ? () => setIsAsking(true) : run}
          disabled={isPending}
          aria-label={ariaLabel}
        >
          {label}
        </Button>
      )}
    </span>
  );
}
