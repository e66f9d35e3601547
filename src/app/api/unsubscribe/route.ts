import { now } from "@/server/clock";
import { unsubscribe } from "@/server/notifications/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the address in
 * the List-Unsubscribe header, with the signed token in the query. 200 when the person's email is
 * stopped, 400 for a forged or altered token (nothing changes). GET never writes: it sends a person
 * who opened the address to the page that asks first.
 */
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  const result = await unsubscribe(token, await now());
  if (!result.ok) return text("This unsubscribe link is not valid.", 400);
  return text("Unsubscribed: you will get no more email from Revtrace.", 200);
}

export function GET(request: Request): Response {
  const url = new URL(request.url);
  const page = new URL("/unsubscribe", url);
  const token = url.searchParams.get("token");
  if (token) page.searchParams.set("token", token);
  return Response.redirect(page, 303);
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
