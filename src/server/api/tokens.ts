import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from "@/lib/schemas/api-tokens";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { memberIdOf, ORGANIZATION_SELECT, tokenContext, type TTenantContext } from "../tenant";

// An API token's bearer value is `rvt_<organizationId>_<secret>`: the organization id makes every
// lookup name the tenant (the tenant-key rule), the 32 random bytes are the secret, and only the
// secret's sha256 is stored. The value is shown once, at creation.

const PREFIX = "rvt_";
const BEARER = /^rvt_([a-z0-9]{20,40})_([A-Za-z0-9_-]{43})$/;

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The part of a bearer value lists show to tell tokens apart (never enough to use it). */
const displayPrefix = (secret: string) => `${PREFIX}…${secret.slice(0, 6)}`;

/** Start of the given calendar day, UTC: a token "expiring 2027-06-30" works until that day begins. */
const dayStartUtc = (day: string) => new Date(`${day}T00:00:00.000Z`);

export const createApiToken = tenantMutation({
  schema: ZCreateApiTokenInput,
  permission: "apiTokens.manage",
  run: async (ctx, input) => {
    const createdById = memberIdOf(ctx);
    const expiresAt = input.expiresOn ? dayStartUtc(input.expiresOn) : null;
    if (expiresAt && expiresAt <= (await now()))
      throw new AppError("VALIDATION", "Choose an expiry date in the future.", {
        expiresOn: ["Choose a date after today, or leave it empty for no expiry."],
      });
    const secret = randomBytes(32).toString("base64url");
    const bearer = `${PREFIX}${ctx.organizationId}_${secret}`;
    const token = await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          organizationId: ctx.organizationId,
          name: input.name,
          prefix: displayPrefix(secret),
          secretHash: hashSecret(secret),
          scopes: input.scopes,
          expiresAt,
          createdById,
        },
        select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
      });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: "apiToken.created",
        entityType: "ApiToken",
        entityId: created.id,
        after: created,
      });
      return created;
    });
    return { ...token, bearer };
  },
});

export const revokeApiToken = tenantMutation({
  schema: ZRevokeApiTokenInput,
  permission: "apiTokens.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const where = { organizationId: ctx.organizationId, id: input.tokenId };
      const before = await tx.apiToken.findFirst({
        where,
        select: { id: true, name: true, prefix: true, revokedAt: true },
      });
      if (!before) throw notFound("That token");
      if (before.revokedAt) return { tokenId: before.id, name: before.name, alreadyRevoked: true };
      const revokedAt = await now();
      await tx.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt } });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: "apiToken.revoked",
        entityType: "ApiToken",
        entityId: before.id,
        before,
        after: { ...before, revokedAt },
      });
      return { tokenId: before.id, name: before.name, alreadyRevoked: false };
    }),
});

export type TApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** The organization's tokens, active first, newest first. */
export async function listApiTokens(ctx: TTenantContext): Promise<TApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { organizationId: ctx.organizationId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null }));
}

export type TBearerVerdict =
  | { ok: true; ctx: TTenantContext; tokenId: string }
  | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" | "expired" };

/**
 * The context of a request's `Authorization: Bearer …` header, or why there is none. Every failure
 * answers 401 alike to the caller; the reason is for the error message. Records the token's last use
 * (at most once a minute, so a busy integration does not write on every call).
 */
export async function verifyBearer(authorization: string | null): Promise<TBearerVerdict> {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const parts = match && BEARER.exec(match[1] ?? "");
  if (!parts) return { ok: false, reason: "malformed" };
  const [, organizationId = "", secret = ""] = parts;
  const secretHash = hashSecret(secret);
  const token = await db.apiToken.findUnique({
    where: { organizationId_secretHash: { organizationId, secretHash } },
    select: {
      id: true,
      name: true,
      scopes: true,
      secretHash: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      organization: { select: ORGANIZATION_SELECT },
    },
  });
  if (!token || !timingSafeEqual(Buffer.from(token.secretHash), Buffer.from(secretHash)))
    return { ok: false, reason: "unknown" };
  if (token.revokedAt) return { ok: false, reason: "revoked" };
  const at = await now();
  if (token.expiresAt && token.expiresAt <= at) return { ok: false, reason: "expired" };
  if (!token.lastUsedAt || at.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.updateMany({ where: { organizationId, id: token.id }, data: { lastUsedAt: at } });
  }
  return { ok: true, ctx: tokenContext(token.organization, token), tokenId: token.id };
}
