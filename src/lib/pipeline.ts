import type { ForecastCategory, StageOutcome } from "@db/enums";

/**
 * The forecast category a stage implies when the user does not choose one: closed won → CLOSED,
 * closed lost → OMITTED, a stage named "Commit" → COMMIT; otherwise the deal keeps its category
 * (PIPELINE when it had none or is reopened). Used by the deal form, inline edits and the CSV import.
 */
export function categoryForStage(
  outcome: StageOutcome,
  current: ForecastCategory | null,
  stageName?: string,
): ForecastCategory {
  if (outcome === "WON") return "CLOSED";
  if (outcome === "LOST") return "OMITTED";
  if (stageName?.trim().toLowerCase() === "commit") return "COMMIT";
  return current === null || current === "CLOSED" || current === "OMITTED" ? "PIPELINE" : current;
}
