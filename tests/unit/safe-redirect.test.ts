import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginPath } from "@/lib/safe-redirect";

// Finding 4 of issue 10, open redirect after sign-in: `callbackUrl=/\127.0.0.1:3999/phish` and
// `/%09/host` sent the signed-in user to another origin.
const APP = "http://localhost:3000";

describe("open redirect after sign-in: only same-origin paths are followed", () => {
  it.each([
    ["protocol-relative //host", "//evil.example/phish"],
    ["backslash /\\host (read as // by browsers)", "/\\127.0.0.1:3999/phish"],
    ["double backslash", "\\\\evil.example"],
    ["slash then backslash then slash", "/\\/evil.example"],
    ["tab inside // (the decoded form of /%09/host)", "/\t/host"],
    ["newline inside //", "/\n/host"],
    ["leading space before //", " //evil.example"],
    ["absolute URL of another origin", "https://evil.example/phish"],
    ["same host, other port", "http://localhost:3999/o/acme"],
    ["same host, other scheme", "https://localhost:3000/o/acme"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ])("refuses %s", (_label, raw) => {
    expect(sameOriginPath(raw, APP)).toBeNull();
    expect(safeCallbackPath(raw, APP, "/o/acme")).toBe("/o/acme");
  });

  it.each([
    ["a plain path", "/o/acme/settings", "/o/acme/settings"],
    ["a path with query and hash", "/o/acme?period=2026-Q1#bridge", "/o/acme?period=2026-Q1#bridge"],
    ["an absolute URL of the app itself", "http://localhost:3000/o/acme", "/o/acme"],
    ["a still-encoded tab (stays a path on this origin)", "/%09/host", "/%09/host"],
    ["encoded slashes (a path on this origin)", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps %s", (_label, raw, expected) => {
    expect(sameOriginPath(raw, APP)).toBe(expected);
  });

  it.each(["/.//evil.example", "/./\\evil.example", "/a/..//evil.example", "/%2e//evil.example"])(
    "never returns a path that reads as another host: %s",
    (raw) => {
      const path = sameOriginPath(raw, APP);
      expect(path).toBe("/evil.example");
      expect(new URL(path ?? "", APP).origin).toBe(APP);
    },
  );

  it("refuses what is not a non-empty string, and a broken app origin", () => {
    for (const raw of [undefined, null, 42, "", ["/o/acme"], { href: "/o/acme" }])
      expect(sameOriginPath(raw, APP)).toBeNull();
    expect(sameOriginPath("/o/acme", "not a url")).toBeNull();
    expect(safeCallbackPath(undefined, APP)).toBe("/");
  });
});
