import "server-only";
import { monthLabel, type MonthKey } from "@/lib/period";
import { db } from "../db";
import { sendMail } from "../email/mailer";
import { appUrl } from "../email/signed-links";
import { escapeHtml } from "@/lib/html";
import type { TTenantContext } from "../tenant";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "../notifications/unsubscribe";
import { getBoardPack } from "./data";
import { renderBoardPack } from "./document";

export type TBoardPackDelivery = { sent: boolean };

/**
 * Emails one recipient the board pack of a closed month, once: a BoardPackDelivery row (unique per
 * organization, person and month) records it, so a retried job sends nothing twice. A recipient who
 * left, unsubscribed (NONE) or never verified the address is sent nothing. Throws when the mail
 * server refuses: the job retries.
 */
export async function deliverBoardPack(
  ctx: TTenantContext,
  userId: string,
  month: string,
  now: Date,
): Promise<TBoardPackDelivery> {
  const { organizationId } = ctx;
  const recipient = await db.boardPackRecipient.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: {
      membership: {
        select: { user: { select: { email: true, name: true, emailFrequency: true, emailVerifiedAt: true } } },
      },
    },
  });
  const user = recipient?.membership.user;
  if (!user || user.emailFrequency === "NONE" || user.emailVerifiedAt === null) return { sent: false };
  const done = await db.boardPackDelivery.findUnique({
    where: { organizationId_userId_month: { organizationId, userId, month } },
    select: { id: true },
  });
  if (done) return { sent: false };

  const period = `m-${month}`;
  const pack = await getBoardPack(ctx, period, now, {
    generatedBy: "Revtrace, when the month was closed",
    locale: "en-US",
  });
  const pdf = await renderBoardPack(pack);
  const label = monthLabel(month as MonthKey, { long: true });
  const org = ctx.organization.name;
  const link = appUrl(`/o/${ctx.slug}?period=${period}`);
  const unsubscribe = unsubscribePageUrl(userId);
  const text = [
    `Hello ${user.name},`,
    "",
    `${label} is closed in ${org}. Its board pack is attached (PDF): the tiles, target versus actual, the gap bridge, the heat map and one page per department.`,
    "",
    `The same month on the dashboard: ${link}`,
    "",
    "--",
    `An owner of ${org} chose you to receive the board pack of each closed month.`,
    `Unsubscribe from all Revtrace email: ${unsubscribe}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Hello ${escapeHtml(user.name)},</p>
<p>${escapeHtml(label)} is closed in ${escapeHtml(org)}. Its board pack is attached (PDF): the tiles, target versus actual, the gap bridge, the heat map and one page per department.</p>
<p><a href="${escapeHtml(link)}">Open ${escapeHtml(label)} on the dashboard</a></p>
<p style="font-size:13px;color:#52525b">An owner of ${escapeHtml(org)} chose you to receive the board pack of each closed month. <a href="${escapeHtml(unsubscribe)}" style="color:#52525b">Unsubscribe from all Revtrace email</a></p>
</body></html>`;
  const sent = await sendMail({
    to: user.email,
    subject: `${org} — board pack, ${label}`,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(userId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    attachments: [{ filename: `${ctx.slug}-board-pack-${period}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
  await db.boardPackDelivery.create({
    data: { organizationId, userId, month, messageId: sent.messageId, sentAt: now },
  });
  return { sent: true };
}
