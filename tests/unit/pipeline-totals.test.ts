import { describe, expect, it } from "vitest";
import { parsePipelineFilters, pipelineQuery } from "@/lib/pipeline-filters";
import { categoryTotals } from "@/lib/pipeline-totals";

// Issue 12: the pipeline reads like a forecast — open deals by default, with totals per forecast category.

describe("totals per forecast category", () => {
  it("orders commit, best case, pipeline, closed, omitted, leaves out empty ones, and rounds each weighted sum once", () => {
    // Commit: $1,000.00 at 90 % and $333.33 at 90 % → Σ amount × bp = 100,000 × 9,000 + 33,333 × 9,000 = 1,199,997,000
    //   → weighted 119,999.7 cents → $1,200.00 (rounded half away from zero).
    // Best case: $500.05 at 50 % → 50,005 × 5,000 = 250,025,000 → 25,002.5 cents → $250.03.
    // Pipeline: $200.00 at 25 % → 20,000 × 2,500 = 50,000,000 → $50.00.
    const { categories, total } = categoryTotals([
      { category: "PIPELINE", count: 1, amountMinor: 20_000n, weightedBpMinor: 50_000_000n },
      { category: "BEST_CASE", count: 1, amountMinor: 50_005n, weightedBpMinor: 250_025_000n },
      { category: "OMITTED", count: 0, amountMinor: 0n, weightedBpMinor: 0n },
      { category: "COMMIT", count: 2, amountMinor: 133_333n, weightedBpMinor: 1_199_997_000n },
    ]);
    expect(categories).toEqual([
      { category: "COMMIT", count: 2, amountMinor: 133_333n, weightedMinor: 120_000n },
      { category: "BEST_CASE", count: 1, amountMinor: 50_005n, weightedMinor: 25_003n },
      { category: "PIPELINE", count: 1, amountMinor: 20_000n, weightedMinor: 5_000n },
    ]);
    // Total: 4 deals, 133,333 + 50,005 + 20,000 = 203,338 cents; weighted from the exact sum
    // 1,199,997,000 + 250,025,000 + 50,000,000 = 1,500,022,000 → 150,002.2 → $1,500.02
    // (the rounded rows add up to $1,500.03: the total is not the sum of rounded rows).
    expect(total).toEqual({ count: 4, amountMinor: 203_338n, weightedMinor: 150_002n });
  });

  it("is empty with a zero total when nothing matches", () => {
    expect(categoryTotals([])).toEqual({ categories: [], total: { count: 0, amountMinor: 0n, weightedMinor: 0n } });
  });

  it("adds up a category listed twice", () => {
    const { categories } = categoryTotals([
      { category: "CLOSED", count: 1, amountMinor: 700n, weightedBpMinor: 7_000_000n },
      { category: "CLOSED", count: 2, amountMinor: 300n, weightedBpMinor: 3_000_000n },
    ]);
    expect(categories).toEqual([{ category: "CLOSED", count: 3, amountMinor: 1_000n, weightedMinor: 1_000n }]);
  });
});

describe("the pipeline's default filter", () => {
  it("shows open deals unless the URL asks for won, lost or all", () => {
    expect(parsePipelineFilters({}).status).toBe("open");
    expect(parsePipelineFilters({ status: "won" }).status).toBe("won");
    expect(parsePipelineFilters({ status: "lost" }).status).toBe("lost");
    expect(parsePipelineFilters({ status: "all" }).status).toBe("all");
    // A link from before keeps working: status=open is the default spelled out.
    expect(parsePipelineFilters({ status: "open" }).status).toBe("open");
  });

  it("leaves the default out of the URL and keeps the others", () => {
    expect(pipelineQuery(parsePipelineFilters({}))).toBe("");
    expect(pipelineQuery(parsePipelineFilters({ status: "open", q: "Globex" }))).toBe("?q=Globex");
    expect(pipelineQuery(parsePipelineFilters({ status: "all", q: "Globex" }))).toBe("?status=all&q=Globex");
    expect(pipelineQuery(parsePipelineFilters({ status: "lost" }), { page: "2" })).toBe("?status=lost&page=2");
  });
});
