import { describe, expect, it } from "vitest";
import type { MonthKey } from "@/lib/period";
import { monthToOpen, type TNarrativeState } from "@/lib/scorecard-months";

const m = (month: string, status: TNarrativeState["status"] = null, why = "", whatNext = ""): TNarrativeState => ({
  month: month as MonthKey,
  status,
  why,
  whatNext,
});

describe("the narrative a scorecard opens by default", () => {
  it("opens the red completed month that owes its narrative, even when a later month is completed", () => {
    // 1 December: October and November are completed, December is in progress and empty.
    const quarter = [m("2026-10", "RED"), m("2026-11", "GREEN"), m("2026-12")];
    expect(monthToOpen(quarter, "2026-12-01")).toBe("2026-10");
  });

  it("takes the latest of several owed months; a red month with only its 'why' still owes", () => {
    const months = [
      m("2026-09", "RED"),
      m("2026-10", "RED", "Fewer webinars", "Two in November"),
      m("2026-11", "RED", "Fewer webinars"),
      m("2026-12"),
    ];
    expect(monthToOpen(months, "2026-12-15")).toBe("2026-11");
  });

  it("without an owed month, opens the latest completed one, not the empty month in progress", () => {
    const months = [m("2026-10", "RED", "why", "next"), m("2026-11", "AMBER"), m("2026-12")];
    expect(monthToOpen(months, "2026-12-01")).toBe("2026-11");
    // On the last day of November, November is still in progress: October is the latest completed.
    expect(monthToOpen(months.slice(0, 2), "2026-11-30")).toBe("2026-10");
  });

  it("a red month in progress owes nothing yet, so a completed month goes first", () => {
    expect(monthToOpen([m("2026-10", "GREEN"), m("2026-11", "RED")], "2026-11-30")).toBe("2026-10");
  });

  it("the month in progress alone opens only when red or written, never when empty", () => {
    expect(monthToOpen([m("2026-12")], "2026-12-01")).toBeNull();
    expect(monthToOpen([m("2026-12", "GREEN")], "2026-12-31")).toBeNull();
    expect(monthToOpen([m("2026-12", "RED")], "2026-12-01")).toBe("2026-12");
    expect(monthToOpen([m("2026-12", "AMBER", "", "Call the partners")], "2026-12-31")).toBe("2026-12");
  });

  it("on the first day of the next month, the month just ended is completed and owes its narrative", () => {
    expect(monthToOpen([m("2026-12", "RED")], "2027-01-01")).toBe("2026-12");
    expect(monthToOpen([m("2026-12", "GREEN")], "2027-01-01")).toBe("2026-12");
  });

  it("months to come never open, and no month is no answer", () => {
    expect(monthToOpen([m("2027-01", "RED"), m("2027-02")], "2026-12-15")).toBeNull();
    expect(monthToOpen([], "2026-12-15")).toBeNull();
  });
});
