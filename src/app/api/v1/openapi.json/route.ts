import { openApiDocument } from "@/server/api/openapi";

/** The OpenAPI 3.1 document of /api/v1 (public: it describes, it reveals no data). */
export function GET(request: Request): Response {
  const origin = new URL(request.url).origin;
  return Response.json(openApiDocument(`${origin}/api/v1`), { headers: { "cache-control": "public, max-age=300" } });
}
