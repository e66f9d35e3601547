import "server-only";
import { currencyDigits } from "@/lib/money";
import type { TTenantContext } from "../tenant";
import { db, type Tx } from "../db";

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

/** The organization's currency (with its minor-unit digits), time zone and fiscal-year start, read in `tx`. */
export async function getOrganizationMoney(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true, timeZone: true, fiscalYearStartMonth: true } });
  return { ...org, digits: currencyDigits(org.currency) };
}
