"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { announceFlash } from "@/components/ui/flash";
import { undoOpportunityImportBatchAction } from "../../pipeline/import/actions";
import { undoImportBatchAction, undoKpiImportBatchAction } from "../import/actions";

type TProps = {
  slug: string;
  batchId: string;
  fileName: string;
  rowCount: number;
  closedMonthsLabel: string | null;
  kind?: "revenue" | "kpi" | "opportunity";
  /** A pipeline batch: the deals it created (removed by the undo) and changed (restored). */
  deals?: { newCount: number; changedCount: number };
};

const n = (count: number) => count.toLocaleString("en-US");
const dealCount = (count: number) => `${n(count)} ${count === 1 ? "deal" : "deals"}`;

/** What the confirm button says a pipeline undo does: "Remove 3 deals, restore 2". */
function dealsUndoText({ newCount, changedCount }: { newCount: number; changedCount: number }): string {
  const parts = [
    newCount && `remove ${dealCount(newCount)}`,
    changedCount && `restore ${dealCount(changedCount)}`,
  ].filter(Boolean) as string[];
  const text = parts.length ? parts.join(", ") : "remove the batch";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Undo asks once more: it removes every row of the batch. */
export function UndoImportButton({
  slug,
  batchId,
  fileName,
  rowCount,
  closedMonthsLabel,
  kind = "revenue",
  deals,
}: TProps) {
  const undo =
    kind === "kpi"
      ? undoKpiImportBatchAction
      : kind === "opportunity"
        ? undoOpportunityImportBatchAction
        : undoImportBatchAction;
  const what = kind === "kpi" ? "values" : "rows";
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // Called directly rather than through useActionState: on success this row unmounts, and the
  // confirmation must still reach the card's flash region.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await undo(slug, null, formData);
      if (result.ok) announceFlash(result.message ?? "Import undone.");
      else setError(result.message);
    });
  };
  if (closedMonthsLabel) {
    return <span className="text-xs text-zinc-500">{`${closedMonthsLabel} closed: reopen to undo`}</span>;
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="batchId" value={batchId} />
      {isConfirming ? (
        <>
          {kind === "opportunity" ? (
            <Button
              type="submit"
              variant="danger"
              disabled={isPending}
              aria-label={`Confirm: undo the import of ${fileName} (${dealsUndoText(deals ?? { newCount: 0, changedCount: 0 }).toLowerCase()})`}
            >
              {isPending ? "Undoing…" : dealsUndoText(deals ?? { newCount: 0, changedCount: 0 })}
            </Button>
          ) : (
            <Button
              type="submit"
              variant="danger"
              disabled={isPending}
              aria-label={
                kind === "kpi"
                  ? `Confirm: undo the ${rowCount} values of ${fileName}`
                  : `Confirm: remove the ${rowCount} rows of ${fileName}`
              }
            >
              {isPending
                ? "Removing…"
                : kind === "kpi"
                  ? `Undo ${rowCount.toLocaleString("en-US")} ${what}`
                  : `Remove ${rowCount.toLocaleString("en-US")} ${what}`}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
            Keep
          </Button>
        </>
      ) : (
        <Button
          type="button"
          variant="danger"
          onClick={() => setConfirming(true)}
          aria-label={`Undo the import of ${fileName}`}
        >
          Undo
        </Button>
      )}
      {error && (
        // A refusal can name several deals: a readable block, not a column as wide as the message.
        <div className="w-full max-w-sm text-left">
          <FormMessage state={{ ok: false, message: error }} />
        </div>
      )}
    </form>
  );
}
