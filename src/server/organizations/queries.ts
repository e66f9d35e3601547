import "server-only";
import type { TTenantContext } from "../tenant";
import { db, type Tx } from "../db";

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

/**
 * The organization's money and calendar settings, from the context (read once per request with the
 * membership or token). Currency, fiscal-year start and zone are locked once money or closed months
 * exist (organizationSettingLocks), so the request's copy cannot disagree with a write it makes.
 */
export async function getOrganizationMoney(_tx: Tx, ctx: TTenantContext) {
  const { currency, timeZone, fiscalYearStartMonth, digits } = ctx.organization;
  return { currency, timeZone, fiscalYearStartMonth, digits };
}
