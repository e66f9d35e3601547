import { describe, expect, it } from "vitest";
import {
  clientAddress,
  isAppOrigin,
  isHttpsRequest,
  publicOrigin,
  UNKNOWN_CLIENT,
} from "@/server/security/request-origin";

// The client address behind the sign-in throttle (finding 1) and the app origin behind the Origin
// checks (finding 9): forwarded headers count only when TRUSTED_PROXY says proxies of ours add them.

describe("clientAddress", () => {
  const xff = (value: string) => new Headers({ "x-forwarded-for": value });

  it("ignores X-Forwarded-For without a trusted proxy: every client is one stable key", () => {
    expect(clientAddress(xff("198.51.100.7"), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(xff("203.0.113.1"), 0)).toBe(UNKNOWN_CLIENT);
  });

  it("takes the entry the outermost trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": ["6.6.6.6", "198.51.100.7"] }, 1)).toBe("198.51.100.7");
  });

  it("falls back to the stable key when the header is missing or shorter than the proxy chain", () => {
    expect(clientAddress(new Headers(), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(xff("198.51.100.7"), 2)).toBe(UNKNOWN_CLIENT);
  });
});

describe("isAppOrigin", () => {
  const direct = { appUrl: "https://revtrace.example", trustedProxies: 0 };
  const proxied = { appUrl: "https://revtrace.example", trustedProxies: 1 };

  it("compares with the configured app URL, whatever X-Forwarded-Host or Host say", () => {
    const spoofed = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(isAppOrigin("https://revtrace.example", spoofed, direct)).toBe(true);
    expect(isAppOrigin("https://evil.example", spoofed, direct)).toBe(false);
    expect(isAppOrigin("http://revtrace.example", spoofed, direct)).toBe(false);
  });

  it("behind a trusted proxy, compares with the host and scheme the proxy forwarded", () => {
    const forwarded = new Headers({
      host: "app:3000",
      "x-forwarded-host": "revtrace.example",
      "x-forwarded-proto": "https",
    });
    expect(isAppOrigin("https://revtrace.example", forwarded, proxied)).toBe(true);
    expect(isAppOrigin("http://revtrace.example", forwarded, proxied)).toBe(false);
    expect(isAppOrigin("https://evil.example", forwarded, proxied)).toBe(false);
  });

  it("without an app URL or a proxy, compares with Host; refuses a missing or malformed Origin", () => {
    const headers = new Headers({ host: "localhost:3000" });
    const bare = { appUrl: undefined, trustedProxies: 0 };
    expect(isAppOrigin("http://localhost:3000", headers, bare)).toBe(true);
    expect(isAppOrigin("http://localhost:3999", headers, bare)).toBe(false);
    expect(isAppOrigin(null, headers, bare)).toBe(false);
    expect(isAppOrigin("null", headers, bare)).toBe(false);
  });
});

describe("isHttpsRequest", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const headers = new Headers({ "x-forwarded-proto": "https" });
    expect(isHttpsRequest("http:", headers, { appUrl: "http://localhost:3000", trustedProxies: 0 })).toBe(false);
    expect(isHttpsRequest("http:", headers, { appUrl: "http://localhost:3000", trustedProxies: 1 })).toBe(true);
    expect(isHttpsRequest("http:", new Headers(), { appUrl: "https://revtrace.example", trustedProxies: 0 })).toBe(
      true,
    );
    expect(isHttpsRequest("https:", new Headers(), { appUrl: undefined, trustedProxies: 0 })).toBe(true);
  });
});

describe("publicOrigin", () => {
  it("behind a trusted proxy, is the host and scheme the proxy forwarded", () => {
    const headers = new Headers({
      host: "app:3000",
      "x-forwarded-host": "evil.example, revtrace.acme.example",
      "x-forwarded-proto": "https",
    });
    expect(publicOrigin(headers, { appUrl: "https://configured.example", trustedProxies: 1 })).toBe(
      "https://revtrace.acme.example",
    );
  });

  it("without a trusted proxy, is the configured app URL (forwarded headers are the client's word)", () => {
    const headers = new Headers({ host: "internal:3000", "x-forwarded-host": "evil.example" });
    expect(publicOrigin(headers, { appUrl: "https://revtrace.acme.example/some/path", trustedProxies: 0 })).toBe(
      "https://revtrace.acme.example",
    );
  });

  it("without either, is the Host header", () => {
    expect(publicOrigin(new Headers({ host: "localhost:3000" }), { appUrl: undefined, trustedProxies: 0 })).toBe(
      "http://localhost:3000",
    );
    expect(publicOrigin(new Headers(), { appUrl: undefined, trustedProxies: 0 })).toBeNull();
  });
});
