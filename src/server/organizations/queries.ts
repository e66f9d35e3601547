import "server-only";
import type { TTenantContext } from "../tenant";
import { db } from "../db";

/**
 * The organization's settings: read once per request with the membership or token that built the
 * context (src/server/tenant.ts), not again by every query that needs the zone or the currency.
 */
export async function getOrganization(ctx: TTenantContext) {
  return ctx.organization;
}

/** The organizations a user belongs to, for the switcher and the landing redirect. */
export function listUserOrganizations(userId: string) {
  return db.membership
    .findMany({
      where: { userId },
      select: { role: true, organization: { select: { name: true, slug: true } } },
      orderBy: { organization: { name: "asc" } },
    })
    .then((rows) => rows.map((r) => ({ ...r.organization, role: r.role })));
}
