import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";

/** One message: both bodies always (DESIGN.md "Alerts, jobs and email"). */
export type TMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Files to attach (the board pack's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type TSent = { messageId: string; via: "smtp" | "file"; file?: string };

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transporter: nodemailer.createTransport(url) };
  return smtp.transporter;
}

const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/**
 * Sends a message through SMTP_URL; without it, writes the message to MAIL_DIR as an .eml file
 * (nothing is sent, nothing is lost). Throws when the server refuses: callers are jobs, which
 * retry with backoff and keep the alert meanwhile.
 */
export async function sendMail(mail: TMail): Promise<TSent> {
  const { SMTP_URL, MAIL_FROM, MAIL_DIR } = env();
  const message = { from: MAIL_FROM, ...mail };
  if (SMTP_URL) {
    const info = await smtpTransport(SMTP_URL).sendMail(message);
    return { messageId: String(info.messageId), via: "smtp" };
  }
  const info = await fileTransport.sendMail(message);
  const dir = path.resolve(MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const file = path.join(
    dir,
    `${stamp}-${safeTo}-${String(info.messageId)
      .replace(/[^a-zA-Z0-9]/g, "")
      .slice(0, 12)}.eml`,
  );
  await writeFile(file, info.message as Buffer);
  return { messageId: String(info.messageId), via: "file", file };
}

/** Whether mail goes out or to files, in words (the worker prints it at start). */
export function mailDestination(): string {
  const { SMTP_URL, MAIL_DIR } = env();
  if (SMTP_URL) return `Email is sent through ${new URL(SMTP_URL).host}.`;
  return `SMTP_URL is not set: email is written to ${path.resolve(MAIL_DIR)} as .eml files, not sent.`;
}
