"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { undoImportBatchAction } from "../import/actions";

type TProps = { slug: string; batchId: string; fileName: string; rowCount: number; closedMonthsLabel: string | null };

/** Undo asks once more: it removes every row of the batch. */
export function UndoImportButton({ slug, batchId, fileName, rowCount, closedMonthsLabel }: TProps) {
  const { state, onSubmit, isPending } = useFormAction(undoImportBatchAction.bind(null, slug));
  const [isConfirming, setConfirming] = useState(false);
  if (closedMonthsLabel) {
    return <span className="text-xs text-zinc-500">{`${closedMonthsLabel} closed: reopen to undo`}</span>;
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="batchId" value={batchId} />
      {isConfirming ? (
        <>
          <Button type="submit" variant="danger" disabled={isPending} aria-label={`Confirm: remove the ${rowCount} rows of ${fileName}`}>
            {isPending ? "Removing…" : `Remove ${rowCount.toLocaleString("en-US")} rows`}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
            Keep
          </Button>
        </>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)} aria-label={`Undo the import of ${fileName}`}>
          Undo
        </Button>
      )}
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
