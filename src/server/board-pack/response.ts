import "server-only";
import { boardPackFilename } from "@/lib/board-pack";
import { db } from "../db";
import type { TMemberContext } from "../tenant";
import { getBoardPack } from "./data";
import { renderBoardPack } from "./document";

/**
 * The board pack of `periodParam` as a PDF download for a member. Any member may have it (it shows
 * what the dashboard shows to every role), so no permission beyond membership is checked.
 */
export async function boardPackResponse(
  ctx: TMemberContext,
  periodParam: string | undefined,
  now: Date,
  locale: string,
): Promise<Response> {
  const user = await db.user.findUnique({ where: { id: ctx.userId }, select: { name: true } });
  const pack = await getBoardPack(ctx, periodParam, now, { generatedBy: user?.name ?? "a member", locale });
  const pdf = await renderBoardPack(pack);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${boardPackFilename(ctx.slug, pack.dashboard.resolved)}"`,
      "content-length": String(pdf.length),
      "cache-control": "private, no-store",
    },
  });
}
