import { describe, expect, it } from "vitest";
import { retryAfterSeconds, tooManyAttemptsCode, tooManyAttemptsMessage } from "@/lib/auth-errors";
import { contentSecurityPolicy } from "@/lib/security-headers";

describe("contentSecurityPolicy (issue 10, finding 6)", () => {
  const directives = (csp: string) =>
    new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

  it("allows scripts only with the nonce, never inline or eval in production, and no framing", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", isDev: false, isHttps: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("script-src")).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("relaxes eval and style elements only for the development server, and upgrades requests over https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", isDev: true, isHttps: false }));
    expect(dev.get("script-src")).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: false })).get("style-src")).toBe(
      "'self' 'nonce-n'",
    );
    expect(
      directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true })).has("upgrade-insecure-requests"),
    ).toBe(true);
  });
});

describe("the throttled sign-in message (issue 10, finding 1)", () => {
  it("round-trips the retry time through next-auth's error string and says it in minutes", () => {
    expect(retryAfterSeconds(tooManyAttemptsCode(899.2))).toBe(900);
    expect(retryAfterSeconds("CredentialsSignin")).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
    expect(tooManyAttemptsMessage(900)).toBe("Too many sign-in attempts — try again in 15 minutes.");
    expect(tooManyAttemptsMessage(841)).toBe("Too many sign-in attempts — try again in 15 minutes.");
    expect(tooManyAttemptsMessage(59)).toBe("Too many sign-in attempts — try again in 1 minute.");
  });
});
