import { describe, expect, it } from "vitest";
import { keyReference, localDate, rowKeys } from "@/lib/csv/row-key";

const NY = "America/New_York";

describe("a revenue row's content key", () => {
  it("uses the calendar date in the organization's zone, not UTC", () => {
    // 03:30 UTC on 1 April is 23:30 on 31 March in New York (UTC-4 in summer time).
    expect(localDate(new Date("2026-04-01T03:30:00Z"), NY)).toBe("2026-03-31");
    expect(localDate(new Date("2026-04-01T03:30:00Z"), "Europe/Berlin")).toBe("2026-04-01");
  });

  it("trims the reference and reads a missing one as empty; case is kept", () => {
    expect(keyReference("  A-1 ")).toBe("A-1");
    expect(keyReference(null)).toBe("");
    expect(keyReference("a-1")).not.toBe(keyReference("A-1"));
  });

  it("numbers identical (date, amount, reference) rows 1, 2, … in file order, and each distinct row 1", () => {
    const at = (iso: string) => new Date(iso);
    const keys = rowKeys(
      [
        { occurredAt: at("2026-03-05T05:00:00Z"), amountMinor: 2550n, reference: "A-2" },
        { occurredAt: at("2026-03-05T05:00:00Z"), amountMinor: 2550n, reference: " A-2" },
        { occurredAt: at("2026-03-05T18:00:00Z"), amountMinor: 2550n, reference: "A-2" }, // same local date, other time
        { occurredAt: at("2026-03-05T05:00:00Z"), amountMinor: 2551n, reference: "A-2" },
        { occurredAt: at("2026-03-05T05:00:00Z"), amountMinor: 2550n, reference: null },
      ],
      NY,
    );
    expect(keys).toEqual([
      { date: "2026-03-05", amountMinor: 2550n, reference: "A-2", occurrence: 1 },
      { date: "2026-03-05", amountMinor: 2550n, reference: "A-2", occurrence: 2 },
      { date: "2026-03-05", amountMinor: 2550n, reference: "A-2", occurrence: 3 },
      { date: "2026-03-05", amountMinor: 2551n, reference: "A-2", occurrence: 1 },
      { date: "2026-03-05", amountMinor: 2550n, reference: "", occurrence: 1 },
    ]);
  });
});
