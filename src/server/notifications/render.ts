import "server-only";
import type { EmailFrequency } from "@db/enums";
import { escapeHtml } from "@/lib/html";

// One email about one organization's open alerts for one person: both bodies carry the same
// content (each item's title, where, a direct link; escalated and new items marked) and the same
// footer (why this email, how to change how often, one-click unsubscribe). The HTML is plain
// inline-styled blocks, no tables, so it reads the same in any client and on a phone.

export type TEmailKind = Exclude<EmailFrequency, "NONE">;

export type TAlertEmailItem = {
  title: string;
  context: string[];
  /** Absolute http(s) link to where the item is done. */
  href: string;
  escalated: boolean;
  /** Not in any earlier email about this opening. */
  isNew: boolean;
};

export type TAlertEmailInput = {
  organizationName: string;
  personName: string;
  kind: TEmailKind;
  alerts: TAlertEmailItem[];
  settingsUrl: string;
  unsubscribeUrl: string;
};

export type TRenderedEmail = { subject: string; text: string; html: string };

const FREQUENCY_LABELS: Record<TEmailKind, string> = {
  IMMEDIATE: "Immediate",
  DAILY: "Daily digest",
  WEEKLY: "Weekly digest",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Only absolute http(s) links go into an email: a relative or javascript: link is a bug upstream. */
function absoluteLink(href: string): string {
  const url = new URL(href);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Not an http(s) link: ${href}`);
  return url.toString();
}

export function alertEmailSubject(organizationName: string, kind: TEmailKind, count: number): string {
  if (kind === "IMMEDIATE") return `${organizationName}: ${plural(count, "thing needs", "things need")} you`;
  const digest = kind === "DAILY" ? "daily" : "weekly";
  return `${organizationName} — your ${digest} digest: ${plural(count, "open item", "open items")}`;
}

function introduction(input: TAlertEmailInput): string {
  const count = input.alerts.length;
  const fresh = input.alerts.filter((a) => a.isNew).length;
  if (input.kind === "IMMEDIATE")
    return `${plural(count, "new thing", "new things")} in ${input.organizationName} ${count === 1 ? "needs" : "need"} you.`;
  const when = input.kind === "DAILY" ? "today" : "this week";
  const newPart = fresh > 0 && fresh < count ? ` (${fresh} new)` : fresh === count ? " (all new)" : "";
  return `What you owe in ${input.organizationName} ${when}: ${plural(count, "open item", "open items")}${newPart}.`;
}

function footerText(input: TAlertEmailInput): string {
  return `You get this email because you are a member of ${input.organizationName} on Revtrace and your email setting is "${FREQUENCY_LABELS[input.kind]}".`;
}

const markers = (a: TAlertEmailItem) => [a.escalated ? "Escalated" : null, a.isNew ? "New" : null].filter(Boolean);

function renderText(input: TAlertEmailInput): string {
  const items = input.alerts.map((a) => {
    const marks = markers(a)
      .map((m) => `[${m}] `)
      .join("");
    const lines = [`- ${marks}${a.title}`];
    if (a.context.length) lines.push(`  ${a.context.join(" · ")}`);
    lines.push(`  Open: ${absoluteLink(a.href)}`);
    return lines.join("\n");
  });
  return [
    `Hello ${input.personName},`,
    "",
    introduction(input),
    "",
    items.join("\n\n"),
    "",
    "----",
    footerText(input),
    `Change how often you get email: ${absoluteLink(input.settingsUrl)}`,
    `Unsubscribe from all Revtrace email: ${absoluteLink(input.unsubscribeUrl)}`,
    "",
  ].join("\n");
}

const STYLE = {
  body: "margin:0;padding:24px 16px;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b;font-size:15px;line-height:1.5",
  card: "max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:24px",
  item: "margin:0 0 16px;padding:12px 0 0;border-top:1px solid #e4e4e7",
  title: "margin:0;font-weight:600",
  context: "margin:4px 0 0;color:#52525b;font-size:14px",
  link: "color:#4f46e5;font-weight:600;text-decoration:underline",
  escalated:
    "display:inline-block;margin-right:6px;padding:0 6px;border-radius:4px;background:#fef2f2;color:#991b1b;font-size:12px;font-weight:600",
  fresh:
    "display:inline-block;margin-right:6px;padding:0 6px;border-radius:4px;background:#eef2ff;color:#3730a3;font-size:12px;font-weight:600",
  footer: "max-width:600px;margin:16px auto 0;color:#71717a;font-size:13px",
};

function renderItemHtml(a: TAlertEmailItem): string {
  const badges = [
    a.escalated ? `<span style="${STYLE.escalated}">Escalated</span>` : "",
    a.isNew ? `<span style="${STYLE.fresh}">New</span>` : "",
  ].join("");
  const context = a.context.length ? `<p style="${STYLE.context}">${escapeHtml(a.context.join(" · "))}</p>` : "";
  const href = escapeHtml(absoluteLink(a.href));
  return `<div style="${STYLE.item}"><p style="${STYLE.title}">${badges}${escapeHtml(a.title)}</p>${context}<p style="margin:6px 0 0"><a href="${href}" style="${STYLE.link}">Open</a></p></div>`;
}

function renderHtml(input: TAlertEmailInput, subject: string): string {
  const settings = escapeHtml(absoluteLink(input.settingsUrl));
  const unsubscribe = escapeHtml(absoluteLink(input.unsubscribeUrl));
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.card}">`,
    `<p style="margin:0 0 8px">Hello ${escapeHtml(input.personName)},</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(introduction(input))}</p>`,
    input.alerts.map(renderItemHtml).join(""),
    "</div>",
    `<div style="${STYLE.footer}">`,
    `<p style="margin:0 0 8px">${escapeHtml(footerText(input))}</p>`,
    `<p style="margin:0 0 8px"><a href="${settings}" style="color:#52525b">Change how often you get email</a></p>`,
    `<p style="margin:0"><a href="${unsubscribe}" style="color:#52525b">Unsubscribe from all Revtrace email</a></p>`,
    "</div>",
    "</body></html>",
  ].join("\n");
}

/** The subject and both bodies of an immediate email or a digest. */
export function renderAlertEmail(input: TAlertEmailInput): TRenderedEmail {
  const subject = alertEmailSubject(input.organizationName, input.kind, input.alerts.length);
  return { subject, text: renderText(input), html: renderHtml(input, subject) };
}
