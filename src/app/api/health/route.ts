import { checkReadiness } from "@/server/health";

// Asked at request time, never answered from a build-time render.
export const dynamic = "force-dynamic";

/** Readiness probe for load balancers: 200 when the database answers, 503 when it does not. No auth. */
export async function GET(): Promise<Response> {
  const health = await checkReadiness();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
