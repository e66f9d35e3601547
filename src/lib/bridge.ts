// The gap bridge (DESIGN.md "The gap bridge"): for a range R,
//   target(R) + Σ_departments impact(d, R) + unattributed(R) = actual(R)
// Impacts arrive already summed per department by SQL; this file orders them, derives the
// unattributed remainder, and lays out the waterfall. Everything is integer minor units, so the
// bridge balances to the cent by construction, and bridge.test.ts proves it.

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
export const contributionsOf = (d: TDepartmentImpact, includeClaimed: boolean) => d.confirmedMinor + (includeClaimed ? d.claimedMinor : 0n);
export const impactOf = (d: TDepartmentImpact, includeClaimed: boolean) => contributionsOf(d, includeClaimed) + (d.pipelineMinor ?? 0n);

/**
 * target → each department's net impact, largest negative first (ties by name; departments with no
 * impact are left out) → unattributed → actual. Null without a target: there is nothing to bridge from.
 */
export function buildBridge(input: { targetMinor: bigint | null; actualMinor: bigint; impacts: TDepartmentImpact[]; includeClaimed: boolean }): TBridge | null {
  const { targetMinor, actualMinor, includeClaimed } = input;
  if (targetMinor === null) return null;
  const departments = input.impacts
    .map((d) => ({ ...d, impact: impactOf(d, includeClaimed) }))
    .filter((d) => d.impact !== 0n)
    .sort((a, b) => (a.impact < b.impact ? -1 : a.impact > b.impact ? 1 : a.name.localeCompare(b.name)));

  const steps: TBridgeStep[] = [{ kind: "target", label: "Target", amountMinor: targetMinor, startMinor: 0n, endMinor: targetMinor }];
  let running = targetMinor;
  for (const d of departments) {
    steps.push({
      kind: "department",
      label: d.name,
      departmentId: d.departmentId,
      amountMinor: d.impact,
      contributionsMinor: contributionsOf(d, includeClaimed),
      pipelineMinor: d.pipelineMinor ?? 0n,
      startMinor: running,
      endMinor: running + d.impact,
    });
    running += d.impact;
  }
  const attributedMinor = running - targetMinor;
  const unattributedMinor = actualMinor - running;
  steps.push({ kind: "unattributed", label: "Unattributed", amountMinor: unattributedMinor, startMinor: running, endMinor: actualMinor });
  steps.push({ kind: "actual", label: "Actual", amountMinor: actualMinor, startMinor: 0n, endMinor: actualMinor });
  return { steps, targetMinor, actualMinor, attributedMinor, unattributedMinor, includeClaimed };
}
