import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { isAppOrigin, isHttpsRequest } from "@/server/security/request-origin";

/**
 * Runs before every route (pages, server actions, route handlers, exports):
 * - refuses a server action posted from another origin with a clean 403 (Next.js would refuse it
 *   too, but by throwing, which answers 500);
 * - gives every response its security headers, with a fresh CSP nonce that Next.js puts on its own
 *   scripts (it reads the nonce from the request's Content-Security-Policy header);
 * - hands the requested path to the server components, which have no other way to read it, so a
 *   signed-out visitor of /o/acme/settings is sent back there after signing in.
 * Authorization is not decided here: every page and action checks the session and membership itself.
 */
export function proxy(request: NextRequest) {
  const isHttps = isHttpsRequest(request.nextUrl.protocol, request.headers);
  if (isCrossOriginAction(request)) {
    return withSecurityHeaders(
      new NextResponse("This request came from another site and was refused.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
      "default-src 'none'; frame-ancestors 'none'",
      isHttps,
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development", isHttps });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-revtrace-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, isHttps);
}

/** A server action (a POST naming a Next-Action) whose Origin is present and is not this app. */
function isCrossOriginAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  // Browsers always send Origin with a POST; without one there is no ambient browser session to abuse.
  return origin !== null && !isAppOrigin(origin, request.headers);
}

function withSecurityHeaders(response: NextResponse, csp: string, isHttps: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (isHttps) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Everything but build assets (next.config.ts gives those the static headers).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
