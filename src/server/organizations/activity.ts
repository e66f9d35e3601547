import "server-only";
import { Prisma } from "@db/client";
import type { TAuditActor } from "@/lib/audit-trail";
import { db } from "../db";
import type { TTenantContext } from "../tenant";

// The organization's audit trail, newest first, a page at a time (Settings → Activity). Keyset
// pagination on (createdAt, id) walks the (organizationId, createdAt) index; the id breaks ties
// between events of the same millisecond. Raw SQL because the record's name is read out of the
// stored before/after JSON in the database: loading whole snapshots (an import's can be large) to
// pick one field would move far more than the page shows.

export const ACTIVITY_PAGE_SIZE = 50;

export type TActivityEvent = {
  id: string;
  at: Date;
  actor: TAuditActor;
  action: string;
  entityType: string;
  /** The record's name as the event stored it (a name, file name, email or title), if any. */
  entityName: string | null;
};

/** Where the next page starts: the last event shown, as `<epoch ms>.<id>` (URL-safe). */
export type TActivityCursor = { at: Date; id: string };

export function encodeActivityCursor(cursor: TActivityCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

/** A cursor from the URL, or null for anything else (the newest page then). */
export function decodeActivityCursor(value: unknown): TActivityCursor | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,15})\.([a-z0-9]{1,40})$/.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2] ?? "" };
}

type TRow = {
  id: string;
  createdAt: Date;
  actorKind: "MEMBER" | "TOKEN" | "SYSTEM";
  memberName: string | null;
  tokenName: string | null;
  systemJob: string | null;
  action: string;
  entityType: string;
  entityName: string | null;
};

function toActor(row: TRow): TAuditActor {
  if (row.actorKind === "TOKEN") return { kind: "token", name: row.tokenName };
  if (row.actorKind === "SYSTEM") return { kind: "system", job: row.systemJob };
  return { kind: "member", name: row.memberName };
}

/** One page of the trail, older than `before` when given, and the cursor of the next page (null: no older events). */
export async function listActivity(
  ctx: TTenantContext,
  before: TActivityCursor | null,
  take = ACTIVITY_PAGE_SIZE,
): Promise<{ events: TActivityEvent[]; next: string | null }> {
  const older = before
    ? Prisma.sql`AND e."createdAt" <= ${before.at} AND (e."createdAt" < ${before.at} OR e.id < ${before.id})`
    : Prisma.empty;
  const rows = await db.$queryRaw<TRow[]>`
    SELECT e.id, e."createdAt", e."actorKind"::text AS "actorKind", u.name AS "memberName", t.name AS "tokenName", e."systemJob",
           e.action, e."entityType",
           COALESCE(e.after->>'name', e.before->>'name', e.after->>'fileName', e.before->>'fileName',
                    e.after->>'email', e.before->>'email', e.after->>'title', e.before->>'title') AS "entityName"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u.id = e."actorId"
    LEFT JOIN "ApiToken" t ON t."organizationId" = e."organizationId" AND t.id = e."apiTokenId"
    WHERE e."organizationId" = ${ctx.organizationId} ${older}
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.createdAt,
      actor: toActor(row),
      action: row.action,
      entityType: row.entityType,
      entityName: row.entityName,
    })),
    next: rows.length > take && last ? encodeActivityCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
