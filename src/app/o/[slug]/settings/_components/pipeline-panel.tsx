"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { HeadlineForecast, StageOutcome } from "@db/enums";
import {
  addLossCauseAction,
  archiveLossCauseAction,
  archiveStageAction,
  createStageAction,
  renameLossCauseAction,
  restoreLossCauseAction,
  restoreStageAction,
  setHeadlineForecastAction,
  updateStageAction,
} from "../actions";
import { RenameArchiveRow } from "./rename-archive-row";
import { plural } from "@/lib/format";

export type TStage = {
  id: string;
  name: string;
  probabilityBp: number;
  outcome: StageOutcome;
  isArchived: boolean;
  dealCount: number;
};
export type TLossCause = { id: string; name: string; isArchived: boolean; useCount: number };

const OUTCOMES = [
  { value: "OPEN", label: "Open" },
  { value: "WON", label: "Closed won" },
  { value: "LOST", label: "Closed lost" },
];
const HEADLINES = [
  { value: "WEIGHTED", label: "Weighted pipeline (amount × probability)" },
  { value: "COMMIT", label: "Commit" },
  { value: "BEST_CASE", label: "Best case" },
];
/** 7250 bp → "72.5", as a person would type it. */
const percent = (bp: number) => String(bp / 100);

function StageRow({ slug, stage }: { slug: string; stage: TStage }) {
  const save = useFormAction(updateStageAction.bind(null, slug));
  const archive = useFormAction(archiveStageAction.bind(null, slug));
  const restore = useFormAction(restoreStageAction.bind(null, slug));
  const toggle = stage.isArchived ? restore : archive;
  return (
    <li className="space-y-2 py-3" aria-label={`Stage ${stage.name}`}>
      <FormMessage state={save.state} />
      {stage.isArchived ? <FormMessage state={archive.state} /> : <FormMessage state={restore.state} />}
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={save.onSubmit} noValidate className="flex flex-1 flex-wrap items-end gap-2">
          <input type="hidden" name="stageId" value={stage.id} />
          <div className="min-w-40 flex-1">
            <TextField
              label={`Name${stage.isArchived ? " · archived" : ""}`}
              hint={plural(stage.dealCount, "deal")}
              name="name"
              defaultValue={stage.name}
              errors={save.errors?.name}
            />
          </div>
          <div className="w-24">
            <TextField
              label="Default %"
              name="probability"
              inputMode="decimal"
              defaultValue={percent(stage.probabilityBp)}
              errors={save.errors?.probability}
            />
          </div>
          <div className="w-36">
            <SelectField
              label="Outcome"
              name="outcome"
              defaultValue={stage.outcome}
              options={OUTCOMES}
              errors={save.errors?.outcome}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            Save
          </Button>
        </form>
        <form onSubmit={toggle.onSubmit}>
          <input type="hidden" name="stageId" value={stage.id} />
          <Button
            type="submit"
            variant={stage.isArchived ? "secondary" : "danger"}
            disabled={toggle.isPending}
            title={stage.isArchived ? undefined : "Closed deals keep it; new deals cannot use it"}
          >
            {stage.isArchived ? "Restore" : "Archive"}
          </Button>
        </form>
      </div>
    </li>
  );
}

/** Clears an add form after a success (a failed attempt keeps what was typed). */
function useResetOnSuccess(state: { ok: boolean } | null) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return form;
}

function AddStageForm({ slug }: { slug: string }) {
  const { state, onSubmit, isPending, errors } = useFormAction(createStageAction.bind(null, slug));
  const form = useResetOnSuccess(state);
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800"
      aria-label="Add a stage"
    >
      <FormMessage state={state} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <TextField label="New stage" name="name" errors={errors?.name} />
        </div>
        <div className="w-24">
          <TextField label="Default %" name="probability" inputMode="decimal" errors={errors?.probability} />
        </div>
        <div className="w-36">
          <SelectField label="Outcome" name="outcome" defaultValue="OPEN" options={OUTCOMES} errors={errors?.outcome} />
        </div>
        <Button type="submit" disabled={isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}

function AddCauseForm({ slug }: { slug: string }) {
  const { state, onSubmit, isPending, errors } = useFormAction(addLossCauseAction.bind(null, slug));
  const form = useResetOnSuccess(state);
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800"
      aria-label="Add a cause"
    >
      <FormMessage state={state} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField label="New cause" name="name" errors={errors?.name} />
        </div>
        <Button type="submit" disabled={isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}

function HeadlineForm({ slug, value }: { slug: string; value: HeadlineForecast }) {
  const { state, onSubmit, isPending, errors } = useFormAction(setHeadlineForecastAction.bind(null, slug));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label="Headline forecast">
      <FormMessage state={state} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <SelectField
            label="Headline forecast"
            hint="The dashboard's forecast tile and outlook use it while deals are open; without any, the run rate of completed months."
            name="headlineForecast"
            defaultValue={value}
            options={HEADLINES}
            errors={errors?.headlineForecast}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

/**
 * The sales process (OWNER): stages with their default probability and outcome, the causes a lost or
 * slipped deal can name, and which forecast headlines the dashboard. Archiving keeps history readable.
 */
export function PipelinePanel({
  slug,
  stages,
  causes,
  headlineForecast,
}: {
  slug: string;
  stages: TStage[];
  causes: TLossCause[];
  headlineForecast: HeadlineForecast;
}) {
  return (
    <Card
      title="Pipeline"
      description="Stages and their default probability (moving a deal to a stage sets it; the rep may override), why deals are lost or slip, and the dashboard's headline forecast."
    >
      <div className="space-y-6">
        <div className="max-w-xl">
          <HeadlineForm slug={slug} value={headlineForecast} />
        </div>
        <section aria-labelledby="pipeline-stages">
          <h3 id="pipeline-stages" className="text-sm font-medium">
            Stages
          </h3>
          {stages.length === 0 ? (
            <p className="py-2 text-sm text-zinc-500">No stages yet — add the first below.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {stages.map((s) => (
                <StageRow key={s.id} slug={slug} stage={s} />
              ))}
            </ul>
          )}
          <AddStageForm slug={slug} />
        </section>
        <section aria-labelledby="pipeline-causes" className="max-w-3xl">
          <h3 id="pipeline-causes" className="text-sm font-medium">
            Loss and slip causes
          </h3>
          {causes.length === 0 ? (
            <p className="py-2 text-sm text-zinc-500">No causes yet — add the first below.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {causes.map((c) => (
                <RenameArchiveRow
                  key={c.id}
                  ariaLabel={`Cause ${c.name}`}
                  idField="lossCauseId"
                  id={c.id}
                  name={c.name}
                  label={`Name${c.isArchived ? " · archived" : ""}`}
                  hint={`named on ${plural(c.useCount, "deal")}`}
                  isArchived={c.isArchived}
                  rename={renameLossCauseAction.bind(null, slug)}
                  archive={archiveLossCauseAction.bind(null, slug)}
                  restore={restoreLossCauseAction.bind(null, slug)}
                  archiveLabel="Archive"
                  archiveTitle="Past deals keep it; new ones cannot name it"
                />
              ))}
            </ul>
          )}
          <AddCauseForm slug={slug} />
        </section>
      </div>
    </Card>
  );
}
