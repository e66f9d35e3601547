import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { handleImportPost, isCrossSite } from "@/server/imports/respond";
import { proxy } from "@/proxy";

// Finding 9 of issue 10 (the Origin parts): the import routes' Origin check trusted
// X-Forwarded-Host, which any client can send, and a server action posted from another origin
// answered 500. The app's origin is NEXTAUTH_URL here (no trusted proxy is configured).
process.env.NEXTAUTH_URL = "http://localhost:3000";

const APP = "http://localhost:3000";
const EVIL = "http://evil.example";

const importPost = (headers: Record<string, string>) => {
  const form = new FormData();
  form.set("intent", "commit");
  form.set("file", new File(["date,amount\n2026-01-01,1"], "orders.csv", { type: "text/csv" }));
  return new Request(`${APP}/o/acme/revenue/import/api`, {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
    body: form,
  });
};

const notCalled = () => {
  throw new Error("the import must not run");
};

describe("the import routes' Origin check trusts X-Forwarded-Host (issue 10, finding 9)", () => {
  it("refuses another site's Origin even when X-Forwarded-Host is made to match it", async () => {
    const request = importPost({ origin: EVIL, "x-forwarded-host": "evil.example" });
    const response = await handleImportPost(request, { preview: notCalled, commit: notCalled, onImported: notCalled });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Imports are accepted from this site only.",
    });
    expect(await db.revenueEntry.count()).toBe(0);
  });

  it("refuses an Origin that matches the Host header but not the configured app URL", () => {
    expect(isCrossSite(importPost({ origin: "http://internal:3000", host: "internal:3000" }))).toBe(true);
  });

  it("accepts the app's own origin, and a request without Origin (no browser session rides on it)", () => {
    expect(isCrossSite(importPost({ origin: APP, "x-forwarded-host": "evil.example" }))).toBe(false);
    expect(isCrossSite(importPost({}))).toBe(false);
  });
});

describe("a cross-origin server action answers 500 (issue 10, finding 9)", () => {
  const action = (origin: string | null, extra: Record<string, string> = {}) =>
    proxy(
      new NextRequest(`${APP}/o/acme/settings`, {
        method: "POST",
        headers: { "next-action": "7f00aa", "content-type": "text/plain", ...(origin ? { origin } : {}), ...extra },
        body: "[]",
      }),
    );

  it("answers 403 with a plain message and the security headers", async () => {
    for (const response of [action(EVIL), action(EVIL, { "x-forwarded-host": "evil.example" }), action("null")]) {
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("This request came from another site and was refused.");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("lets the app's own actions through to Next.js, with a nonce for the page", () => {
    const response = action(APP);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
  });
});
