"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { takeSnapshotAction } from "../actions";

/** Snapshots the pipeline now: "what changed" then counts from this moment. */
export function TakeSnapshotButton({ slug }: { slug: string }) {
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        disabled={isPending}
        onClick={() => startTransition(async () => setResult(await takeSnapshotAction(slug)))}
      >
        {isPending ? "Taking snapshot…" : "Take snapshot"}
      </Button>
      <FormMessage state={result} />
    </div>
  );
}
