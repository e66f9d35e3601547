"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/action-result";
import type { TAlreadyImportedOutcome, TJsonSafe } from "@/lib/csv/wire";
import { AlreadyImportedNotice, FailureNotice } from "./notices";
import type { TTransferProgress } from "./post-import";
import { ProgressBar } from "./progress-bar";

type TProps<R> = {
  timeZone: string;
  transfer: TTransferProgress | null;
  result: TJsonSafe<ActionResult<R | TAlreadyImportedOutcome>> | null;
  /** The message of a commit that wrote its rows. */
  renderImported: (data: TJsonSafe<R>) => ReactNode;
  done: { href: string; label: string };
  onBack: () => void;
  onRestart: () => void;
};

function Progress({ transfer }: { transfer: TTransferProgress | null }) {
  if (!transfer || transfer.phase === "uploading")
    return <ProgressBar label="Uploading the file" fraction={transfer?.fraction ?? 0} />;
  if (transfer.stage === "checking") return <ProgressBar label="Checking every row" fraction={null} />;
  const detail = `${transfer.done.toLocaleString("en-US")} of ${transfer.total.toLocaleString("en-US")}`;
  return (
    <ProgressBar
      label="Writing rows (nothing counts until all are written)"
      fraction={transfer.done / Math.max(1, transfer.total)}
      detail={detail}
    />
  );
}

const isAlreadyImported = (data: unknown): data is TJsonSafe<TAlreadyImportedOutcome> =>
  typeof data === "object" && data !== null && "outcome" in data && data.outcome === "already-imported";

/** Step 4: the commit's progress, then its outcome. */
export function CommitStep<R>({ timeZone, transfer, result, renderImported, done, onBack, onRestart }: TProps<R>) {
  return (
    <Card title="4. Import">
      <div className="space-y-4">
        {!result && <Progress transfer={transfer} />}
        {result?.ok &&
          (isAlreadyImported(result.data) ? (
            <AlreadyImportedNotice info={result.data} timeZone={timeZone} />
          ) : (
            renderImported(result.data as TJsonSafe<R>)
          ))}
        {result && !result.ok && <FailureNotice message={`${result.message} Nothing was imported.`} />}
        {result && (
          <div className="flex flex-wrap gap-2">
            {result.ok ? (
              <Link
                href={done.href}
                className="inline-flex items-center rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
              >
                {done.label}
              </Link>
            ) : (
              <Button type="button" variant="secondary" onClick={onBack}>
                Back to the check
              </Button>
            )}
            <Button type="button" variant="secondary" onClick={onRestart}>
              Import another file
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
