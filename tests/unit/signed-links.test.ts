import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signLink, verifyLink } from "@/server/email/signed-links";

// signed-links.ts reads NEXTAUTH_SECRET through env() on first use (cached per test file).
const SECRET = "unit-test-secret-unit-test-secret-0123";
process.env.NEXTAUTH_SECRET = SECRET;
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/unused";

const EXPIRES = new Date("2026-03-04T09:00:00.000Z"); // 1772614800 s since the epoch
const BEFORE = new Date("2026-03-04T08:59:59.999Z");

/** The signature computed here, independently: HMAC-SHA256 of "purpose\nsubject\nexpiry". */
const hmac = (text: string) => createHmac("sha256", SECRET).update(text).digest("base64url");

describe("signed links", () => {
  it("are subject.expiry.signature, and verify to their subject until they expire", () => {
    const token = signLink("verify-email", "user_123", EXPIRES);
    expect(token).toBe(`user_123.1772614800.${hmac("verify-email\nuser_123\n1772614800")}`);
    expect(verifyLink("verify-email", token, BEFORE)).toEqual({ ok: true, subject: "user_123" });
  });

  it("without an expiry never expire", () => {
    const token = signLink("unsubscribe", "user_123");
    expect(token).toBe(`user_123.0.${hmac("unsubscribe\nuser_123\n0")}`);
    expect(verifyLink("unsubscribe", token, new Date("2100-01-01T00:00:00Z"))).toEqual({
      ok: true,
      subject: "user_123",
    });
  });

  it("are expired at exactly their expiry, and after it", () => {
    const token = signLink("verify-email", "user_123", EXPIRES);
    expect(verifyLink("verify-email", token, EXPIRES)).toEqual({ ok: false, reason: "expired" });
    expect(verifyLink("verify-email", token, new Date("2026-03-06T09:00:00Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuse a changed subject, expiry or signature as not valid (even when the change would have expired it)", () => {
    const [subject, expiry, signature] = signLink("verify-email", "user_123", EXPIRES).split(".") as [
      string,
      string,
      string,
    ];
    const otherChar = signature.startsWith("A") ? "B" : "A";
    for (const token of [
      `user_124.${expiry}.${signature}`,
      `${subject}.${Number(expiry) + 86_400}.${signature}`,
      `${subject}.${Number(expiry) - 86_400}.${signature}`,
      `${subject}.0.${signature}`,
      `${subject}.${expiry}.${otherChar}${signature.slice(1)}`,
      `${subject}.${expiry}.${signature.slice(0, -1)}`,
      `${subject}.${expiry}.${signature}.extra`,
      `${subject}.${expiry}`,
      `.${expiry}.${signature}`,
      `${subject}.soon.${signature}`,
      "",
    ])
      expect(verifyLink("verify-email", token, BEFORE)).toEqual({ ok: false, reason: "invalid" });
  });

  it("work for one purpose only", () => {
    const verify = signLink("verify-email", "user_123", EXPIRES);
    const unsubscribe = signLink("unsubscribe", "user_123", EXPIRES);
    expect(verifyLink("unsubscribe", verify, BEFORE)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyLink("verify-email", unsubscribe, BEFORE)).toEqual({ ok: false, reason: "invalid" });
  });

  it("signed under another secret are not valid", () => {
    const foreign = `user_123.1772614800.${createHmac("sha256", "another-secret-another-secret-000000")
      .update("verify-email\nuser_123\n1772614800")
      .digest("base64url")}`;
    expect(verifyLink("verify-email", foreign, BEFORE)).toEqual({ ok: false, reason: "invalid" });
  });
});
