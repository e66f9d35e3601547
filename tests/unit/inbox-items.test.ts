import { describe, expect, it } from "vitest";
import {
  chargeItem,
  claimsToReviewItem,
  commitmentItem,
  disputedClaimItem,
  disputeToSettleItem,
  groupItems,
  monthCloseItem,
  redMonthItem,
  staleDealItem,
  waitedText,
  type TFormat,
} from "@/lib/inbox/items";
import { navigationFor } from "@/lib/inbox/navigation";

const f = (today: string): TFormat => ({ slug: "acme", currency: "USD", locale: "en-US", today });

describe("the items' sentences, waits and links", () => {
  it("a red month waits from the day after it ended, and links to its narrative on the scorecard", () => {
    const first = redMonthItem(f("2026-12-01"), { departmentId: "d1", departmentName: "Legal", month: "2026-11" });
    expect(first).toMatchObject({
      title: "Explain why November 2026 was red: write its “why” and “what next”",
      context: ["Legal", "November 2026"],
      waited: "since today",
      urgency: "open",
      href: "/o/acme/departments/d1?period=m-2026-11#narrative-2026-11",
    });
    // A week after the month's end it is late (and escalates).
    expect(
      redMonthItem(f("2026-12-07"), { departmentId: "d1", departmentName: "Legal", month: "2026-11" }),
    ).toMatchObject({ waited: "waiting 6 days", urgency: "open" });
    expect(
      redMonthItem(f("2026-12-08"), { departmentId: "d1", departmentName: "Legal", month: "2026-11" }),
    ).toMatchObject({ waited: "waiting 7 days", urgency: "late" });
  });

  it("says 1 day, not 1 days", () => {
    expect(waitedText(1)).toBe("waiting 1 day");
    expect(waitedText(2)).toBe("waiting 2 days");
  });

  it("a disputed claim names finance's reason, the signed amount and the month's contributions", () => {
    const item = disputedClaimItem(f("2026-12-03"), {
      id: "c1",
      departmentId: "d1",
      departmentName: "Legal",
      month: "2026-11",
      description: "MSA stuck in review",
      amountMinor: -2_500_000n,
      reviewReason: "No evidence attached",
      disputedOn: "2026-12-01",
    });
    expect(item).toMatchObject({
      title: "Revise the disputed claim “MSA stuck in review” — finance: No evidence attached",
      context: ["Legal", "November 2026", "-$25,000.00"],
      waited: "waiting 2 days",
      href: "/o/acme/departments/d1?period=m-2026-11#contributions",
    });
  });

  it("a charged deal shows what it costs and until when it can be disputed", () => {
    const item = chargeItem(f("2026-12-01"), {
      id: "x1",
      departmentId: "d1",
      departmentName: "Legal",
      month: "2026-11",
      dealName: "Globex expansion",
      kind: "LOST",
      amountMinor: 4_000_000n,
      chargedOn: "2026-11-20",
    });
    expect(item.title).toBe("Accept or dispute the lost deal “Globex expansion” charged to Legal");
    expect(item.context).toEqual(["Legal", "November 2026", "-$40,000.00"]);
    expect(item.waited).toBe("waiting 11 days; left standing, it is accepted after Dec 3, 2026");
    expect(item.urgency).toBe("soon"); // two days left
    expect(item.href).toBe("/o/acme/departments/d1?period=m-2026-11#causes");
  });

  it("a commitment is due today, due in n days, or overdue", () => {
    const row = {
      id: "k1",
      departmentId: "d1",
      departmentName: "Legal",
      title: "Template MSA",
      dueDate: "2026-12-04",
      ownerName: "Lee",
    };
    expect(commitmentItem(f("2026-12-01"), row, { state: "due", days: 3 })).toMatchObject({
      waited: "due in 3 days",
      urgency: "soon",
      waitedDays: -3,
      href: "/o/acme/departments/d1?period=m-2026-12#commitments",
    });
    expect(commitmentItem(f("2026-12-04"), row, { state: "due", days: 0 }).waited).toBe("due today");
    expect(commitmentItem(f("2026-12-05"), row, { state: "overdue", days: 1 })).toMatchObject({
      waited: "overdue by 1 day",
      urgency: "late",
    });
  });

  it("finance's claims come per department and month, late after five days", () => {
    const row = {
      departmentId: "d2",
      departmentName: "Marketing",
      month: "2026-11" as const,
      count: 3,
      totalMinor: 1_240_000n,
      oldestOn: "2026-11-27",
    };
    expect(claimsToReviewItem(f("2026-12-02"), row)).toMatchObject({
      title: "Confirm or dispute 3 claims from Marketing for November 2026",
      context: ["Marketing", "November 2026", "+$12,400.00 claimed"],
      waited: "oldest waiting 5 days",
      urgency: "open",
    });
    expect(claimsToReviewItem(f("2026-12-03"), row).urgency).toBe("late");
    expect(claimsToReviewItem(f("2026-12-03"), { ...row, count: 1 })).toMatchObject({
      title: "Confirm or dispute a claim from Marketing for November 2026",
      actionLabel: "Review the claim",
    });
  });

  it("a dispute to settle names the department and its reason", () => {
    const item = disputeToSettleItem(f("2026-12-03"), {
      id: "x1",
      departmentId: "d1",
      departmentName: "Legal",
      month: "2026-10",
      dealName: "Initech",
      amountMinor: 1_000_000n,
      disputeReason: "Lost on price",
      disputedOn: "2026-11-30",
    });
    expect(item).toMatchObject({
      title: "Settle Legal’s dispute over the deal “Initech” — “Lost on price”",
      waited: "waiting 3 days",
      href: "/o/acme/departments/d1?period=m-2026-10#causes",
    });
  });

  it("a month to close links to its fiscal year's revenue page, late from the tenth day", () => {
    expect(monthCloseItem(f("2026-12-09"), { month: "2026-11", fiscalYear: 2026 }, "ready")).toMatchObject({
      title: "Close November 2026",
      waited: "ended 9 days ago",
      urgency: "open",
      href: "/o/acme/revenue?fy=2026",
    });
    expect(monthCloseItem(f("2026-12-10"), { month: "2026-11", fiscalYear: 2026 }, "ready")).toMatchObject({
      title: "Close November 2026: still open 10 days after its end",
      urgency: "late",
    });
    expect(monthCloseItem(f("2026-12-01"), { month: "2026-11", fiscalYear: 2027 }, "no-actuals")).toMatchObject({
      kind: "noActuals",
      title: "Record November 2026’s actuals: the month has no revenue entries",
      waited: "ended 1 day ago",
      href: "/o/acme/revenue?fy=2027",
    });
  });

  it("a stale deal counts the days past its close date and links to the deal", () => {
    const item = staleDealItem(f("2026-12-03"), {
      id: "o1",
      name: "Globex expansion",
      account: "Globex",
      amountMinor: 1_330_000n,
      expectedCloseDate: "2026-11-30",
      ownerName: "Sam",
    });
    expect(item).toMatchObject({
      title: "Update “Globex expansion”: it was expected to close Nov 30, 2026 and is still open",
      context: ["Globex", "$13,300.00", "Owner Sam"],
      waited: "3 days past its close date",
      href: "/o/acme/pipeline/o1",
    });
  });
});

describe("grouping", () => {
  it("puts late first, then due soon, then the rest, the longest wait first in each", () => {
    const today = f("2026-12-12");
    const items = [
      monthCloseItem(today, { month: "2026-11", fiscalYear: 2026 }, "ready"), // late, 12 days
      commitmentItem(
        today,
        { id: "k1", departmentId: "d1", departmentName: "Legal", title: "A", dueDate: "2026-12-14", ownerName: "Lee" },
        { state: "due", days: 2 },
      ),
      redMonthItem(today, { departmentId: "d1", departmentName: "Legal", month: "2026-10" }), // late, 41 days
      claimsToReviewItem(today, {
        departmentId: "d2",
        departmentName: "Marketing",
        month: "2026-12",
        count: 1,
        totalMinor: 1n,
        oldestOn: "2026-12-11",
      }), // open
    ];
    const groups = groupItems(items);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.kind)])).toEqual([
      ["Late", ["redMonth", "monthClose"]],
      ["Due soon", ["commitment"]],
      ["To do", ["claimsToReview"]],
    ]);
    expect(groupItems([])).toEqual([]);
  });
});

describe("navigation", () => {
  const labels = (items: { label: string }[]) => items.map((i) => i.label);

  it("offers Settings only to the roles that may open it, and My work with its count to everyone", () => {
    expect(labels(navigationFor("acme", { role: "OWNER", departmentId: null }, 2))).toEqual([
      "Dashboard",
      "My work",
      "Revenue",
      "Departments",
      "Pipeline",
      "Settings",
    ]);
    expect(labels(navigationFor("acme", { role: "VIEWER", departmentId: null }, 0))).toEqual([
      "Dashboard",
      "My work",
      "Revenue",
      "Departments",
      "Pipeline",
    ]);
    expect(labels(navigationFor("acme", { role: "FINANCE", departmentId: null }, 0))).toEqual([
      "My work",
      "Dashboard",
      "Revenue",
      "Departments",
      "Pipeline",
    ]);
    const head = navigationFor("acme", { role: "DEPARTMENT_HEAD", departmentId: "d1" }, 3);
    expect(head[0]).toEqual({ href: "/o/acme/inbox", label: "My work", count: 3 });
    expect(labels(head)).not.toContain("Settings");
  });

  it("leaves the count off while it is still being counted", () => {
    expect(navigationFor("acme", { role: "FINANCE", departmentId: null })[0]).toEqual({
      href: "/o/acme/inbox",
      label: "My work",
    });
  });
});
