"use client";

import { CommitStep } from "./commit-step";
import { FileStep } from "./file-step";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import { ProgressBar } from "./progress-bar";
import { useImportFlow } from "./use-import-flow";

type TProps = { slug: string; currency: string; timeZone: string };

/** Upload → map → check → import, each step visible once reached. */
export function ImportWizard({ slug, currency, timeZone }: TProps) {
  const flow = useImportFlow(slug);
  const { stage, loaded, failure, transfer } = flow;
  return (
    <div className="space-y-6">
      {stage === "file" && <FileStep onLoaded={flow.load} />}
      {loaded && stage === "map" && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            File: <span className="font-medium text-zinc-900 dark:text-zinc-100">{loaded.file.name}</span>{" "}
            <button type="button" onClick={flow.restart} className="text-accent-600 dark:text-accent-400 hover:underline">
              choose another
            </button>
          </p>
          {failure && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {failure.message}
            </p>
          )}
          <MappingStep table={loaded.table} mapping={flow.mapping} onChange={flow.setMapping} serverErrors={failure?.fieldErrors} isBusy={flow.isBusy} onSubmit={flow.check} />
          {flow.isBusy && <ProgressBar label={transfer?.phase === "uploading" && transfer.fraction < 1 ? "Uploading the file" : "Checking every row"} fraction={transfer?.phase === "uploading" && transfer.fraction < 1 ? transfer.fraction : null} />}
        </>
      )}
      {flow.preview && stage === "preview" && (
        <PreviewStep
          preview={flow.preview}
          currency={currency}
          timeZone={timeZone}
          skipBadRows={flow.skipBadRows}
          onSkipChange={flow.setSkipBadRows}
          onCommit={flow.commit}
          onBack={() => flow.setStage("map")}
        />
      )}
      {stage === "commit" && (
        <CommitStep
          slug={slug}
          currency={currency}
          timeZone={timeZone}
          transfer={transfer}
          result={flow.commitResult}
          onBack={() => flow.setStage("preview")}
          onRestart={flow.restart}
        />
      )}
    </div>
  );
}
