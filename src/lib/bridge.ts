// The gap bridge (DESIGN.md "The gap bridge"): for a range R,
//   target(R) + Σ_departments impact(d, R) + unattributed(R) = actual(R)
// Impacts arrive already summed per department by SQL; this file orders them, derives the
// unattributed remainder, and lays out the waterfall. Everything is integer minor units, so the
// bridge balances to the cent by construction, and bridge.test.ts proves it.
import { divRound } from "./money";

export type TDepartmentImpact = {
  departmentId: string;
  name: string;
  /** Σ CONFIRMED contributions in R. */
  confirmedMinor: bigint;
  /** Σ CLAIMED contributions in R (not yet confirmed; counted only when asked to). */
  claimedMinor: bigint;
  /**
   * Σ −amount of the lost and slipped deals in R that name this department responsible (not
   * overturned, and not replaced by a counted contribution linked to the deal).
   */
  pipelineMinor?: bigint;
};

export type TBridgeStep = {
  kind: "target" | "department" | "unattributed" | "actual";
  label: string;
  departmentId?: string;
  /** The step's own amount: the total for target and actual, the signed change otherwise. */
  amountMinor: bigint;
  /** For a department: the part from its contributions and the part from pipeline causes. */
  contributionsMinor?: bigint;
  pipelineMinor?: bigint;
  /**
   * For a department: its claims awaiting finance that the bridge does not count (0 when claimed
   * ones are counted). Drawn as a provisional extension of the bar; it never moves the running total.
   */
  pendingMinor?: bigint;
  /** Where the bar starts and ends on the running total. */
  startMinor: bigint;
  endMinor: bigint;
};

export type TBridge = {
  steps: TBridgeStep[];
  targetMinor: bigint;
  actualMinor: bigint;
  /** Σ department impacts counted in the bridge. */
  attributedMinor: bigint;
  unattributedMinor: bigint;
  includeClaimed: boolean;
};

/** The department's impact as the bridge counts it. */
export const contributionsOf = (d: TDepartmentImpact, includeClaimed: boolean) =>
  d.confirmedMinor + (includeClaimed ? d.claimedMinor : 0n);
export const impactOf = (d: TDepartmentImpact, includeClaimed: boolean) =>
  contributionsOf(d, includeClaimed) + (d.pipelineMinor ?? 0n);

/**
 * target → each department's net impact, largest negative first (ties by name; departments with
 * neither a counted impact nor a pending claim are left out) → unattributed → actual. Null without a
 * target: there is nothing to bridge from.
 */
export function buildBridge(input: {
  targetMinor: bigint | null;
  actualMinor: bigint;
  impacts: TDepartmentImpact[];
  includeClaimed: boolean;
}): TBridge | null {
  const { targetMinor, actualMinor, includeClaimed } = input;
  if (targetMinor === null) return null;
  const departments = input.impacts
    .map((d) => ({ ...d, impact: impactOf(d, includeClaimed), pending: includeClaimed ? 0n : d.claimedMinor }))
    .filter((d) => d.impact !== 0n || d.pending !== 0n)
    .sort((a, b) =>
      a.impact < b.impact
        ? -1
        : a.impact > b.impact
          ? 1
          : a.pending < b.pending
            ? -1
            : a.pending > b.pending
              ? 1
              : a.name.localeCompare(b.name),
    );

  const steps: TBridgeStep[] = [
    { kind: "target", label: "Target", amountMinor: targetMinor, startMinor: 0n, endMinor: targetMinor },
  ];
  let running = targetMinor;
  for (const d of departments) {
    steps.push({
      kind: "department",
      label: d.name,
      departmentId: d.departmentId,
      amountMinor: d.impact,
      contributionsMinor: contributionsOf(d, includeClaimed),
      pipelineMinor: d.pipelineMinor ?? 0n,
      pendingMinor: d.pending,
      startMinor: running,
      endMinor: running + d.impact,
    });
    running += d.impact;
  }
  const attributedMinor = running - targetMinor;
  const unattributedMinor = actualMinor - running;
  steps.push({
    kind: "unattributed",
    label: "Unattributed",
    amountMinor: unattributedMinor,
    startMinor: running,
    endMinor: actualMinor,
  });
  steps.push({ kind: "actual", label: "Actual", amountMinor: actualMinor, startMinor: 0n, endMinor: actualMinor });
  return { steps, targetMinor, actualMinor, attributedMinor, unattributedMinor, includeClaimed };
}

export type TTracedShare = {
  /** target − actual: positive is a shortfall, negative a lead over plan. */
  gapMinor: bigint;
  /** −Σ counted impacts (confirmed contributions and charged deals): the part of the gap they explain. */
  confirmedMinor: bigint;
  /** −Σ claims awaiting finance: what they would explain once confirmed. */
  claimedMinor: bigint;
  /** Shares of the gap in basis points (10000 = all of it); null when there is no gap. */
  confirmedBp: number | null;
  claimedBp: number | null;
  totalBp: number | null;
};

/**
 * The bridge's headline (DESIGN.md): how much of the gap the departments explain, confirmed and
 * claimed. A department that hurt revenue explains part of a shortfall; one that helped explains part
 * of a lead. The same formula serves both: explained / gap with explained = −Σ impacts.
 */
export function tracedShare(impacts: TDepartmentImpact[], targetMinor: bigint, actualMinor: bigint): TTracedShare {
  const gapMinor = targetMinor - actualMinor;
  const confirmedMinor = -impacts.reduce((s, d) => s + impactOf(d, false), 0n);
  const claimedMinor = -impacts.reduce((s, d) => s + d.claimedMinor, 0n);
  const bp = (part: bigint) => (gapMinor === 0n ? null : Number(divRound(part * 10_000n, gapMinor)));
  return {
    gapMinor,
    confirmedMinor,
    claimedMinor,
    confirmedBp: bp(confirmedMinor),
    claimedBp: bp(claimedMinor),
    totalBp: bp(confirmedMinor + claimedMinor),
  };
}
