// Commitment accuracy (DESIGN.md "Commitment"): how often a department does what it promised, and
// how much of the promised revenue impact it delivered. Counts and sums come from SQL (GROUP BY
// status); this file only divides.
import type { CommitmentStatus } from "@db/enums";
import { ratioBp } from "./metrics";

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  OPEN: "Open",
  DONE: "Done",
  MISSED: "Missed",
};

/** Per status: how many commitments, Σ expected impact, Σ delivered impact. */
export type TCommitmentTally = {
  status: CommitmentStatus;
  count: number;
  expectedMinor: bigint;
  deliveredMinor: bigint;
};

export type TCommitmentAccuracy = {
  open: number;
  overdue: number;
  done: number;
  missed: number;
  /** DONE / (DONE + MISSED) in basis points; null before anything is resolved. */
  hitRateBp: number | null;
  /** Σ expected impact of resolved (DONE or MISSED) commitments. */
  promisedMinor: bigint;
  /** Σ delivered impact of resolved commitments. */
  deliveredMinor: bigint;
  /** delivered / promised in basis points; null when nothing resolved was promised. */
  deliveredBp: number | null;
};

export function commitmentAccuracy(tallies: TCommitmentTally[], overdue = 0): TCommitmentAccuracy {
  const of = (status: CommitmentStatus) => tallies.filter((t) => t.status === status);
  const count = (status: CommitmentStatus) => of(status).reduce((n, t) => n + t.count, 0);
  const resolved = tallies.filter((t) => t.status !== "OPEN");
  const promisedMinor = resolved.reduce((s, t) => s + t.expectedMinor, 0n);
  const deliveredMinor = resolved.reduce((s, t) => s + t.deliveredMinor, 0n);
  const done = count("DONE");
  const missed = count("MISSED");
  return {
    open: count("OPEN"),
    overdue,
    done,
    missed,
    hitRateBp: done + missed === 0 ? null : ratioBp(BigInt(done), BigInt(done + missed)),
    promisedMinor,
    deliveredMinor,
    deliveredBp: promisedMinor === 0n ? null : ratioBp(deliveredMinor, promisedMinor),
  };
}

/** An OPEN commitment whose due date (YYYY-MM-DD) is before today (YYYY-MM-DD, organization's zone). */
export function isOverdue(status: CommitmentStatus, dueDate: string, today: string): boolean {
  return status === "OPEN" && dueDate < today;
}
