import "server-only";
import { isoDate } from "@/lib/dates";
import { isSnoozed } from "@/lib/inbox/rules";
import { settingsPath } from "@/lib/settings-sections";
import { db } from "../db";
import { sendMail } from "../email/mailer";
import { appUrl } from "../email/signed-links";
import { localDay } from "../inbox/scope";
import type { TTenantContext } from "../tenant";
import { renderAlertEmail, type TEmailKind } from "./render";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe";

// Sends one person the email of one kind and period about one organization's open alerts, once:
// an EmailDelivery row (unique per organization, person, kind and period) records the sending,
// and a retried job finds it and sends nothing. The row and the alerts' notifiedAt are written
// together after the server accepted the message; if sending throws, nothing is written, the job
// retries and the alerts stay un-notified.

export type TDeliveryResult = { sent: boolean; alertCount: number };

type TAlertRow = { snoozedUntil: Date | null; clearedAt: Date | null };

/**
 * Open on `today` (the organization's local day, "YYYY-MM-DD"): not cleared, and not snoozed, or
 * snoozed until today or earlier (snoozedUntil is a date, exclusive: the alert shows again on it).
 */
export function isOpenOn(alert: TAlertRow, today: string): boolean {
  return alert.clearedAt === null && !isSnoozed(alert.snoozedUntil && isoDate(alert.snoozedUntil), today);
}

const NOT_SENT: TDeliveryResult = { sent: false, alertCount: 0 };

/** The member's email details, or null when `userId` is not a member of this organization. */
async function memberOf(ctx: TTenantContext, userId: string) {
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    select: { user: { select: { id: true, email: true, name: true, emailFrequency: true, emailVerifiedAt: true } } },
  });
  return membership?.user ?? null;
}

/** The person's open alerts in this organization, oldest first; IMMEDIATE takes only those never emailed. */
async function alertsToSend(ctx: TTenantContext, userId: string, kind: TEmailKind, now: Date) {
  const today = localDay(ctx.organization.timeZone, now);
  const rows = await db.alert.findMany({
    where: {
      organizationId: ctx.organizationId,
      userId,
      clearedAt: null,
      ...(kind === "IMMEDIATE" && { notifiedAt: null }),
    },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      context: true,
      href: true,
      escalated: true,
      clearedAt: true,
      snoozedUntil: true,
      notifiedAt: true,
    },
  });
  return rows.filter((row) => isOpenOn(row, today));
}

const contextOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * Emails `userId` their open alerts in `ctx`'s organization when their frequency is `kind`, once
 * per `periodKey` (a slot for IMMEDIATE, a day for DAILY, a week for WEEKLY). Throws when the mail
 * server refuses (the caller is a job, which retries).
 */
export async function deliverAlerts(
  ctx: TTenantContext,
  userId: string,
  kind: TEmailKind,
  periodKey: string,
  now: Date,
): Promise<TDeliveryResult> {
  const user = await memberOf(ctx, userId);
  // An address nobody has proven is not sent the organization's business (sign-up verifies it).
  if (!user || user.emailFrequency !== kind || user.emailVerifiedAt === null) return NOT_SENT;
  const delivered = await db.emailDelivery.findUnique({
    where: { organizationId_userId_kind_periodKey: { organizationId: ctx.organizationId, userId, kind, periodKey } },
    select: { id: true },
  });
  if (delivered) return NOT_SENT;
  const alerts = await alertsToSend(ctx, userId, kind, now);
  if (alerts.length === 0) return NOT_SENT;

  const email = renderAlertEmail({
    organizationName: ctx.organization.name,
    personName: user.name,
    kind,
    alerts: alerts.map((a) => ({
      title: a.title,
      context: contextOf(a.context),
      href: appUrl(a.href),
      escalated: a.escalated,
      isNew: a.notifiedAt === null,
    })),
    settingsUrl: appUrl(settingsPath(ctx.slug, "notifications")),
    unsubscribeUrl: unsubscribePageUrl(userId),
  });
  const sent = await sendMail({
    to: user.email,
    ...email,
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(userId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });

  const organizationId = ctx.organizationId;
  await db.$transaction([
    db.emailDelivery.create({
      data: {
        organizationId,
        userId,
        kind,
        periodKey,
        alertCount: alerts.length,
        messageId: sent.messageId,
        sentAt: now,
      },
    }),
    db.alert.updateMany({
      where: { organizationId, userId, id: { in: alerts.map((a) => a.id) }, notifiedAt: null },
      data: { notifiedAt: now },
    }),
  ]);
  return { sent: true, alertCount: alerts.length };
}
