import "server-only";
import { addDays } from "@/lib/inbox/rules";
import { ZSnoozeAlertInput, ZWakeAlertInput } from "@/lib/schemas/alerts";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { getInbox } from "../inbox/queries";
import { alertFields, lockAlerts } from "./evaluate";
import { localDay } from "../inbox/scope";
import { memberIdOf, type TMemberContext, type TTenantContext } from "../tenant";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The member's context: snoozing is a person's own act on their own items. */
function asMemberContext(ctx: TTenantContext): TMemberContext {
  const userId = memberIdOf(ctx);
  if (!ctx.role) throw new AppError("FORBIDDEN", "Only a member can snooze their work.");
  return { ...ctx, actor: { kind: "member", userId }, userId, role: ctx.role };
}

/**
 * Hides one of the member's own My work items until a later day, with a reason (audited). Only an
 * item the member owes right now can be snoozed; anything else is not found. The alert row is
 * created here when the evaluation has not seen the item yet.
 */
export const snoozeAlert = tenantMutation({
  schema: ZSnoozeAlertInput,
  permission: "alerts.snooze",
  run: async (ctx, input) => {
    const member = asMemberContext(ctx);
    const at = await now();
    const inbox = await getInbox(member, at);
    const item = [...inbox.items, ...inbox.snoozed.map((s) => s.item)].find((i) => i.key === input.key);
    if (!item) throw new AppError("NOT_FOUND", "This item is no longer in your work: it may have just been done.");
    const today = localDay(ctx.organization.timeZone, at);
    const until = addDays(today, input.days);
    const { organizationId } = ctx;
    return db.$transaction(async (tx) => {
      await lockAlerts(tx, ctx);
      const where = { organizationId_userId_key: { organizationId, userId: member.userId, key: item.key } };
      const before = await tx.alert.findUnique({ where, select: { snoozedUntil: true, snoozeReason: true } });
      const alert = await tx.alert.upsert({
        where,
        create: {
          organizationId,
          userId: member.userId,
          ...alertFields(item),
          openedAt: at,
          lastSeenAt: at,
          snoozedUntil: day(until),
          snoozeReason: input.reason,
        },
        update: { clearedAt: null, snoozedUntil: day(until), snoozeReason: input.reason },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "alert.snoozed",
        entityType: "Alert",
        entityId: alert.id,
        before,
        after: { key: item.key, title: item.title, snoozedUntil: until, snoozeReason: input.reason },
      });
      return { until };
    });
  },
});

/** Brings a snoozed item back into My work today. */
export const wakeAlert = tenantMutation({
  schema: ZWakeAlertInput,
  permission: "alerts.snooze",
  run: async (ctx, input) => {
    const member = asMemberContext(ctx);
    const { organizationId } = ctx;
    return db.$transaction(async (tx) => {
      const where = { organizationId_userId_key: { organizationId, userId: member.userId, key: input.key } };
      const alert = await tx.alert.findUnique({ where });
      if (!alert?.snoozedUntil) throw new AppError("NOT_FOUND", "This item is not snoozed.");
      await tx.alert.update({ where, data: { snoozedUntil: null, snoozeReason: null } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "alert.woken",
        entityType: "Alert",
        entityId: alert.id,
        before: { snoozedUntil: alert.snoozedUntil, snoozeReason: alert.snoozeReason },
        after: { snoozedUntil: null },
      });
      return { key: input.key };
    });
  },
});
