import { describe, expect, it } from "vitest";
import { closeDecision, closeItemText, type TCloseItem } from "@/lib/close-checklist";
import { plural } from "@/lib/format";
import { groupThousands } from "@/lib/money";

const item = (kind: TCloseItem["kind"], count = 1): TCloseItem => ({
  kind,
  blocking: kind === "claims",
  departmentId: "d1",
  department: "Legal",
  count,
  href: "/o/acme/departments/d1?period=m-2026-11",
  label: "Nov 2026",
});

describe("closeDecision", () => {
  it("refuses the month in progress and later months, whatever the day: a month closes from its next month on", () => {
    expect(closeDecision("2026-11", "2026-11", [], true)).toEqual({ ok: false, reason: "inProgress" });
    expect(closeDecision("2026-12", "2026-11", [], true)).toEqual({ ok: false, reason: "inProgress" });
    expect(closeDecision("2026-11", "2026-12", [], false)).toEqual({ ok: true });
    // Across a year end.
    expect(closeDecision("2026-12", "2027-01", [], false)).toEqual({ ok: true });
  });

  it("blocks on a claim awaiting review even when the closer confirms", () => {
    expect(closeDecision("2026-10", "2026-12", [item("claims", 2)], true)).toEqual({ ok: false, reason: "blocked" });
  });

  it("closes over other open items only once confirmed", () => {
    const open = [item("disputedClaims"), item("redWithoutWhy"), item("missingKpiValues", 3), item("disputedCauses")];
    expect(closeDecision("2026-10", "2026-12", open, false)).toEqual({ ok: false, reason: "unconfirmed" });
    expect(closeDecision("2026-10", "2026-12", open, true)).toEqual({ ok: true });
  });
});

describe("closeItemText", () => {
  it("says what is owed in one sentence, with the count's plural", () => {
    expect(closeItemText(item("claims", 1))).toBe("Legal: 1 claim awaiting finance's review");
    expect(closeItemText(item("claims", 2))).toBe("Legal: 2 claims awaiting finance's review");
    expect(closeItemText(item("disputedClaims", 1))).toBe("Legal: 1 disputed claim the head has not revised");
    expect(closeItemText(item("disputedCauses", 3))).toBe("Legal: 3 disputed deal causes not settled");
    expect(closeItemText(item("redWithoutWhy"))).toBe('Legal: red in Nov 2026 with no "why"');
    expect(closeItemText(item("missingKpiValues", 2))).toBe("Legal: 2 KPIs without a value for Nov 2026");
  });
});

describe("plural and groupThousands", () => {
  it("count nouns and group digits in threes", () => {
    expect(plural(0, "deal")).toBe("0 deals");
    expect(plural(1, "deal")).toBe("1 deal");
    expect(plural(6711, "deal")).toBe("6,711 deals");
    expect(groupThousands("1008000.00")).toBe("1,008,000.00");
    expect(groupThousands("100.5")).toBe("100.5");
    expect(groupThousands("-1234567")).toBe("-1,234,567");
    expect(groupThousands("0.00")).toBe("0.00");
  });
});
