import { afterEach, describe, expect, it, vi } from "vitest";
import { ZCellToken, ZSubmissionId, ZVersion } from "@/lib/schemas/concurrency";
import { newSubmissionId } from "@/lib/submission-id";

// The form fields of issue 10's findings 3 (a record's version) and 9 (a create form's submission id).

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("ZVersion", () => {
  it("reads a version as a form sends it (text) or a script does (a number)", () => {
    expect(ZVersion.parse("7")).toBe(7);
    expect(ZVersion.parse(0)).toBe(0);
    expect(ZVersion.parse(undefined)).toBeUndefined();
  });

  it("refuses anything else with a message to reload", () => {
    for (const bad of ["", "-1", "1.5", "7; drop", -1, 2 ** 31]) {
      const result = ZVersion.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      expect(result.error?.issues[0]?.message, String(bad)).toBe("This form is out of date; reload the page.");
    }
  });
});

describe("ZCellToken", () => {
  it("accepts no record (empty) or a record's id and version", () => {
    expect(ZCellToken.parse("")).toBe("");
    expect(ZCellToken.parse("cm3x0a1b2c3d4e5f6g7h8i9j:12")).toBe("cm3x0a1b2c3d4e5f6g7h8i9j:12");
  });

  it("refuses a token without a version, or with anything else in it", () => {
    for (const bad of ["cm3x0a1b", ":3", "a:b", "a b:1", `${"x".repeat(65)}:1`])
      expect(ZCellToken.safeParse(bad).success, bad).toBe(false);
  });
});

describe("ZSubmissionId", () => {
  it("is null when the form sent none, and the UUID when it did", () => {
    expect(ZSubmissionId.parse(undefined)).toBeNull();
    expect(ZSubmissionId.parse("")).toBeNull();
    expect(ZSubmissionId.parse("7d1f2c3e-4b5a-4c6d-8e7f-901a2b3c4d5e")).toBe("7d1f2c3e-4b5a-4c6d-8e7f-901a2b3c4d5e");
  });

  it("refuses what is not a UUID", () => {
    expect(ZSubmissionId.safeParse("1; DROP TABLE").success).toBe(false);
  });
});

describe("newSubmissionId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("makes a v4 UUID, different each time", () => {
    const [a, b] = [newSubmissionId(), newSubmissionId()];
    expect(a).toMatch(UUID_V4);
    expect(b).not.toBe(a);
    expect(ZSubmissionId.parse(a)).toBe(a);
  });

  it("makes one without crypto.randomUUID too (a page served over plain http)", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    const id = newSubmissionId();
    expect(id).toMatch(UUID_V4);
    expect(ZSubmissionId.parse(id)).toBe(id);
  });
});
