"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/action-result";
import { alreadyImportedMessage, type TCommitResult, type TJsonSafe } from "@/lib/csv/wire";
import { formatMoney } from "@/lib/money";
import type { TTransferProgress } from "./post-import";
import { ProgressBar } from "./progress-bar";

type TProps = {
  slug: string;
  currency: string;
  timeZone: string;
  transfer: TTransferProgress | null;
  result: TJsonSafe<ActionResult<TCommitResult>> | null;
  onBack: () => void;
  onRestart: () => void;
};

function Progress({ transfer }: { transfer: TTransferProgress | null }) {
  if (!transfer || transfer.phase === "uploading") return <ProgressBar label="Uploading the file" fraction={transfer?.fraction ?? 0} />;
  if (transfer.stage === "checking") return <ProgressBar label="Checking every row" fraction={null} />;
  const detail = `${transfer.done.toLocaleString("en-US")} of ${transfer.total.toLocaleString("en-US")}`;
  return <ProgressBar label="Writing rows (nothing counts until all are written)" fraction={transfer.done / Math.max(1, transfer.total)} detail={detail} />;
}

function Success({ data, currency, timeZone }: { data: TJsonSafe<TCommitResult>; currency: string; timeZone: string }) {
  if (data.outcome === "already-imported") {
    return <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{alreadyImportedMessage(data, timeZone)}</p>;
  }
  const skipped = data.skippedCount ? ` ${data.skippedCount.toLocaleString("en-US")} skipped line${data.skippedCount === 1 ? " is" : "s are"} recorded with it.` : "";
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
      <span aria-hidden="true">✓ </span>
      Imported {data.rowCount.toLocaleString("en-US")} rows totalling {formatMoney(BigInt(data.totalMinor), currency)} as batch {data.batchId}.{skipped}
    </p>
  );
}

/** Step 4: the commit's progress, then its outcome. */
export function CommitStep({ slug, currency, timeZone, transfer, result, onBack, onRestart }: TProps) {
  return (
    <Card title="4. Import">
      <div className="space-y-4">
        {!result && <Progress transfer={transfer} />}
        {result?.ok && <Success data={result.data} currency={currency} timeZone={timeZone} />}
        {result && !result.ok && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {result.message} Nothing was imported.
          </p>
        )}
        {result && (
          <div className="flex flex-wrap gap-2">
            {result.ok ? (
              <Link href={`/o/${slug}/revenue`} className="inline-flex items-center rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
                Back to revenue
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
