"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { plural } from "@/lib/format";
import { closeMonthAction } from "../../actions";

/** The close itself: refused while claims block it; over other open items only once confirmed. */
export function CloseMonthForm({
  slug,
  month,
  label,
  blockingCount,
  openCount,
}: {
  slug: string;
  month: string;
  label: string;
  blockingCount: number;
  openCount: number;
}) {
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  const close = () =>
    startTransition(async () => {
      const r = await closeMonthAction(slug, month, confirmed);
      setResult(r);
      if (r.ok) router.refresh();
    });
  if (blockingCount > 0)
    return <p className="text-sm">Review the claims above first: {label} can close once none awaits review.</p>;
  return (
    <div className="space-y-3">
      <FormMessage state={result} />
      {openCount > 0 && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <span>
            Close {label} with {plural(openCount, "open item")}. They stay visible on the scorecards; the month accepts
            no change until an owner reopens it.
          </span>
        </label>
      )}
      <Button type="button" onClick={close} disabled={isPending || (openCount > 0 && !confirmed)}>
        {isPending ? "Closing…" : `Close ${label}`}
      </Button>
    </div>
  );
}
