"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { TFormState } from "@/lib/action-result";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { TextareaField } from "./textarea-field";
import { useScorecardForm } from "./use-scorecard-form";

/**
 * The head's "why" and "what next" for a month, and the month's sign-off. A red month cannot be
 * marked reviewed without both: the server's errors appear beside the fields.
 */
export function NarrativeForm({
  action,
  monthLabel,
  why,
  whatNext,
  version,
  isReviewed,
  status,
}: {
  action: (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;
  monthLabel: string;
  why: string;
  whatNext: string;
  version: string;
  isReviewed: boolean;
  status: TRag | null;
}) {
  const { message, onSubmit, isPending, errors } = useScorecardForm(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Narrative for ${monthLabel}`}>
      <FormMessage state={message} />
      {/* What the page loaded with: "Mark reviewed" saves the text first only when it changed. */}
      <input type="hidden" name="savedWhy" value={why} />
      <input type="hidden" name="savedWhatNext" value={whatNext} />
      {/* The narrative's version as loaded: a save from an older copy is refused, naming who changed it. */}
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextareaField
          key={`why|${why}`}
          label={`Why — ${monthLabel}`}
          name="why"
          defaultValue={why}
          errors={errors?.why}
          rows={3}
          placeholder="What drove the month's result?"
        />
        <TextareaField
          key={`next|${whatNext}`}
          label={`What next — ${monthLabel}`}
          name="whatNext"
          defaultValue={whatNext}
          errors={errors?.whatNext}
          rows={3}
          placeholder="What the department will do about it, by when."
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={isPending}>
          Save narrative
        </Button>
        {!isReviewed && (
          <Button type="submit" name="intent" value="review" disabled={isPending}>
            Mark {monthLabel} reviewed
          </Button>
        )}
        <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          {monthLabel}: <RagBadge rag={status} empty="No KPI values" size="sm" />
        </span>
      </div>
    </form>
  );
}
