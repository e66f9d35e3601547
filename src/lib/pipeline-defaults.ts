import type { StageOutcome } from "@db/enums";

/**
 * The stages and loss causes every organization starts with (issue 5); organizations edit their own.
 * The migration 20261127210628_pipeline inserts the same lists for organizations that existed
 * before the pipeline did; keep the two in step (tests/unit/pipeline-defaults.test.ts checks).
 */
export const DEFAULT_STAGES: { name: string; probabilityBp: number; outcome: StageOutcome }[] = [
  { name: "Prospecting", probabilityBp: 1_000, outcome: "OPEN" },
  { name: "Qualification", probabilityBp: 2_500, outcome: "OPEN" },
  { name: "Proposal", probabilityBp: 5_000, outcome: "OPEN" },
  { name: "Negotiation", probabilityBp: 7_000, outcome: "OPEN" },
  { name: "Commit", probabilityBp: 9_000, outcome: "OPEN" },
  { name: "Closed won", probabilityBp: 10_000, outcome: "WON" },
  { name: "Closed lost", probabilityBp: 0, outcome: "LOST" },
];

export const DEFAULT_LOSS_CAUSES = [
  "Contract terms took too long",
  "Invoice dispute",
  "Support escalation",
  "Bad press",
  "Pricing",
  "Competitor",
  "Product gap",
];

export function defaultPipelineRows(organizationId: string) {
  return {
    stages: DEFAULT_STAGES.map((s, sortOrder) => ({ organizationId, ...s, sortOrder })),
    lossCauses: DEFAULT_LOSS_CAUSES.map((name) => ({ organizationId, name })),
  };
}
