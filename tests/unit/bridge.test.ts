import { describe, expect, it } from "vitest";
import { buildBridge, impactOf, tracedShare, type TBridge, type TDepartmentImpact } from "@/lib/bridge";

const dept = (name: string, confirmedMinor: bigint, claimedMinor = 0n): TDepartmentImpact => ({
  departmentId: `id-${name}`,
  name,
  confirmedMinor,
  claimedMinor,
});

/** Every bridge's invariants: the identity to the cent, and bars that chain from target to actual. */
function expectBalanced(bridge: TBridge | null) {
  if (!bridge) throw new Error("expected a bridge");
  const departments = bridge.steps.filter((s) => s.kind === "department");
  const sum = departments.reduce((s, d) => s + d.amountMinor, 0n);
  expect(sum).toBe(bridge.attributedMinor);
  expect(bridge.targetMinor + bridge.attributedMinor + bridge.unattributedMinor).toBe(bridge.actualMinor);
  expect(bridge.steps[0]).toMatchObject({ kind: "target", startMinor: 0n, endMinor: bridge.targetMinor });
  expect(bridge.steps.at(-1)).toMatchObject({
    kind: "actual",
    startMinor: 0n,
    endMinor: bridge.actualMinor,
    amountMinor: bridge.actualMinor,
  });
  // Target → departments → unattributed: each bar starts where the previous one ended.
  const chain = bridge.steps.slice(0, -1);
  for (let i = 1; i < chain.length; i++) {
    const step = chain[i]!;
    expect(step.startMinor).toBe(chain[i - 1]!.endMinor);
    expect(step.endMinor - step.startMinor).toBe(step.amountMinor);
  }
  expect(chain.at(-1)).toMatchObject({ kind: "unattributed", endMinor: bridge.actualMinor });
}

const view = (bridge: TBridge | null) => bridge?.steps.map((s) => [s.label, s.amountMinor, s.startMinor, s.endMinor]);

describe("buildBridge", () => {
  // Target $100,000.00, actual $82,345.67.
  const impacts = [
    dept("Legal", -1_500_001n, -200_000n),
    dept("Billing", -300_050n),
    dept("Marketing", 450_025n, 99n),
    dept("Customer service", 0n, -5_000n),
    dept("Audit", 0n, 0n),
  ];

  it("counts confirmed impacts only by default and lays out every bar to the cent", () => {
    const bridge = buildBridge({ targetMinor: 10_000_000n, actualMinor: 8_234_567n, impacts, includeClaimed: false });
    // −1,500,001 − 300,050 + 450,025 = −1,350,026 attributed; 8,234,567 − 8,649,974 = −415,407 unattributed.
    // Customer service has only a claim: it is listed with a zero step, its claim pending beside it.
    expect(view(bridge)).toEqual([
      ["Target", 10_000_000n, 0n, 10_000_000n],
      ["Legal", -1_500_001n, 10_000_000n, 8_499_999n],
      ["Billing", -300_050n, 8_499_999n, 8_199_949n],
      ["Customer service", 0n, 8_199_949n, 8_199_949n],
      ["Marketing", 450_025n, 8_199_949n, 8_649_974n],
      ["Unattributed", -415_407n, 8_649_974n, 8_234_567n],
      ["Actual", 8_234_567n, 0n, 8_234_567n],
    ]);
    // Claims awaiting finance ride along, uncounted: Legal −200,000, Customer service −5,000, Marketing +99.
    expect(bridge?.steps.filter((s) => s.kind === "department").map((s) => [s.label, s.pendingMinor])).toEqual([
      ["Legal", -200_000n],
      ["Billing", 0n],
      ["Customer service", -5_000n],
      ["Marketing", 99n],
    ]);
    expect(bridge).toMatchObject({ attributedMinor: -1_350_026n, unattributedMinor: -415_407n, includeClaimed: false });
    expect(bridge?.steps[1]?.departmentId).toBe("id-Legal");
    expectBalanced(bridge);
  });

  it("adds claimed impacts when asked, which brings in a department with only claims", () => {
    const bridge = buildBridge({ targetMinor: 10_000_000n, actualMinor: 8_234_567n, impacts, includeClaimed: true });
    // Legal −1,700,001, Billing −300,050, Customer service −5,000, Marketing +450,124: −1,554,927.
    expect(view(bridge)).toEqual([
      ["Target", 10_000_000n, 0n, 10_000_000n],
      ["Legal", -1_700_001n, 10_000_000n, 8_299_999n],
      ["Billing", -300_050n, 8_299_999n, 7_999_949n],
      ["Customer service", -5_000n, 7_999_949n, 7_994_949n],
      ["Marketing", 450_124n, 7_994_949n, 8_445_073n],
      ["Unattributed", -210_506n, 8_445_073n, 8_234_567n],
      ["Actual", 8_234_567n, 0n, 8_234_567n],
    ]);
    expect(bridge).toMatchObject({ attributedMinor: -1_554_927n, unattributedMinor: -210_506n, includeClaimed: true });
    // Counted, the claims are no longer pending.
    expect(bridge?.steps.every((s) => (s.pendingMinor ?? 0n) === 0n)).toBe(true);
    expectBalanced(bridge);
  });

  it("orders the largest negative first, positives after, ties by name, and leaves out zero impacts", () => {
    const bridge = buildBridge({
      targetMinor: 1_000n,
      actualMinor: 1_000n,
      impacts: [
        dept("Zeta", -100n),
        dept("Media", 50n),
        dept("Billing", 300n),
        dept("Alpha", -100n),
        dept("Legal", -500n),
        dept("Audit", 0n),
        dept("Sales", 200n, -200n),
      ],
      includeClaimed: false,
    });
    expect(bridge?.steps.map((s) => s.label)).toEqual([
      "Target",
      "Legal",
      "Alpha",
      "Zeta",
      "Media",
      "Sales",
      "Billing",
      "Unattributed",
      "Actual",
    ]);
    // Equal counted impacts: the larger pending claim against revenue first.
    const tied = buildBridge({
      targetMinor: 1_000n,
      actualMinor: 1_000n,
      impacts: [dept("Audit", 0n, 40n), dept("Legal", 0n, -30n)],
      includeClaimed: false,
    });
    expect(tied?.steps.map((s) => s.label)).toEqual(["Target", "Legal", "Audit", "Unattributed", "Actual"]);
    // With claims, Sales nets to zero and drops out.
    const withClaims = buildBridge({
      targetMinor: 1_000n,
      actualMinor: 1_000n,
      impacts: [dept("Sales", 200n, -200n), dept("Media", 50n)],
      includeClaimed: true,
    });
    expect(withClaims?.steps.map((s) => s.label)).toEqual(["Target", "Media", "Unattributed", "Actual"]);
    expect(withClaims?.unattributedMinor).toBe(-50n);
  });

  it("bridges an empty period straight from target to actual", () => {
    const bridge = buildBridge({
      targetMinor: 5_000_000n,
      actualMinor: 4_200_001n,
      impacts: [],
      includeClaimed: false,
    });
    expect(view(bridge)).toEqual([
      ["Target", 5_000_000n, 0n, 5_000_000n],
      ["Unattributed", -799_999n, 5_000_000n, 4_200_001n],
      ["Actual", 4_200_001n, 0n, 4_200_001n],
    ]);
    expect(bridge?.attributedMinor).toBe(0n);
    expectBalanced(bridge);
  });

  it("leaves a positive remainder when departments explain more than the gap", () => {
    // Gap 100,000; Legal and Billing claim 250,000 of damage between them: 150,000 is unexplained upside.
    const bridge = buildBridge({
      targetMinor: 1_000_000n,
      actualMinor: 900_000n,
      impacts: [dept("Legal", -200_000n), dept("Billing", -50_000n)],
      includeClaimed: false,
    });
    expect(bridge).toMatchObject({ attributedMinor: -250_000n, unattributedMinor: 150_000n });
    expect(bridge?.steps.at(-2)).toMatchObject({
      kind: "unattributed",
      amountMinor: 150_000n,
      startMinor: 750_000n,
      endMinor: 900_000n,
    });
    expectBalanced(bridge);
  });

  it("balances above target, with a zero target, and beyond 2^53", () => {
    const cases = [
      { targetMinor: 1_000_00n, actualMinor: 1_250_01n, impacts: [dept("Marketing", 10_001n), dept("Sales", 3n, 7n)] },
      { targetMinor: 0n, actualMinor: 99n, impacts: [dept("Legal", -1n)] },
      {
        targetMinor: 900_000_000_000_000_001n,
        actualMinor: 899_999_999_999_999_999n,
        impacts: [dept("Legal", -9_007_199_254_740_993n), dept("Marketing", 1n, 9_007_199_254_740_991n)],
      },
      { targetMinor: 3n, actualMinor: -7n, impacts: [dept("Billing", -1n, -1n), dept("Audit", 1n, 1n)] },
    ];
    for (const c of cases)
      for (const includeClaimed of [false, true]) expectBalanced(buildBridge({ ...c, includeClaimed }));
    const big = buildBridge({ ...cases[2]!, includeClaimed: false });
    // 899,999,999,999,999,999 − (900,000,000,000,000,001 − 9,007,199,254,740,993 + 1) = 9,007,199,254,740,990.
    expect(big?.unattributedMinor).toBe(9_007_199_254_740_990n);
    const zero = buildBridge({ ...cases[1]!, includeClaimed: false });
    expect(zero?.unattributedMinor).toBe(100n);
  });

  it("has nothing to bridge from without a target", () => {
    expect(
      buildBridge({ targetMinor: null, actualMinor: 500n, impacts: [dept("Legal", -5n)], includeClaimed: true }),
    ).toBeNull();
  });
});

describe("impactOf", () => {
  it("counts claimed amounts only when they are included", () => {
    expect(impactOf(dept("Legal", -300n, -200n), false)).toBe(-300n);
    expect(impactOf(dept("Legal", -300n, -200n), true)).toBe(-500n);
  });
});

describe("tracedShare", () => {
  // Target to date $1,000,000.00, actual $880,000.00: a $120,000.00 shortfall (12,000,000 cents).
  it("says how much of a shortfall the departments explain, confirmed and claimed", () => {
    const impacts: TDepartmentImpact[] = [
      { ...dept("Legal", -5_000_000n, -1_000_000n), pipelineMinor: -1_000_000n },
      dept("Sales", -2_000_000n, -800_000n),
      dept("Marketing", 600_000n),
    ];
    const share = tracedShare(impacts, 100_000_000n, 88_000_000n);
    // Confirmed (with the charged deal): −(−5,000,000 − 1,000,000 − 2,000,000 + 600,000) = 7,400,000 of
    // 12,000,000 = 61.666… % → 6167 bp; claimed 1,800,000 / 12,000,000 = 15 %; together 9,200,000 = 76.67 %.
    expect(share).toEqual({
      gapMinor: 12_000_000n,
      confirmedMinor: 7_400_000n,
      claimedMinor: 1_800_000n,
      confirmedBp: 6167,
      claimedBp: 1500,
      totalBp: 7667,
    });
  });

  it("reads a lead over plan the same way: departments that helped explain it", () => {
    // Target 500,000, actual 600,000: a lead of 100,000; Marketing helped by 25,000 confirmed, Billing hurt by 5,000 claimed.
    const share = tracedShare([dept("Marketing", 25_000n), dept("Billing", 0n, -5_000n)], 500_000n, 600_000n);
    // −(25,000) / −100,000 = 25 %; −(−5,000) / −100,000 = −5 %: the claim works against the lead.
    expect(share).toMatchObject({ gapMinor: -100_000n, confirmedBp: 2500, claimedBp: -500, totalBp: 2000 });
  });

  it("has no share when actual meets the target exactly", () => {
    expect(tracedShare([dept("Legal", -5n)], 1_000n, 1_000n)).toMatchObject({
      gapMinor: 0n,
      confirmedBp: null,
      claimedBp: null,
      totalBp: null,
    });
  });
});
