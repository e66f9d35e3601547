"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { deleteRevenueEntryAction } from "../actions";

export function DeleteEntryButton({ slug, entryId, label }: { slug: string; entryId: string; label: string }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    startTransition(async () => {
      const result = await deleteRevenueEntryAction(slug, entryId);
      setError(result.ok ? null : result.message);
    });
  return (
    <span className="inline-flex items-center gap-2">
      {error && <span className="text-xs text-red-700 dark:text-red-400">{error}</span>}
      <Button type="button" variant="danger" onClick={remove} disabled={isPending} aria-label={`Delete ${label}`}>
        Delete
      </Button>
    </span>
  );
}
