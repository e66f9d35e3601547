import { describe, expect, it } from "vitest";
import { isSnoozed } from "@/lib/inbox/rules";
import { duePeriod, localWeekOf, nextRun } from "@/lib/schedule";

// Issue 14: when each job is due, in the organization's own zone (hand-computed offsets: New York
// UTC−5 in winter and UTC−4 from 8 March 2026, Los Angeles UTC−8, Tokyo UTC+9, Kolkata UTC+5:30).

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("the weekly pipeline snapshot: Monday 00:00 local", () => {
  it.each([
    ["2026-12-07T07:59:59Z", "America/Los_Angeles", "2026-11-30"], // Sunday 23:59:59 in LA
    ["2026-12-07T08:00:00Z", "America/Los_Angeles", "2026-12-07"], // Monday 00:00 in LA
    ["2026-12-06T14:59:59Z", "Asia/Tokyo", "2026-11-30"],
    ["2026-12-06T15:00:00Z", "Asia/Tokyo", "2026-12-07"],
    ["2027-01-03T12:00:00Z", "America/New_York", "2026-12-28"], // a Sunday whose Monday is last year
  ])("at %s in %s the due week is %s", (instant, zone, week) => {
    expect(duePeriod("pipeline-snapshot", at(instant), zone)).toBe(week);
    expect(localWeekOf(at(instant), zone)).toBe(week);
  });

  it("runs next at the coming Monday 00:00 local", () => {
    // Thursday 3 December, 04:00 in LA → Monday 7 December 00:00 PST.
    expect(iso(nextRun("pipeline-snapshot", at("2026-12-03T12:00:00Z"), "America/Los_Angeles"))).toBe(
      "2026-12-07T08:00:00.000Z",
    );
    // Thursday 21:00 in Tokyo → Monday 00:00 JST = Sunday 15:00 UTC.
    expect(iso(nextRun("pipeline-snapshot", at("2026-12-03T12:00:00Z"), "Asia/Tokyo"))).toBe(
      "2026-12-06T15:00:00.000Z",
    );
    // Exactly Monday 00:00: the next one is a week later.
    expect(iso(nextRun("pipeline-snapshot", at("2026-12-07T08:00:00Z"), "America/Los_Angeles"))).toBe(
      "2026-12-14T08:00:00.000Z",
    );
  });
});

describe("the alert evaluation: every local quarter hour", () => {
  it("names the quarter hour, in half-hour zones too", () => {
    expect(duePeriod("evaluate-alerts", at("2026-12-03T10:14:59Z"), "Asia/Kolkata")).toBe("2026-12-03T15:30");
    expect(duePeriod("evaluate-alerts", at("2026-12-03T10:15:00Z"), "Asia/Kolkata")).toBe("2026-12-03T15:45");
    expect(iso(nextRun("evaluate-alerts", at("2026-12-03T10:14:59Z"), "Asia/Kolkata"))).toBe(
      "2026-12-03T10:15:00.000Z",
    );
  });

  it("crosses midnight into the next day (the last day of a month into the first of the next)", () => {
    // 30 November 23:50 in New York.
    expect(duePeriod("evaluate-alerts", at("2026-12-01T04:50:00Z"), "America/New_York")).toBe("2026-11-30T23:45");
    expect(iso(nextRun("evaluate-alerts", at("2026-12-01T04:50:00Z"), "America/New_York"))).toBe(
      "2026-12-01T05:00:00.000Z",
    );
    expect(duePeriod("evaluate-alerts", at("2026-12-01T05:00:00Z"), "America/New_York")).toBe("2026-12-01T00:00");
  });
});

describe("the daily digest: 07:00 local", () => {
  it("is not due before 07:00 and is due from 07:00, on the first and the last day of a month", () => {
    expect(duePeriod("daily-digest", at("2026-12-01T11:59:59Z"), "America/New_York")).toBeNull();
    expect(duePeriod("daily-digest", at("2026-12-01T12:00:00Z"), "America/New_York")).toBe("2026-12-01");
    expect(duePeriod("daily-digest", at("2026-12-01T04:59:00Z"), "America/New_York")).toBe("2026-11-30"); // 23:59 on the 30th
    expect(iso(nextRun("daily-digest", at("2026-12-01T11:59:59Z"), "America/New_York"))).toBe(
      "2026-12-01T12:00:00.000Z",
    );
    expect(iso(nextRun("daily-digest", at("2026-11-30T12:00:00Z"), "America/New_York"))).toBe(
      "2026-12-01T12:00:00.000Z",
    );
  });

  it("keeps 07:00 local across the daylight-saving change", () => {
    // Saturday 7 March 2026, 08:00 EST → Sunday 8 March 07:00 EDT = 11:00 UTC.
    expect(iso(nextRun("daily-digest", at("2026-03-07T13:00:00Z"), "America/New_York"))).toBe(
      "2026-03-08T11:00:00.000Z",
    );
  });
});

describe("the weekly digest: Monday 07:00 local", () => {
  it("is due for the week from Monday 07:00 until Sunday night", () => {
    expect(duePeriod("weekly-digest", at("2026-11-30T11:59:00Z"), "America/New_York")).toBeNull(); // Monday 06:59
    expect(duePeriod("weekly-digest", at("2026-11-30T12:00:00Z"), "America/New_York")).toBe("2026-11-30");
    expect(duePeriod("weekly-digest", at("2026-12-06T23:00:00Z"), "America/New_York")).toBe("2026-11-30"); // Sunday 18:00
    expect(iso(nextRun("weekly-digest", at("2026-11-30T11:59:00Z"), "America/New_York"))).toBe(
      "2026-11-30T12:00:00.000Z",
    );
    expect(iso(nextRun("weekly-digest", at("2026-12-01T12:00:00Z"), "America/New_York"))).toBe(
      "2026-12-07T12:00:00.000Z",
    );
  });
});

describe("the board pack", () => {
  it("follows month closes, not the clock: never due by time, no next run to name", () => {
    expect(duePeriod("board-pack", at("2026-12-01T12:00:00Z"), "America/New_York")).toBeNull();
    expect(nextRun("board-pack", at("2026-12-01T12:00:00Z"), "America/New_York")).toBeNull();
  });
});

describe("a snoozed item", () => {
  it("is hidden before the day its snooze ends and shows again on that day", () => {
    expect(isSnoozed("2026-12-06", "2026-12-05")).toBe(true);
    expect(isSnoozed("2026-12-06", "2026-12-06")).toBe(false);
    expect(isSnoozed("2026-12-06", "2026-12-07")).toBe(false);
    expect(isSnoozed(null, "2026-12-05")).toBe(false);
  });
});
