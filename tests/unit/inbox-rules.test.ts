import { describe, expect, it } from "vitest";
import {
  chargeAnswerBy,
  commitmentDue,
  daysBetween,
  daysSinceMonthEnd,
  inboxWorkOf,
  isChargeToAnswer,
  isClaimToReview,
  isCloseLate,
  isDisputedClaimToRevise,
  isDisputeToSettle,
  isEscalated,
  isMonthCompleted,
  isRedMonthOwed,
  isStaleDeal,
  landingPath,
  lastDayOf,
  monthCloseState,
  recentCompletedMonths,
} from "@/lib/inbox/rules";

describe("days and months", () => {
  it("counts whole days across month, year and leap-day boundaries", () => {
    expect(daysBetween("2026-11-30", "2026-12-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2); // 2028 is a leap year
    expect(daysBetween("2026-12-03", "2026-11-30")).toBe(-3);
  });

  it("knows a month's last day, and a month is completed only once that day is past", () => {
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
    // On the last day of November, November is still in progress; on December 1st it is completed.
    expect(isMonthCompleted("2026-11", "2026-11-30")).toBe(false);
    expect(isMonthCompleted("2026-11", "2026-12-01")).toBe(true);
  });

  it("looks back over the twelve months before today's, latest first, across the year", () => {
    const months = recentCompletedMonths("2027-01-01");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2026-12");
    expect(months.at(-1)).toBe("2026-01");
    expect(recentCompletedMonths("2026-12-31", 2)).toEqual(["2026-11", "2026-10"]);
  });

  it("counts the days since a month ended: 1 on the next month's first day", () => {
    expect(daysSinceMonthEnd("2026-11", "2026-12-01")).toBe(1);
    expect(daysSinceMonthEnd("2026-11", "2026-12-10")).toBe(10);
  });
});

describe("a red month owes its narrative", () => {
  const red = { month: "2026-11" as const, status: "RED" as const, why: "", whatNext: "" };

  it("from the first day after the month, until both texts are written", () => {
    expect(isRedMonthOwed(red, "2026-11-30")).toBe(false); // last day: still in progress
    expect(isRedMonthOwed(red, "2026-12-01")).toBe(true);
    expect(isRedMonthOwed({ ...red, why: "Two renewals slipped to January." }, "2026-12-01")).toBe(true);
    expect(isRedMonthOwed({ ...red, why: "Two renewals slipped.", whatNext: "   " }, "2026-12-01")).toBe(true);
    expect(isRedMonthOwed({ ...red, why: "Two renewals slipped.", whatNext: "Weekly check-ins." }, "2026-12-01")).toBe(
      false,
    );
  });

  it("only when red: amber, green and unrated months owe nothing", () => {
    for (const status of ["AMBER", "GREEN", null] as const)
      expect(isRedMonthOwed({ ...red, status }, "2026-12-15")).toBe(false);
  });
});

describe("a commitment is owed from three days before it is due", () => {
  const open = { status: "OPEN" as const, dueDate: "2026-12-04" };

  it("due exactly in 3 days is owed; in 4 days is not yet", () => {
    expect(commitmentDue(open, "2026-12-01")).toEqual({ state: "due", days: 3 });
    expect(commitmentDue(open, "2026-11-30")).toBeNull();
  });

  it("is due today on its day, and overdue by whole days after it, across a month's end", () => {
    expect(commitmentDue(open, "2026-12-04")).toEqual({ state: "due", days: 0 });
    expect(commitmentDue(open, "2026-12-05")).toEqual({ state: "overdue", days: 1 });
    expect(commitmentDue({ status: "OPEN", dueDate: "2026-11-30" }, "2026-12-01")).toEqual({
      state: "overdue",
      days: 1,
    });
    expect(commitmentDue({ status: "OPEN", dueDate: "2026-12-01" }, "2026-11-28")).toEqual({ state: "due", days: 3 });
  });

  it("resolved commitments owe nothing", () => {
    expect(commitmentDue({ ...open, status: "DONE" }, "2026-12-10")).toBeNull();
    expect(commitmentDue({ ...open, status: "MISSED" }, "2026-12-10")).toBeNull();
  });
});

describe("claims, charges and disputes", () => {
  it("finance reviews claimed contributions of open months; the head revises disputed ones", () => {
    expect(isClaimToReview({ status: "CLAIMED", isMonthClosed: false })).toBe(true);
    expect(isClaimToReview({ status: "CLAIMED", isMonthClosed: true })).toBe(false);
    expect(isClaimToReview({ status: "CONFIRMED", isMonthClosed: false })).toBe(false);
    expect(isDisputedClaimToRevise({ status: "DISPUTED", isMonthClosed: false })).toBe(true);
    expect(isDisputedClaimToRevise({ status: "DISPUTED", isMonthClosed: true })).toBe(false);
    expect(isDisputedClaimToRevise({ status: "CLAIMED", isMonthClosed: false })).toBe(false);
  });

  it("a charged deal waits 14 days for a dispute, the day of the charge counting as the first", () => {
    const charge = { status: "ATTRIBUTED" as const, chargedOn: "2026-11-20" };
    expect(isChargeToAnswer(charge, "2026-11-20")).toBe(true);
    expect(isChargeToAnswer(charge, "2026-12-03")).toBe(true); // day 14
    expect(chargeAnswerBy("2026-11-20")).toBe("2026-12-03");
    expect(isChargeToAnswer(charge, "2026-12-04")).toBe(false);
    expect(isChargeToAnswer({ ...charge, status: "DISPUTED" }, "2026-11-21")).toBe(false);
  });

  it("only a disputed charge is settled", () => {
    expect(isDisputeToSettle("DISPUTED")).toBe(true);
    for (const s of ["ATTRIBUTED", "UPHELD", "OVERTURNED"] as const) expect(isDisputeToSettle(s)).toBe(false);
  });

  it("escalates after seven days", () => {
    expect(isEscalated(6)).toBe(false);
    expect(isEscalated(7)).toBe(true);
  });
});

describe("month close", () => {
  it("a completed open month with actuals is ready; without actuals it needs them; closed or in progress, nothing", () => {
    expect(monthCloseState({ month: "2026-11", isClosed: false, hasActuals: true }, "2026-12-01")).toBe("ready");
    expect(monthCloseState({ month: "2026-11", isClosed: false, hasActuals: false }, "2026-12-01")).toBe("no-actuals");
    expect(monthCloseState({ month: "2026-11", isClosed: true, hasActuals: true }, "2026-12-01")).toBeNull();
    expect(monthCloseState({ month: "2026-11", isClosed: false, hasActuals: true }, "2026-11-30")).toBeNull();
  });

  it("is late from the tenth day after the month's end", () => {
    expect(isCloseLate("2026-11", "2026-12-09")).toBe(false);
    expect(isCloseLate("2026-11", "2026-12-10")).toBe(true);
    // February 2026 ends on the 28th: late on March 10th.
    expect(isCloseLate("2026-02", "2026-03-09")).toBe(false);
    expect(isCloseLate("2026-02", "2026-03-10")).toBe(true);
  });
});

describe("stale deals", () => {
  it("an open deal is stale the day after its expected close date", () => {
    expect(isStaleDeal({ outcome: "OPEN", expectedCloseDate: "2026-11-30" }, "2026-11-30")).toBe(false);
    expect(isStaleDeal({ outcome: "OPEN", expectedCloseDate: "2026-11-30" }, "2026-12-01")).toBe(true);
    expect(isStaleDeal({ outcome: "WON", expectedCloseDate: "2026-11-01" }, "2026-12-01")).toBe(false);
    expect(isStaleDeal({ outcome: "LOST", expectedCloseDate: "2026-11-01" }, "2026-12-01")).toBe(false);
  });
});

describe("who owes what, and where they land", () => {
  it("gives each role its work and fails closed on an unknown role", () => {
    expect(inboxWorkOf("DEPARTMENT_HEAD")).toEqual(["redMonth", "disputedClaim", "charge", "commitment"]);
    expect(inboxWorkOf("SALES_MANAGER")).toEqual(["redMonth", "disputedClaim", "charge", "commitment", "staleDeal"]);
    expect(inboxWorkOf("FINANCE")).toEqual(["claimsToReview", "disputeToSettle", "monthClose", "noActuals"]);
    expect(inboxWorkOf("OWNER")).toEqual(inboxWorkOf("FINANCE"));
    expect(inboxWorkOf("VIEWER")).toEqual([]);
    expect(inboxWorkOf("ADMIN")).toEqual([]);
    expect(inboxWorkOf("toString")).toEqual([]);
  });

  it("lands heads, finance and sales managers on My work, the owner and viewers on the dashboard", () => {
    expect(landingPath("acme", "DEPARTMENT_HEAD")).toBe("/o/acme/inbox");
    expect(landingPath("acme", "FINANCE")).toBe("/o/acme/inbox");
    expect(landingPath("acme", "SALES_MANAGER")).toBe("/o/acme/inbox");
    expect(landingPath("acme", "OWNER")).toBe("/o/acme");
    expect(landingPath("acme", "VIEWER")).toBe("/o/acme");
  });
});
