"use client";

import type { ReactNode } from "react";
import type { TCsvTable } from "@/lib/csv/table";
import type { TAlreadyImportedOutcome, TJsonSafe } from "@/lib/csv/wire";
import { CommitStep } from "./commit-step";
import { FileStep } from "./file-step";
import type { TMappingStepProps } from "./mapping-card";
import type { TPreviewStepProps } from "./preview-card";
import { FailureNotice } from "./notices";
import { ProgressBar } from "./progress-bar";
import { useImportFlow, type TFlatMapping } from "./use-import-flow";

/** M: the import's mapping; P: its preview; R: its result when rows were written. */
type TProps<M extends TFlatMapping, P, R> = {
  /** The import route (POST intent=preview|commit). */
  url: string;
  initialMapping: (table: TCsvTable) => M;
  /** The organization's zone, for when an earlier import happened. */
  timeZone: string;
  file: { title: string; description: ReactNode };
  renderMapping: (props: TMappingStepProps<M>) => ReactNode;
  renderPreview: (props: TPreviewStepProps<P>) => ReactNode;
  renderImported: (data: TJsonSafe<R>) => ReactNode;
  /** Where to go once the rows are written. */
  done: { href: string; label: string };
  /** Choices made on the preview, sent with the commit. */
  commitFields?: Record<string, string>;
};

/** Upload → map → check → import, each step visible once reached; the import supplies steps 2 and 3. */
export function ImportWizard<M extends TFlatMapping, P, R>({
  url,
  initialMapping,
  timeZone,
  file,
  renderMapping,
  renderPreview,
  renderImported,
  done,
  commitFields,
}: TProps<M, P, R>) {
  const flow = useImportFlow<M, P, R | TAlreadyImportedOutcome>({ url, initialMapping, commitFields });
  const { stage, loaded, mapping, preview, failure, transfer } = flow;
  const isUploading = transfer?.phase === "uploading" && transfer.fraction < 1;
  return (
    <div className="space-y-6">
      {stage === "file" && <FileStep title={file.title} description={file.description} onLoaded={flow.load} />}
      {loaded && mapping !== null && stage === "map" && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            File: <span className="font-medium text-zinc-900 dark:text-zinc-100">{loaded.file.name}</span>{" "}
            <button
              type="button"
              onClick={flow.restart}
              className="text-accent-600 dark:text-accent-400 hover:underline"
            >
              choose another
            </button>
          </p>
          {failure && <FailureNotice message={failure.message} />}
          {renderMapping({
            table: loaded.table,
            mapping,
            onChange: flow.setMapping,
            serverErrors: failure?.fieldErrors,
            isBusy: flow.isBusy,
            onSubmit: flow.check,
          })}
          {flow.isBusy && (
            <ProgressBar
              label={isUploading ? "Uploading the file" : "Checking every row"}
              fraction={isUploading ? transfer.fraction : null}
            />
          )}
        </>
      )}
      {preview &&
        stage === "preview" &&
        renderPreview({
          preview,
          timeZone,
          skipBadRows: flow.skipBadRows,
          onSkipChange: flow.setSkipBadRows,
          onCommit: flow.commit,
          onBack: () => flow.setStage("map"),
        })}
      {stage === "commit" && (
        <CommitStep<R>
          timeZone={timeZone}
          transfer={transfer}
          result={flow.commitResult}
          renderImported={renderImported}
          done={done}
          onBack={() => flow.setStage("preview")}
          onRestart={flow.restart}
        />
      )}
    </div>
  );
}
