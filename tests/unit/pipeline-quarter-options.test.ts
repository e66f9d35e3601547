import { describe, expect, it } from "vitest";
import { quarterOptions } from "@/app/o/[slug]/pipeline/view-model";

describe("the pipeline's fiscal-quarter filter", () => {
  it("offers the four quarters of every fiscal year given, oldest first", () => {
    const options = quarterOptions([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(options).toHaveLength(24);
    expect(options[0]).toEqual({ value: "2022-Q1", label: "Q1 FY2022" });
    expect(options.at(-1)).toEqual({ value: "2027-Q4", label: "Q4 FY2027" });
  });

  it("keeps the quarter a link filters on selectable when its year has no data", () => {
    expect(quarterOptions([2026, 2027], "2019-Q3").map((o) => o.value)).toEqual([
      "2019-Q1",
      "2019-Q2",
      "2019-Q3",
      "2019-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
      "2027-Q2",
      "2027-Q3",
      "2027-Q4",
    ]);
  });
});
