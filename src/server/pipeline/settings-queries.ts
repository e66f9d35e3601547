import "server-only";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

/** The settings page's view of the sales process: stages (with how many deals use each), loss causes, headline choice. */
export async function getPipelineSettings(ctx: TTenantContext) {
  const { organizationId } = ctx;
  const [stages, causes, organization] = await Promise.all([
    db.pipelineStage.findMany({
      where: { organizationId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        probabilityBp: true,
        outcome: true,
        archivedAt: true,
        _count: { select: { opportunities: true } },
      },
    }),
    db.lossCause.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, archivedAt: true, _count: { select: { causes: true } } },
    }),
    Promise.resolve({ headlineForecast: ctx.organization.headlineForecast }),
  ]);
  return { stages, causes, headlineForecast: organization.headlineForecast };
}
