"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TBadRowsSummary } from "@/lib/csv/summary";
import type { TAlreadyImported, TJsonSafe } from "@/lib/csv/wire";
import { BadRows } from "./bad-rows";
import { AlreadyImportedNotice } from "./notices";

/** What the wizard hands to an import's step 3. */
export type TPreviewStepProps<P> = {
  preview: TJsonSafe<P>;
  timeZone: string;
  skipBadRows: boolean;
  onSkipChange: (skip: boolean) => void;
  onCommit: () => void;
  onBack: () => void;
};

/** What every import's preview says: whether the file was imported before, and its good and bad rows. */
type TPreviewShape = { alreadyImported: TAlreadyImported | null; summary: TBadRowsSummary & { acceptedCount: number } };

type TProps = TPreviewStepProps<TPreviewShape> & {
  description: string;
  /** What a commit would write, shown when there is anything. */
  children: ReactNode;
  /** The import button's label when "Import N rows" would not say what happens. */
  commitLabel?: string;
  /** Optional: the bad rows grouped by reason, shown before their list. */
  badReasons?: ReactNode;
};

export const countOf = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/**
 * Step 3: what a commit would write, and the rows it cannot. Nothing can be imported while a bad
 * row is left, until the user explicitly chooses to skip the bad rows; a file already imported
 * cannot be imported again.
 */
export function PreviewCard({
  preview,
  description,
  timeZone,
  skipBadRows,
  onSkipChange,
  onCommit,
  onBack,
  children,
  commitLabel,
  badReasons,
}: TProps) {
  const { alreadyImported, summary } = preview;
  const { acceptedCount } = summary;
  const hasBadRows = summary.badRowCount > 0;
  const canCommit = !alreadyImported && acceptedCount > 0 && (!hasBadRows || skipBadRows);
  return (
    <Card title="3. Check and import" description={description}>
      <div className="space-y-4">
        {alreadyImported && <AlreadyImportedNotice info={alreadyImported} timeZone={timeZone} />}
        {acceptedCount > 0 ? children : <p className="text-sm">No row of this file can be imported.</p>}
        {hasBadRows && (
          <BadRows
            summary={summary}
            skipBadRows={skipBadRows}
            onSkipChange={onSkipChange}
            isSkippable={!alreadyImported && acceptedCount > 0}
            reasons={badReasons}
          />
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={onCommit} disabled={!canCommit}>
            {commitLabel ?? `Import ${countOf(acceptedCount, "row")}`}
          </Button>
          <Button type="button" variant="secondary" onClick={onBack}>
            Change the mapping
          </Button>
        </div>
      </div>
    </Card>
  );
}
