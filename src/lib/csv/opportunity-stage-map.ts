import type { StageOutcome } from "@db/enums";

// A CRM names its stages its own way ("Engaging", "Closed Won"). The pipeline import maps each
// distinct stage value of a file to one of the organization's stages: the user's choice in the
// wizard first, then the mapping remembered from the last import, then a stage of the same name (any
// case), then "won"/"closed won" → the won stage and "lost"/"closed lost" → the lost stage. Pure.

export type TStageChoice = { id: string; name: string; outcome: StageOutcome };

/** A value's key in a mapping: trimmed, single-spaced, lower case ("Closed  Won " → "closed won"). */
export const stageKey = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

/** Folded value → stage id; "" means "leave unmapped" (the rows stay refused). */
export type TStageMap = Record<string, string>;

const WON = new Set(["won", "closed won", "closed-won", "closedwon", "win"]);
const LOST = new Set(["lost", "closed lost", "closed-lost", "closedlost", "loss"]);

/** The stage a value maps to without a choice: remembered, same name, or won/lost by its usual names. */
export function proposeStage<S extends TStageChoice>(
  value: string,
  stages: readonly S[],
  remembered: TStageMap,
): S | null {
  const key = stageKey(value);
  if (!key) return null;
  const kept = remembered[key];
  const byMemory = kept ? stages.find((s) => s.id === kept) : undefined;
  if (byMemory) return byMemory;
  const byName = stages.find((s) => stageKey(s.name) === key);
  if (byName) return byName;
  const outcome: StageOutcome | null = WON.has(key) ? "WON" : LOST.has(key) ? "LOST" : null;
  return (outcome && stages.find((s) => s.outcome === outcome)) ?? null;
}

/** The stage a value maps to: the user's choice (an id among `stages`, or "" for none), else the proposal. */
export function resolveStage<S extends TStageChoice>(
  value: string,
  stages: readonly S[],
  chosen: TStageMap,
  remembered: TStageMap,
): S | null {
  const key = stageKey(value);
  if (Object.hasOwn(chosen, key)) return stages.find((s) => s.id === chosen[key]) ?? null;
  return proposeStage(value, stages, remembered);
}

/** The distinct stage values of a column, in first-seen order, with how many rows carry each. */
export function distinctStageValues(
  rows: readonly { cells: readonly string[] }[],
  column: number,
): { value: string; count: number }[] {
  const seen = new Map<string, { value: string; count: number }>();
  for (const { cells } of rows) {
    const value = (cells[column] ?? "").trim();
    if (!value) continue;
    const key = stageKey(value);
    const entry = seen.get(key) ?? { value, count: 0 };
    entry.count += 1;
    seen.set(key, entry);
  }
  return [...seen.values()];
}

/** A stored mapping as read from the database: only string → string entries survive. */
export function readStageMap(json: unknown): TStageMap {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === "string"));
}
