import "server-only";
import type { TTenantContext } from "../tenant";
import { db } from "../db";

export function getOrganization(ctx: TTenantContext) {
  return db.organization.findUniqueOrThrow({
    where: { id: ctx.organizationId },
    select: {
      id: true,
      name: true,
      slug: true,
      currency: true,
      fiscalYearStartMonth: true,
      timeZone: true,
      onTrackThresholdBp: true,
      atRiskThresholdBp: true,
      version: true,
    },
  });
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
