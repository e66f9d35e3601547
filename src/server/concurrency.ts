import "server-only";
import { now } from "./clock";
import type { Tx } from "./db";
import { AppError, type FieldErrors } from "./errors";
import type { TTenantContext } from "./tenant";

// Optimistic concurrency (issue 10, finding 3) and retried creates (finding 9). An edit form sends
// the `version` of each record it shows; a database trigger increments it with every change of an
// edited column (prisma/migrations/*_optimistic_concurrency), and a save is an `updateMany` guarded
// by that version with a count check, so a save made from an older copy overwrites nothing.

/** Who made the change a stale save ran into, and when. */
export type TChange = { by: string; at: Date };

/**
 * The latest audited change of a record (optionally one of `actions`): its actor's name, its time,
 * and the audit's action, before and after (null when none was recorded).
 */
export async function lastAuditedChange(
  tx: Tx,
  ctx: TTenantContext,
  entityType: string,
  entityId: string,
  actions?: string[],
) {
  const { organizationId } = ctx;
  const event = await tx.auditEvent.findFirst({
    where: { organizationId, entityType, entityId, ...(actions && { action: { in: actions } }) },
    orderBy: { createdAt: "desc" },
    select: {
      action: true,
      createdAt: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
      apiToken: { select: { name: true } },
    },
  });
  if (!event) return null;
  const by = event.actor?.name ?? (event.apiToken ? `API token “${event.apiToken.name}”` : "Someone");
  const record = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
  return { by, at: event.createdAt, action: event.action, before: record(event.before), after: record(event.after) };
}

/** The fields whose values differ between an audit's before and after, by their labels. */
export function changedFields(
  change: { before: Record<string, unknown>; after: Record<string, unknown> } | null,
  labels: Record<string, string>,
): string[] {
  if (!change) return [];
  return Object.entries(labels)
    .filter(([key]) => JSON.stringify(change.before[key] ?? null) !== JSON.stringify(change.after[key] ?? null))
    .map(([, label]) => label);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "10:42" today, "Dec 2 at 10:42" on another day, in the organization's time zone. */
export async function whenText(at: Date, timeZone: string): Promise<string> {
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  if (day(at) === day(await now())) return `at ${time}`;
  return `on ${new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(at)} at ${time}`;
}

/** "Anna Finance changed … at 10:42; reload to see it — your input is kept." */
export async function staleSave(
  what: string,
  change: TChange | null,
  timeZone: string,
  fieldErrors?: FieldErrors,
): Promise<AppError> {
  const head = change ? `${change.by} ${what} ${await whenText(change.at, timeZone)}` : `Someone ${what} a moment ago`;
  return new AppError("CONFLICT", `${head}; reload to see it — your input is kept.`, fieldErrors);
}

/**
 * The version token of a per-month cell (a target, a KPI value): "" when the month had no record,
 * else `<id>:<version>`. The id makes a record removed and created again a different token.
 */
export const cellToken = (row: { id: string; version: number } | null | undefined): string =>
  row ? `${row.id}:${row.version}` : "";

/**
 * A create made at most once per submission id: `find` looks the id up in this organization (a
 * unique key on organizationId and submissionId), `create` runs the create in its own transaction.
 * A retry returns the first result with `replayed`; two submits racing meet at the unique key, and
 * the loser returns the winner's result.
 */
export async function createOnce<R extends object>(
  submissionId: string | null,
  find: (submissionId: string) => Promise<R | null>,
  create: () => Promise<R>,
): Promise<R & { replayed: boolean }> {
  if (!submissionId) return { ...(await create()), replayed: false };
  const prior = await find(submissionId);
  if (prior) return { ...prior, replayed: true };
  try {
    return { ...(await create()), replayed: false };
  } catch (error) {
    // A racing submit of the same form may have committed first: its record answers this one too,
    // whatever the loser met — the submission id's unique violation, or a check of its own that the
    // winner's row now fails (a KPI's name is taken by the very KPI this submit was creating).
    const winner = await find(submissionId);
    if (winner) return { ...winner, replayed: true };
    throw error;
  }
}
