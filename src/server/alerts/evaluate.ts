import "server-only";
import type { Role } from "@db/enums";
import type { TInboxItem } from "@/lib/inbox/items";
import { inboxWorkOf } from "@/lib/inbox/rules";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { getInbox } from "../inbox/queries";
import type { TMemberContext, TTenantContext } from "../tenant";

export type TEvaluation = { opened: number; cleared: number; open: number; members: number };

/**
 * A member's view for reading only: what `getInbox` would show this member. The job still acts as
 * the system — nothing is written through this context.
 */
function asMember(ctx: TTenantContext, m: { userId: string; role: Role; departmentId: string | null }): TMemberContext {
  return {
    ...ctx,
    actor: { kind: "member", userId: m.userId },
    userId: m.userId,
    role: m.role,
    departmentId: m.departmentId,
  };
}

/**
 * Serializes writers of one organization's alerts (evaluations by concurrent jobs, a member's
 * snooze) until the transaction ends: the next one reads what the previous one committed.
 */
export async function lockAlerts(tx: Tx, ctx: TTenantContext): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`alerts\n${ctx.organizationId}`}, 0))`;
}

const sameContext = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The alert evaluation (DESIGN.md "Alerts, jobs and email"): for every member who owes work, what
 * My work shows them now becomes their open alerts. A new item opens an alert; an item found again
 * keeps its alert (its text refreshed, its snooze kept); an alert whose item is gone clears; a
 * cleared alert whose item comes back opens again, unsnoozed and not yet notified. The OWNER's
 * items include everyone's still open after a week (escalation), as My work computes them.
 */
export async function evaluateAlerts(tx: Tx, ctx: TTenantContext, now: Date): Promise<TEvaluation> {
  const { organizationId } = ctx;
  await lockAlerts(tx, ctx);
  const memberships = await tx.membership.findMany({
    where: { organizationId },
    select: { userId: true, role: true, departmentId: true },
  });
  const owing = memberships.filter((m) => m.role === "OWNER" || inboxWorkOf(m.role).length > 0);
  const found = new Map<string, Map<string, TInboxItem>>();
  for (const m of owing) {
    const inbox = await getInbox(asMember(ctx, m), now);
    // Snoozed items are still owed: their alerts stay open (and keep their snooze).
    const owed = [...inbox.items, ...inbox.snoozed.map((s) => s.item)];
    found.set(m.userId, new Map(owed.map((i) => [i.key, i])));
  }

  const existing = await tx.alert.findMany({
    where: { organizationId },
    select: {
      id: true,
      userId: true,
      key: true,
      title: true,
      context: true,
      href: true,
      escalated: true,
      clearedAt: true,
    },
  });
  let opened = 0;
  let cleared = 0;
  const seen: string[] = [];
  const toClear: string[] = [];
  for (const alert of existing) {
    const item = found.get(alert.userId)?.get(alert.key);
    if (!item) {
      if (alert.clearedAt === null) toClear.push(alert.id);
      continue;
    }
    found.get(alert.userId)?.delete(alert.key);
    const escalated = item.escalatedFrom !== undefined;
    if (alert.clearedAt !== null) {
      opened++;
      await tx.alert.update({
        where: { organizationId_id: { organizationId, id: alert.id } },
        data: {
          ...alertFields(item),
          openedAt: now,
          lastSeenAt: now,
          clearedAt: null,
          snoozedUntil: null,
          snoozeReason: null,
          notifiedAt: null,
        },
      });
    } else if (
      alert.title !== item.title ||
      alert.href !== item.href ||
      alert.escalated !== escalated ||
      !sameContext(alert.context, item.context)
    ) {
      await tx.alert.update({
        where: { organizationId_id: { organizationId, id: alert.id } },
        data: { ...alertFields(item), lastSeenAt: now },
      });
    } else seen.push(alert.id);
  }
  if (seen.length)
    await tx.alert.updateMany({ where: { organizationId, id: { in: seen } }, data: { lastSeenAt: now } });
  if (toClear.length) {
    cleared = toClear.length;
    await tx.alert.updateMany({ where: { organizationId, id: { in: toClear } }, data: { clearedAt: now } });
  }
  const fresh = [...found].flatMap(([userId, items]) =>
    [...items.values()].map((item) => ({
      organizationId,
      userId,
      ...alertFields(item),
      openedAt: now,
      lastSeenAt: now,
    })),
  );
  if (fresh.length) {
    opened += fresh.length;
    await tx.alert.createMany({ data: fresh });
  }
  const open = await tx.alert.count({ where: { organizationId, clearedAt: null } });
  // The job's trace in the audit trail, when it changed anything (a quiet quarter hour leaves none).
  if (opened > 0 || cleared > 0)
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: "alerts.evaluated",
      entityType: "Alert",
      entityId: now.toISOString(),
      after: { opened, cleared, open },
    });
  return { opened, cleared, open, members: owing.length };
}

/** An alert's columns that come from its My work item. */
export function alertFields(item: TInboxItem) {
  return {
    key: item.key,
    kind: item.kind,
    title: item.title,
    context: item.context,
    href: item.href,
    escalated: item.escalatedFrom !== undefined,
  };
}

/** Who has open, unnotified alerts and wants to hear at once: the evaluation queues their email. */
export async function membersToNotifyNow(tx: Tx, ctx: TTenantContext, today: string): Promise<string[]> {
  const rows = await tx.alert.findMany({
    where: {
      organizationId: ctx.organizationId,
      clearedAt: null,
      notifiedAt: null,
      OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: new Date(`${today}T00:00:00Z`) } }],
      user: { emailFrequency: "IMMEDIATE", memberships: { some: { organizationId: ctx.organizationId } } },
    },
    distinct: ["userId"],
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
