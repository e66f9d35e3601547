import { describe, expect, it } from "vitest";
import { apiTokenStatus } from "@/lib/api-token-status";

const AT = new Date("2026-12-03T12:00:00Z");

describe("apiTokenStatus", () => {
  it("is active without expiry, or before it", () => {
    expect(apiTokenStatus({ expiresAt: null, revokedAt: null }, AT)).toBe("Active");
    expect(apiTokenStatus({ expiresAt: new Date("2026-12-04T00:00:00Z"), revokedAt: null }, AT)).toBe("Active");
  });

  it("is expired from the expiry instant on", () => {
    expect(apiTokenStatus({ expiresAt: AT, revokedAt: null }, AT)).toBe("Expired");
    expect(apiTokenStatus({ expiresAt: new Date("2026-12-01T00:00:00Z"), revokedAt: null }, AT)).toBe("Expired");
  });

  it("is revoked once revoked, expired or not", () => {
    expect(apiTokenStatus({ expiresAt: null, revokedAt: new Date("2026-12-02T00:00:00Z") }, AT)).toBe("Revoked");
    expect(
      apiTokenStatus({ expiresAt: new Date("2026-12-01T00:00:00Z"), revokedAt: new Date("2026-12-02T00:00:00Z") }, AT),
    ).toBe("Revoked");
  });
});
