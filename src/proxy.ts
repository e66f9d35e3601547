import { NextResponse, type NextRequest } from "next/server";

/**
 * Hands the requested path to the server components, which have no other way to read it, so a
 * signed-out visitor of /o/acme/settings is sent back there after signing in. Authorization is
 * not decided here: every page and action checks the session and membership itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-revtrace-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: "/o/:path*" };
