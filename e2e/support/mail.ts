// Email in end-to-end runs: the e2e server has no SMTP_URL, so the app writes every message as an
// .eml file to a folder of its port (src/server/email/mailer.ts); journeys read them back from here.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

const root = path.resolve(import.meta.dirname, "../..");

/** The folder the e2e server on `port` writes its mail to (e2e/support/server.ts sets MAIL_DIR). */
export const mailDir = (port: string | number = process.env.E2E_PORT ?? "3100") =>
  path.join(root, "test-results", `mail-${port}`);

export type TMail = { subject: string; text: string; html: string };

/** The file names the mailer gives messages to `address` (it keeps [a-zA-Z0-9@._-] and turns the rest into _). */
const safeAddress = (address: string) => address.replace(/[^a-zA-Z0-9@._-]/g, "_");

/** When the mailer wrote a file: the ISO instant at the start of its name (":" and "." made "-"). */
function writtenAt(name: string): number | null {
  const m = name.match(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-/);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

async function newestTo(address: string, after: Date | undefined): Promise<TMail | null> {
  const dir = mailDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  const candidates = await Promise.all(
    names
      .filter((name) => name.endsWith(".eml") && name.toLowerCase().includes(`-${safeAddress(address).toLowerCase()}-`))
      .map(async (name) => ({ name, mtime: writtenAt(name) ?? (await stat(path.join(dir, name))).mtimeMs })),
  );
  const fresh = candidates
    .filter((c) => !after || c.mtime >= after.getTime())
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  for (const { name } of fresh) {
    const mail = await simpleParser(await readFile(path.join(dir, name)));
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((t) => t.value);
    if (!to.some((v) => v.address?.toLowerCase() === address.toLowerCase())) continue;
    return { subject: mail.subject ?? "", text: mail.text ?? "", html: mail.html || "" };
  }
  return null;
}

/**
 * The newest message to `address` (written at or after `after`, when given), waiting up to
 * `timeout` ms for it to arrive; throws when none does.
 */
export async function latestMailTo(address: string, options: { after?: Date; timeout?: number } = {}): Promise<TMail> {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  for (;;) {
    const mail = await newestTo(address, options.after);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${address} in ${mailDir()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a message's text that starts with `prefix` (say, the app's /verify-email?…). */
export function linkIn(mail: TMail, pathPrefix: string): string {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(pathPrefix));
  if (!url) throw new Error(`no ${pathPrefix} link in "${mail.subject}":\n${mail.text}`);
  return url;
}
