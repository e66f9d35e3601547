import "server-only";
import type { ApiScope, HeadlineForecast, Role } from "@db/enums";
import { currencyDigits } from "@/lib/money";
import { db } from "./db";
import { AppError } from "./errors";

/** The organization's settings, read once per request with the membership (or token) that admits the actor. */
export type TOrganization = {
  id: string;
  name: string;
  slug: string;
  currency: string;
  /** Minor-unit digits of the currency (2 for USD, 0 for JPY). */
  digits: number;
  fiscalYearStartMonth: number;
  timeZone: string;
  onTrackThresholdBp: number;
  atRiskThresholdBp: number;
  headlineForecast: HeadlineForecast;
  version: number;
};

/** Who acts (DESIGN.md "Who acts, and how requests come in"). Audit events name it. */
export type TActor =
  | { kind: "member"; userId: string }
  | { kind: "token"; tokenId: string; name: string }
  | { kind: "system"; job: string };

/**
 * The one tenant context every entry point builds (page, server action, route handler, `/api/v1`
 * request, job) and every data-access function takes. `organizationId` repeats `organization.id`
 * because every query names it.
 */
export type TTenantContext = {
  organization: TOrganization;
  organizationId: string;
  slug: string;
  actor: TActor;
  /** The member's user id; null when a token or the system acts. */
  userId: string | null;
  /** The member's role; null for a token (its scopes decide) or the system. */
  role: Role | null;
  /** A token's scopes; empty for members and the system. */
  scopes: readonly ApiScope[];
  /** The department a DEPARTMENT_HEAD or SALES_MANAGER is bound to. */
  departmentId: string | null;
};

/** A signed-in member's context: what pages and server actions get. */
export type TMemberContext = TTenantContext & { actor: { kind: "member"; userId: string }; userId: string; role: Role };

export const ORGANIZATION_SELECT = {
  id: true,
  name: true,
  slug: true,
  currency: true,
  fiscalYearStartMonth: true,
  timeZone: true,
  onTrackThresholdBp: true,
  atRiskThresholdBp: true,
  headlineForecast: true,
  version: true,
} as const;

type TOrganizationRow = Omit<TOrganization, "digits">;

export function toOrganization(row: TOrganizationRow): TOrganization {
  return { ...row, digits: currencyDigits(row.currency) };
}

/**
 * The tenant is the organization named by the URL slug, and only if this user is a member of it.
 * Anything else (no such slug, not a member) is indistinguishable: null. One query reads the
 * membership and the organization's settings together.
 */
export async function resolveTenant(userId: string, slug: string): Promise<TMemberContext | null> {
  const membership = await db.membership.findFirst({
    where: { userId, organization: { slug } },
    select: { role: true, departmentId: true, organization: { select: ORGANIZATION_SELECT } },
  });
  if (!membership) return null;
  const organization = toOrganization(membership.organization);
  return {
    organization,
    organizationId: organization.id,
    slug: organization.slug,
    actor: { kind: "member", userId },
    userId,
    role: membership.role,
    scopes: [],
    departmentId: membership.departmentId,
  };
}

/** A token's context, once the token has been verified (src/server/api/tokens.ts). */
export function tokenContext(
  organization: TOrganizationRow,
  token: { id: string; name: string; scopes: readonly ApiScope[] },
): TTenantContext {
  const org = toOrganization(organization);
  return {
    organization: org,
    organizationId: org.id,
    slug: org.slug,
    actor: { kind: "token", tokenId: token.id, name: token.name },
    userId: null,
    role: null,
    scopes: token.scopes,
    departmentId: null,
  };
}

/** The context a scheduled job acts in for one organization. */
export async function systemContext(organizationId: string, job: string): Promise<TTenantContext> {
  const row = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: ORGANIZATION_SELECT });
  const organization = toOrganization(row);
  return {
    organization,
    organizationId,
    slug: organization.slug,
    actor: { kind: "system", job },
    userId: null,
    role: null,
    scopes: [],
    departmentId: null,
  };
}

/**
 * The member's user id, for what only a person can do or own (an invitation, an imported file's
 * deals). A token or the system is refused: their scopes never grant these.
 */
export function memberIdOf(ctx: TTenantContext): string {
  if (ctx.actor.kind !== "member") throw new AppError("FORBIDDEN", "Only a signed-in member can do this.");
  return ctx.actor.userId;
}
