import { describe, expect, it } from "vitest";
import { formatBp, formatRatio } from "@/lib/format";

describe("formatRatio", () => {
  it("rounds once, from the exact ratio", () => {
    // 1,377,406 / 120,000,000 = 1.14784 % → 1.1 % (via 115 bp it would read 1.2 %).
    expect(formatRatio(1_377_406n, 120_000_000n)).toBe("1.1%");
    // 67 / 120 = 55.8333 % → 55.8 %; 2 / 3 = 66.667 % → 66.7 %.
    expect(formatRatio(67n, 120n)).toBe("55.8%");
    expect(formatRatio(2n, 3n)).toBe("66.7%");
  });

  it("rounds half away from zero, negatives included", () => {
    expect(formatRatio(1n, 2000n)).toBe("0.1%"); // 0.05 % → 0.1 %
    expect(formatRatio(-1n, 2000n)).toBe("-0.1%");
  });

  it("formats in the locale and shows a dash without a base", () => {
    expect(formatRatio(1n, 3n, "de-DE")).toBe("33,3\u00a0%");
    expect(formatRatio(1n, 0n)).toBe("—");
    expect(formatRatio(null, 5n)).toBe("—");
  });
});

describe("formatBp", () => {
  it("formats thresholds", () => {
    expect(formatBp(9000, "en-US", 0)).toBe("90%");
    expect(formatBp(null)).toBe("—");
  });
});
