import { boardPackResponse } from "@/server/board-pack/response";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { tenantRoute } from "@/server/route-context";

/** The board pack of ?period= (the dashboard's period) as a PDF: any member may download it; others get 404. */
export const GET = tenantRoute(async (ctx, request) => {
  const period = new URL(request.url).searchParams.get("period") ?? undefined;
  return boardPackResponse(ctx, period, await now(), await getRequestLocale());
});
