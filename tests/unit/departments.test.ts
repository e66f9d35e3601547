import { describe, expect, it } from "vitest";
import { DEFAULT_DEPARTMENTS } from "@/lib/departments";

describe("DEFAULT_DEPARTMENTS", () => {
  it("has one department of each kind but OTHER", () => {
    expect(DEFAULT_DEPARTMENTS.map((d) => d.kind)).toEqual([
      "SALES",
      "MARKETING",
      "BILLING",
      "ACCOUNTING",
      "AUDIT",
      "LEGAL",
      "MEDIA_RELATIONS",
      "CUSTOMER_SERVICE",
      "EXECUTIVE",
    ]);
    expect(DEFAULT_DEPARTMENTS.find((d) => d.kind === "MEDIA_RELATIONS")?.name).toBe("Media relations");
  });
});
